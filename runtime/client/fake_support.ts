import { ApiError } from "./errors.js";

/** What the fake client and its subresources share: errors shaped as the API server's, merge patches. */

/** An API error as the server would answer it (the fake's calls make no request). */
export function fakeApiError(code: number, reason: string, message: string): ApiError {
  return new ApiError({
    code,
    status: { kind: "Status", status: "Failure", code, reason, message },
    request: { method: "FAKE", path: "" },
  });
}

/** `target` with a JSON merge patch (RFC 7386) applied; neither is changed. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== "object" || patch === null || Array.isArray(patch)) return patch;
  const base = new Map<string, unknown>(
    typeof target === "object" && target !== null && !Array.isArray(target) ? Object.entries(target) : [],
  );
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) base.delete(key);
    else base.set(key, applyMergePatch(base.get(key), value));
  }
  return Object.fromEntries(base);
}
