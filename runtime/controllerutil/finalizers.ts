import type { KubernetesObject } from "../object.js";

/**
 * Finalizer helpers. They change the object in memory and say whether they changed it; writing
 * it back (update or patch) is the caller's step.
 *
 * Guarantees: idempotent, order of other finalizers kept.
 * Caveats: a finalizer blocks deletion until removed; remove yours only after its cleanup has
 * succeeded, and add it before creating anything that needs cleaning up.
 */

/** Adds a finalizer if absent; returns true when it was added. */
export function addFinalizer(obj: KubernetesObject, finalizer: string): boolean {
  obj.metadata ??= {};
  const finalizers = obj.metadata.finalizers ?? [];
  if (finalizers.includes(finalizer)) return false;
  obj.metadata.finalizers = [...finalizers, finalizer];
  return true;
}

/** Removes a finalizer if present; returns true when it was removed. */
export function removeFinalizer(obj: KubernetesObject, finalizer: string): boolean {
  const finalizers = obj.metadata?.finalizers ?? [];
  if (!finalizers.includes(finalizer) || !obj.metadata) return false;
  obj.metadata.finalizers = finalizers.filter((existing) => existing !== finalizer);
  return true;
}

/** Whether the object carries the finalizer. */
export function containsFinalizer(obj: KubernetesObject, finalizer: string): boolean {
  return (obj.metadata?.finalizers ?? []).includes(finalizer);
}
