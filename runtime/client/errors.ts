/**
 * Errors of the typed client: every non-2xx answer becomes an {@link ApiError} carrying the
 * server's `Status` body, so callers tell cases apart by reason (`isNotFound`, `isConflict`, ...)
 * rather than by parsing messages.
 */

import type { Status } from "../../apimachinery/index.js";

/** What a failed request was, for the error message. */
export interface ApiErrorRequest {
  method: string;
  path: string;
}

/** A request the API server answered with a failure `Status` (or a transport-level failure code). */
export class ApiError extends Error {
  /** HTTP status code of the answer. */
  readonly code: number;
  /** `Status.reason` (`NotFound`, `Conflict`, `AlreadyExists`, `Invalid`, ...), or `Unknown`. */
  readonly reason: string;
  /** The server's `Status` body (synthesised when the body was not a Status). */
  readonly status: Status;
  readonly request: ApiErrorRequest;

  constructor(options: { code: number; status: Status; request: ApiErrorRequest; cause?: unknown }) {
    const reason = options.status.reason ?? reasonForCode(options.code);
    const detail = options.status.message ?? `the server answered ${options.code}`;
    super(`${options.request.method} ${options.request.path}: ${reason}: ${detail}`, { cause: options.cause });
    this.name = "ApiError";
    this.code = options.code;
    this.reason = reason;
    this.status = options.status;
    this.request = options.request;
  }
}

const reasonsByCode: Record<number, string> = {
  400: "BadRequest",
  401: "Unauthorized",
  403: "Forbidden",
  404: "NotFound",
  405: "MethodNotAllowed",
  406: "NotAcceptable",
  409: "Conflict",
  410: "Expired",
  415: "UnsupportedMediaType",
  422: "Invalid",
  429: "TooManyRequests",
  500: "InternalError",
  503: "ServiceUnavailable",
  504: "Timeout",
};

/** The reason Kubernetes uses for a bare HTTP code, as apimachinery's `reasonForError`. */
export function reasonForCode(code: number): string {
  return reasonsByCode[code] ?? "Unknown";
}

function hasReason(err: unknown, reason: string, code: number): boolean {
  if (!(err instanceof ApiError)) return false;
  return err.reason === reason || (err.reason === "Unknown" && err.code === code);
}

/** The object (or its namespace or kind) does not exist. */
export function isNotFound(err: unknown): boolean {
  return hasReason(err, "NotFound", 404);
}

/** The write lost an optimistic-concurrency race (stale resourceVersion); re-read and retry. */
export function isConflict(err: unknown): boolean {
  return hasReason(err, "Conflict", 409);
}

/** A create named an object that already exists. */
export function isAlreadyExists(err: unknown): boolean {
  return hasReason(err, "AlreadyExists", 409);
}

/** The object failed validation; `status.details.causes` names the fields. */
export function isInvalid(err: unknown): boolean {
  return hasReason(err, "Invalid", 422);
}

/** A watch or list asked for a resourceVersion the server has compacted away (410 Gone). */
export function isGone(err: unknown): boolean {
  return err instanceof ApiError && (err.code === 410 || err.reason === "Expired" || err.reason === "Gone");
}

/** The caller lacks permission. */
export function isForbidden(err: unknown): boolean {
  return hasReason(err, "Forbidden", 403);
}
