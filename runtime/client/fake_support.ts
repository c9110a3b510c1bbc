import { ApiError } from "./errors.js";

/** What the fake client and its subresources share: errors shaped as the API server's. */

/** An API error as the server would answer it (the fake's calls make no request). */
export function fakeApiError(code: number, reason: string, message: string): ApiError {
  return new ApiError({
    code,
    status: { kind: "Status", status: "Failure", code, reason, message },
    request: { method: "FAKE", path: "" },
  });
}
