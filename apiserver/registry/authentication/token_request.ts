/**
 * The serviceaccounts/token subresource (pkg/registry/core/serviceaccount/storage/token.go): a
 * TokenRequest for a service account answered with a signed, bound token.
 */
import { catalogResources } from "../../catalog/catalog.js";
import { badRequest, conflict, fieldErrors, invalid, type FieldError } from "../../errors/status.js";
import { objectKey } from "../../storage/store.js";
import type { KubeObject } from "../../storage/types.js";
import { apiAudiences, type ServiceAccountTokens, type TokenGrant } from "../../auth/service_account_tokens.js";
import { catalogType } from "../catalog_types.js";
import { timestamp, type ObjectService } from "../object_service.js";
import type { ResourceType } from "../resource_type.js";

const tokenRequestKind = { group: "authentication.k8s.io", kind: "TokenRequest" };
const defaultExpirationSeconds = 3600;
/** authenticationvalidation.MinTokenAgeSec. */
const minExpirationSeconds = 600;
const maxExpirationSeconds = 2 ** 32;
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: a pod's projected token, extended to a year. */
const warnOnlyExpirationSeconds = 3607;
const extendedExpirationSeconds = 24 * 365 * 60 * 60;

let tokenRequestTypeCache: ResourceType | undefined;

/** The TokenRequest kind as the serviceaccounts/token subresource decodes and returns it. */
export function tokenRequestType(): ResourceType {
  if (tokenRequestTypeCache) return tokenRequestTypeCache;
  const serviceAccounts = catalogResources().find(
    (entry) => entry.group === "" && entry.resource === "serviceaccounts",
  );
  const token = serviceAccounts?.subresources.find((sub) => sub.subresource === "token");
  if (!serviceAccounts || !token) throw new Error("the catalog has no serviceaccounts/token subresource");
  tokenRequestTypeCache = catalogType({
    ...serviceAccounts,
    group: token.group,
    version: token.version,
    kind: token.kind,
    verbs: token.verbs,
    subresources: [],
    shortNames: [],
    storageVersion: "",
    storageVersionHash: "",
    responseKind: token.responseKind,
    goType: token.goType,
  });
  return tokenRequestTypeCache;
}

interface TokenRequestSpec {
  audiences?: string[];
  expirationSeconds?: number;
  boundObjectRef?: { kind?: string; apiVersion?: string; name?: string; uid?: string } | null;
}

/** Defaulting of a decoded TokenRequest (v1 SetDefaults_TokenRequestSpec), before its fields are recorded. */
export function defaultTokenRequest(request: KubeObject): void {
  const spec = (request["spec"] ??= {}) as TokenRequestSpec;
  spec.expirationSeconds ??= defaultExpirationSeconds;
}

/** What issuing a token reads: the store's objects, the core kinds' types, the signer. */
export interface TokenRequestDependencies {
  readonly service: ObjectService;
  readonly tokens: ServiceAccountTokens;
  /** The core/v1 type of `resource` (serviceaccounts, pods, secrets, nodes). */
  coreType(resource: string): ResourceType;
}

/** TokenREST.Create: checks `request` against the service account `name` and fills in the token. */
export function createToken(
  dependencies: TokenRequestDependencies,
  namespace: string,
  name: string,
  request: KubeObject,
): KubeObject {
  const { service, tokens } = dependencies;
  const meta = request.metadata;
  if (meta.name && meta.name !== name)
    throw invalid(tokenRequestKind, name, [
      fieldErrors.invalid("metadata.name", meta.name, "must match the service account name if specified"),
    ]);
  if (meta.namespace && meta.namespace !== namespace)
    throw invalid(tokenRequestKind, name, [
      fieldErrors.invalid(
        "metadata.namespace",
        meta.namespace,
        "must match the service account namespace if specified",
      ),
    ]);
  const serviceAccount = service.getStored(dependencies.coreType("serviceaccounts"), namespace, name);
  if (meta.uid && meta.uid !== serviceAccount.metadata.uid)
    throw conflict(
      { group: tokenRequestKind.group, resource: tokenRequestKind.kind },
      name,
      `the UID in the token request (${meta.uid}) does not match the UID of the service account (${serviceAccount.metadata.uid})`,
    );
  const spec = request["spec"] as TokenRequestSpec;
  if (!spec.audiences?.length) spec.audiences = [...apiAudiences];
  meta.name = serviceAccount.metadata.name;
  meta.namespace = serviceAccount.metadata.namespace;
  meta.uid = serviceAccount.metadata.uid;
  const now = service.now();
  meta.creationTimestamp = timestamp(now);
  delete request["status"];
  const errors = validateTokenRequest(spec);
  if (errors.length) throw invalid(tokenRequestKind, "", errors);
  const expirationSeconds = spec.expirationSeconds ?? defaultExpirationSeconds;
  const bound = boundObjects(dependencies, namespace, name, spec);
  const extend =
    bound.pod !== undefined && expirationSeconds === warnOnlyExpirationSeconds && isApiAudiences(spec.audiences);
  const grant: TokenGrant = {
    serviceAccount,
    audiences: spec.audiences,
    expirationSeconds: extend ? extendedExpirationSeconds : expirationSeconds,
    warnAfterSeconds: extend ? expirationSeconds : 0,
    ...bound,
  };
  request["status"] = {
    token: tokens.issue(grant, now),
    expirationTimestamp: timestamp(new Date(now.getTime() + expirationSeconds * 1000)),
  };
  return request;
}

function isApiAudiences(audiences: readonly string[]): boolean {
  return audiences.every((audience) => apiAudiences.includes(audience));
}

function validateTokenRequest(spec: TokenRequestSpec): FieldError[] {
  const errors: FieldError[] = [];
  const seconds = spec.expirationSeconds ?? defaultExpirationSeconds;
  if (seconds < minExpirationSeconds)
    errors.push(
      fieldErrors.invalid("spec.expirationSeconds", seconds, "may not specify a duration less than 10 minutes"),
    );
  if (seconds > maxExpirationSeconds)
    errors.push(
      fieldErrors.invalid("spec.expirationSeconds", seconds, "may not specify a duration larger than 2^32 seconds"),
    );
  return errors;
}

/** The Pod (and its Node) or Secret a token is bound to, each checked as TokenREST does. */
function boundObjects(
  { service, coreType }: TokenRequestDependencies,
  namespace: string,
  serviceAccountName: string,
  spec: TokenRequestSpec,
): Pick<TokenGrant, "pod" | "secret" | "node"> {
  const ref = spec.boundObjectRef;
  if (!ref) return {};
  const [group, version] = (ref.apiVersion ?? "").includes("/")
    ? (ref.apiVersion ?? "").split("/", 2)
    : ["", ref.apiVersion ?? ""];
  const kind = ref.kind ?? "";
  const name = ref.name ?? "";
  const stored = (resource: string, scope: string | undefined, objectName: string) =>
    service.getStored(coreType(resource), scope, objectName);
  let result: Pick<TokenGrant, "pod" | "secret" | "node">;
  let uid: string | undefined;
  if (group === "" && kind === "Pod") {
    const pod = stored("pods", namespace, name);
    const podSpec = (pod["spec"] ?? {}) as { serviceAccountName?: string; nodeName?: string };
    if (podSpec.serviceAccountName !== serviceAccountName)
      throw badRequest(
        `cannot bind token for serviceaccount "${serviceAccountName}" to pod running with different serviceaccount name.`,
      );
    uid = pod.metadata.uid;
    result = { pod: { name, uid: uid ?? "" } };
    if (podSpec.nodeName) {
      const node = service.store.get("/nodes", objectKey(undefined, podSpec.nodeName));
      result = { ...result, node: { name: podSpec.nodeName, uid: node?.metadata.uid ?? "" } };
    }
  } else if (group === "" && kind === "Node") {
    const node = stored("nodes", undefined, name);
    uid = node.metadata.uid;
    result = { node: { name, uid: uid ?? "" } };
  } else if (group === "" && kind === "Secret") {
    const secret = stored("secrets", namespace, name);
    uid = secret.metadata.uid;
    result = { secret: { name, uid: uid ?? "" } };
  } else {
    throw badRequest(`cannot bind token to object of type ${group}/${version}, Kind=${kind}`);
  }
  if (ref.uid && uid !== ref.uid)
    throw conflict(
      { group, resource: kind },
      name,
      `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`,
    );
  return result;
}
