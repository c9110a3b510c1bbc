/**
 * How a write of the ObjectService meets admission: the attributes of the request (kube-apiserver's
 * admission.NewAttributesRecord as the handlers call it), and the chain's steps with the warnings
 * earned before a rejection sent along with it.
 */
import type { AdmissionAttributes, AdmissionOperation } from "../admission/attributes.js";
import type { AdmissionChain } from "../admission/chain.js";
import type { UserInfo } from "../auth/user.js";
import { StatusError } from "../errors/status.js";
import type { KubeObject } from "../storage/types.js";
import type { ResourceType } from "./resource_type.js";

/** What admission learns of a client's request besides the object: who sent it, with which options. */
export interface AdmissionRequest {
  readonly user: UserInfo;
  /** The request's CreateOptions, UpdateOptions or DeleteOptions, as an AdmissionReview carries them. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The name admission is told (a deletecollection tells none); the object's by default. */
  readonly name?: string;
}

/** The options kind kube-apiserver hands admission for each operation (a patch's become UpdateOptions). */
const optionsKinds: Record<AdmissionOperation, string> = {
  CREATE: "CreateOptions",
  UPDATE: "UpdateOptions",
  DELETE: "DeleteOptions",
  CONNECT: "",
};

/** The attributes admission sees of a write, or undefined when the request is not admitted. */
export function admissionAttributes(
  operation: AdmissionOperation,
  type: ResourceType,
  namespace: string | undefined,
  subresource: string,
  objects: { object: KubeObject | undefined; oldObject: KubeObject | undefined },
  options: { dryRun: boolean; admission?: AdmissionRequest | undefined },
): AdmissionAttributes | undefined {
  const request = options.admission;
  if (!request) return undefined;
  const name = request.name ?? objects.object?.metadata.name ?? objects.oldObject?.metadata.name ?? "";
  // A namespace's own requests are made in it, as the handlers set for kube-apiserver's admission.
  const isNamespace = type.group === "" && type.resource === "namespaces";
  return {
    operation,
    type,
    subresource,
    namespace: type.namespaced ? namespace : isNamespace ? name : undefined,
    name,
    ...objects,
    options: { kind: optionsKinds[operation], apiVersion: "meta.k8s.io/v1", ...request.options },
    dryRun: options.dryRun,
    user: request.user,
  };
}

/** Runs the mutating steps on `attributes.object`, adding their warnings to `warnings`. */
export async function runMutating(
  chain: AdmissionChain,
  attributes: AdmissionAttributes,
  warnings: string[],
): Promise<void> {
  warnings.push(...(await chain.admit(attributes).catch(withEarlierWarnings(warnings))));
}

/** Runs the validating steps, adding their warnings to `warnings`. */
export async function runValidating(
  chain: AdmissionChain,
  attributes: AdmissionAttributes,
  warnings: string[],
): Promise<void> {
  warnings.push(...(await chain.validate(attributes).catch(withEarlierWarnings(warnings))));
}

/** Adds the warnings earned before a rejection to it, as kube-apiserver's warning recorder sends them. */
function withEarlierWarnings(earlier: readonly string[]): (error: unknown) => never {
  return (error) => {
    if (error instanceof StatusError) error.warnings = [...earlier, ...error.warnings];
    throw error;
  };
}
