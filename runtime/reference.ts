/**
 * References to objects, as client-go's tools/reference.GetReference makes them: what an Event's
 * involvedObject or a CronJob's status.active holds.
 */
import type { KubernetesObject } from "./object.js";
import type { ObjectReference } from "./scheme/index.js";

/**
 * An ObjectReference to `object`. `kind` supplies the apiVersion and kind an object lacks (a typed
 * list's items), as GetReference looks them up in the scheme.
 */
export function getReference(
  object: KubernetesObject,
  kind?: { readonly apiVersion: string; readonly kind: string },
): ObjectReference {
  return {
    apiVersion: object.apiVersion ?? kind?.apiVersion,
    kind: object.kind ?? kind?.kind,
    namespace: object.metadata?.namespace,
    name: object.metadata?.name,
    uid: object.metadata?.uid,
    resourceVersion: object.metadata?.resourceVersion,
  };
}
