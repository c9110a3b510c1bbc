/**
 * RFC 7386 JSON merge patch, as the API server applies `application/merge-patch+json` and as the
 * runtime's fake client applies a merge patch without a server.
 */

/**
 * `target` with `patch` merged in: objects merge key by key, null deletes a key, anything else
 * (arrays included) replaces. Neither input is changed; values taken from `patch` are copied with
 * `clone` (the API server passes one that copes with any depth).
 */
export function applyMergePatch(target: unknown, patch: unknown, clone: <T>(value: T) => T = structuredClone): unknown {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return clone(patch);
  const result: Record<string, unknown> =
    target !== null && typeof target === "object" && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value, clone);
  }
  return result;
}
