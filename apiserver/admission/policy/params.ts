/**
 * The params a binding gives its policy (generic.CollectParams): none without a paramKind or a
 * paramRef (the policy runs once with `params` null), the object named by paramRef.name, or
 * every object paramRef.selector selects; read from the store at the paramKind's version.
 *
 * Errors: a misconfigured binding is a thrown Error whose message kube-apiserver reports after
 * "failed to configure binding: ".
 */
import { selectorFromLabelSelector, type LabelSelector } from "../../../apimachinery/index.js";
import { servedList } from "../../registry/conversion.js";
import type { ResourceRegistry } from "../../registry/registry.js";
import { objectKey, type Store } from "../../storage/store.js";
import type { KubeObject } from "../../storage/types.js";

export interface ParamRef {
  readonly name?: string;
  readonly namespace?: string;
  readonly selector?: LabelSelector | null;
  readonly parameterNotFoundAction?: string | null;
}

export interface ParamKind {
  readonly apiVersion?: string;
  readonly kind?: string;
}

/** ParamKind.String() as the generated Go code prints it. */
function describeParamKind(paramKind: ParamKind): string {
  return `&ParamKind{APIVersion:${paramKind.apiVersion ?? ""},Kind:${paramKind.kind ?? ""},}`;
}

/** The params to evaluate the policy with; `[null]` runs it once without params. */
export async function collectParams(
  store: Store,
  registry: ResourceRegistry,
  paramKind: ParamKind | null | undefined,
  paramRef: ParamRef | null | undefined,
  requestNamespace: string,
): Promise<(KubeObject | null)[]> {
  if (!paramKind || !paramRef) return [null];
  const type = registry.lookupKind(paramKind.apiVersion ?? "", paramKind.kind ?? "");
  if (!type) throw new Error(`paramKind kind \`${describeParamKind(paramKind)}\` not known`);
  let namespace: string | undefined;
  if (type.namespaced) {
    namespace = paramRef.namespace || requestNamespace;
    if (!namespace)
      throw new Error("cannot use namespaced paramRef in policy binding that matches cluster-scoped resources");
  } else if (paramRef.namespace) {
    throw new Error("paramRef.namespace must not be provided for a cluster-scoped `paramKind`");
  }
  let params: KubeObject[];
  if (paramRef.name) {
    if (paramRef.selector) throw new Error("paramRef.name and paramRef.selector are mutually exclusive");
    const found = store.get(type.collection, objectKey(namespace, paramRef.name));
    params = found ? [found] : [];
  } else if (paramRef.selector) {
    const selector = selectorFromLabelSelector(paramRef.selector);
    params = store
      .list(type.collection, namespace)
      .filter((object) => selector.matches(object.metadata.labels ?? undefined));
  } else {
    throw new Error("one of name or selector must be provided");
  }
  if (params.length === 0 && paramRef.parameterNotFoundAction === "Deny")
    throw new Error("no params found for policy binding with `Deny` parameterNotFoundAction");
  return servedList(params, type);
}
