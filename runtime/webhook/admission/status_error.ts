/**
 * Errors that carry a Kubernetes `Status`, for webhooks to deny with a code and reason other than
 * 403 (apimachinery's `apierrors.NewInvalid` / `NewForbidden` as Go webhooks return them). A
 * defaulter or validator that throws one of these (or any error with a `status` Status, such as
 * the client's `ApiError`) denies with that Status; any other thrown error denies with 403 and its
 * message, as controller-runtime's `validationResponseFromStatus` / `Denied`.
 */
import type { Status, StatusCause } from "../../../apimachinery/index.js";

/** An error the webhook answers with its {@link Status}. */
export class StatusError extends Error {
  readonly status: Status;
  constructor(status: Status) {
    super(status.message ?? `${status.reason ?? "Failure"} (${status.code ?? 500})`);
    this.name = "StatusError";
    this.status = { ...status, status: "Failure" };
  }
}

/** One field error (field.Error): its path, its type and the text after the path. */
export interface FieldError {
  field: string;
  type:
    | "FieldValueInvalid"
    | "FieldValueRequired"
    | "FieldValueForbidden"
    | "FieldValueNotSupported"
    | "FieldValueDuplicate"
    | "FieldValueTooMany";
  /** The error body (`Invalid value: 5: must be at most 3`), as field.Error.ErrorBody prints it. */
  body: string;
}

/** A value as field.Error prints it after `Invalid value: `: strings quoted, others as JSON. */
function renderValue(value: unknown): string {
  return value === undefined ? "null" : JSON.stringify(value);
}

function withDetail(text: string, detail: string | undefined): string {
  return detail ? `${text}: ${detail}` : text;
}

/** Field error constructors, named as Go's `field.Invalid`, `field.Required`, ... */
export const fieldError = {
  invalid: (field: string, value: unknown, detail: string): FieldError => ({
    field,
    type: "FieldValueInvalid",
    body: withDetail(`Invalid value: ${renderValue(value)}`, detail),
  }),
  required: (field: string, detail = ""): FieldError => ({
    field,
    type: "FieldValueRequired",
    body: withDetail("Required value", detail),
  }),
  forbidden: (field: string, detail: string): FieldError => ({
    field,
    type: "FieldValueForbidden",
    body: withDetail("Forbidden", detail),
  }),
  notSupported: (field: string, value: unknown, supported: readonly string[]): FieldError => ({
    field,
    type: "FieldValueNotSupported",
    body: withDetail(
      `Unsupported value: ${renderValue(value)}`,
      supported.length ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(", ")}` : "",
    ),
  }),
  duplicate: (field: string, value: unknown): FieldError => ({
    field,
    type: "FieldValueDuplicate",
    body: `Duplicate value: ${renderValue(value)}`,
  }),
  tooMany: (field: string, actual: number, max: number): FieldError => ({
    field,
    type: "FieldValueTooMany",
    body: `Too many: ${actual}: must have at most ${max} items`,
  }),
} as const;

/** A kind as errors name it: `{ group, kind }` (a KindDescriptor fits). */
export interface GroupKind {
  group: string;
  kind: string;
}

/**
 * 422 Invalid (`apierrors.NewInvalid`): `Machine.useless.container.training "m" is invalid:
 * spec.switches: Invalid value: 9: at most 4`, one cause per field error.
 */
export function invalid(kind: GroupKind, name: string, errors: readonly FieldError[]): StatusError {
  const qualified = kind.group ? `${kind.kind}.${kind.group}` : kind.kind;
  const texts = [...new Set(errors.map((error) => `${error.field}: ${error.body}`))];
  const summary = texts.length === 0 ? "" : texts.length === 1 ? `: ${texts[0]}` : `: [${texts.join(", ")}]`;
  const causes: StatusCause[] = errors.map((error) => ({
    reason: error.type,
    message: error.body,
    field: error.field,
  }));
  return new StatusError({
    code: 422,
    reason: "Invalid",
    message: `${qualified} "${name}" is invalid${summary}`,
    details: { ...(kind.group ? { group: kind.group } : {}), kind: kind.kind, name, causes },
  });
}

/**
 * 403 Forbidden (`apierrors.NewForbidden`): `machines.useless.container.training "m" is forbidden:
 * <why>`; `resource` is the plural (`{ group, plural }`, a KindDescriptor fits).
 */
export function forbidden(resource: { group: string; plural: string }, name: string, why: string): StatusError {
  const qualified = resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
  const message = name ? `${qualified} "${name}" is forbidden: ${why}` : `${qualified} is forbidden: ${why}`;
  return new StatusError({
    code: 403,
    reason: "Forbidden",
    message,
    details: { ...(resource.group ? { group: resource.group } : {}), kind: resource.plural, name },
  });
}

/** The Status an error carries (a {@link StatusError}, the client's ApiError), or undefined. */
export function statusOf(err: unknown): Status | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  if (status === null || typeof status !== "object") return undefined;
  const candidate = status as Status;
  return typeof candidate.code === "number" ? candidate : undefined;
}
