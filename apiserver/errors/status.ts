/**
 * Kubernetes `Status` errors: every rejection the server makes is one of these, worded as
 * kube-apiserver words it (k8s.io/apimachinery/pkg/api/errors).
 */
import type { Status, StatusCause, StatusDetails } from "../../apimachinery/index.js";
import { formatGoNumber, goJsonMarshal } from "./go_format.js";

/** The wire form of a meta/v1 Status as this server sends it. */
export interface StatusBody extends Status {
  kind: "Status";
  apiVersion: "v1";
  /** A list's continue token, on the 410 for a continue token too old to continue consistently. */
  metadata: { continue?: string };
  status: "Failure" | "Success";
}

/** An error that the HTTP layer answers with a `Status` body and its code. */
export class StatusError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly details: StatusDetails | undefined;
  /** Sent as `metadata.continue`. */
  listContinue: string | undefined;
  /** Warnings the request had earned before it failed; they go out with the error, as in kube-apiserver. */
  warnings: readonly string[] = [];

  constructor(code: number, reason: string, message: string, details?: StatusDetails) {
    super(message);
    this.name = "StatusError";
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  /** The Status object sent to the client. */
  toStatus(): StatusBody {
    const body: StatusBody = {
      kind: "Status",
      apiVersion: "v1",
      metadata: this.listContinue ? { continue: this.listContinue } : {},
      status: "Failure",
      message: this.message,
      reason: this.reason,
      code: this.code,
    };
    // StatusReason is omitempty: an error with no reason (a bare 500) sends none.
    if (!this.reason) delete (body as Partial<StatusBody>).reason;
    if (this.details) body.details = withoutEmptyName(this.details);
    return body;
  }
}

/** StatusDetails.name is `omitempty`: an error about no object in particular sends none. */
function withoutEmptyName(details: StatusDetails): StatusDetails {
  if (details.name !== "") return details;
  const { name: _omitted, ...rest } = details;
  return rest;
}

/** Identifies a resource in error messages: `configmaps` or `machines.useless.container.training`. */
export interface GroupResource {
  group: string;
  resource: string;
}

export function qualifiedResource(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

function detailsFor(gr: GroupResource, name: string): StatusDetails {
  const details: StatusDetails = { name };
  if (gr.group) details.group = gr.group;
  details.kind = gr.resource;
  return details;
}

export function notFound(gr: GroupResource, name: string): StatusError {
  return new StatusError(404, "NotFound", `${qualifiedResource(gr)} "${name}" not found`, detailsFor(gr, name));
}

export function alreadyExists(gr: GroupResource, name: string): StatusError {
  return new StatusError(
    409,
    "AlreadyExists",
    `${qualifiedResource(gr)} "${name}" already exists`,
    detailsFor(gr, name),
  );
}

export function conflict(gr: GroupResource, name: string, why: string): StatusError {
  return new StatusError(
    409,
    "Conflict",
    `Operation cannot be fulfilled on ${qualifiedResource(gr)} "${name}": ${why}`,
    detailsFor(gr, name),
  );
}

export const objectModifiedMessage =
  "the object has been modified; please apply your changes to the latest version and try again";

export function badRequest(message: string): StatusError {
  return new StatusError(400, "BadRequest", message);
}

/** apierrors.NewForbidden: about no resource at all (a path), a collection, or one named object. */
export function forbidden(gr: GroupResource, name: string, why: string, causes?: StatusCause[]): StatusError {
  const details = detailsFor(gr, name);
  // StatusDetails.kind is omitempty: a path's refusal names no resource.
  if (!gr.resource) delete details.kind;
  if (causes) details.causes = causes;
  const subject =
    !gr.group && !gr.resource ? "" : name ? `${qualifiedResource(gr)} "${name}" is ` : `${qualifiedResource(gr)} is `;
  return new StatusError(403, "Forbidden", `${subject}forbidden: ${why}`, details);
}

export function methodNotSupported(gr: GroupResource, verb: string): StatusError {
  return new StatusError(
    405,
    "MethodNotAllowed",
    `${verb} is not supported on resources of kind "${qualifiedResource(gr)}"`,
    {
      ...(gr.group ? { group: gr.group } : {}),
      kind: gr.resource,
    },
  );
}

/** go-restful's 405 for a path it routes other methods of (a collection that is only created, say). */
export function methodNotAllowed(): StatusError {
  return new StatusError(
    405,
    "MethodNotAllowed",
    "the server does not allow this method on the requested resource",
    {},
  );
}

/** The 404 kube-apiserver gives for a path under a known API prefix that names nothing it serves. */
export function resourceNotFound(): StatusError {
  return new StatusError(404, "NotFound", "the server could not find the requested resource", {});
}

export function unauthorized(): StatusError {
  return new StatusError(401, "Unauthorized", "Unauthorized");
}

export function unsupportedMediaType(contentType: string, accepted: readonly string[]): StatusError {
  void contentType;
  return new StatusError(
    415,
    "UnsupportedMediaType",
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(", ")}`,
  );
}

export function notAcceptable(accepted: readonly string[]): StatusError {
  return new StatusError(406, "NotAcceptable", `only the following media types are accepted: ${accepted.join(", ")}`);
}

export function requestEntityTooLarge(limit: number): StatusError {
  return new StatusError(413, "RequestEntityTooLarge", `Request entity too large: limit is ${limit}`);
}

export function expired(message: string): StatusError {
  return new StatusError(410, "Expired", message);
}

export function gone(message: string): StatusError {
  return new StatusError(410, "Gone", message);
}

export function internalError(error: unknown): StatusError {
  const message = error instanceof Error ? error.message : String(error);
  return new StatusError(500, "InternalError", `Internal error occurred: ${message}`, {
    causes: [{ reason: "UnexpectedServerResponse", message }],
  });
}

/** One field error, as k8s.io/apimachinery/pkg/util/validation/field.Error. */
export interface FieldError {
  type:
    | "FieldValueRequired"
    | "FieldValueInvalid"
    | "FieldValueNotSupported"
    | "FieldValueForbidden"
    | "FieldValueTooLong"
    | "FieldValueTooMany"
    | "FieldValueDuplicate"
    | "FieldValueNotFound"
    | "FieldValueTypeInvalid";
  field: string;
  /** The full text after `<field>: `, e.g. `Required value` or `Invalid value: "x": why`. */
  detail: string;
}

/**
 * Renders a value as field.Error's ErrorBody does in `Invalid value: <value>`: strings quoted,
 * numbers and booleans as Go's %v, null as `null`, and anything else as its JSON.
 */
export function renderValue(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return formatGoNumber(value);
  if (typeof value === "boolean" || typeof value === "bigint") return String(value);
  return goJsonMarshal(value);
}

export const fieldErrors = {
  required(field: string, detail = ""): FieldError {
    return { type: "FieldValueRequired", field, detail: detail ? `Required value: ${detail}` : "Required value" };
  },
  /** An Invalid error whose value is already rendered (internal Go structs printed as JSON). */
  invalidRendered(field: string, renderedValue: string, detail: string): FieldError {
    return {
      type: "FieldValueInvalid",
      field,
      detail: `Invalid value: ${renderedValue}${detail ? `: ${detail}` : ""}`,
    };
  },
  invalid(field: string, value: unknown, detail: string): FieldError {
    return {
      type: "FieldValueInvalid",
      field,
      detail: `Invalid value: ${renderValue(value)}${detail ? `: ${detail}` : ""}`,
    };
  },
  notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
    const list = supported.map((s) => JSON.stringify(s)).join(", ");
    return {
      type: "FieldValueNotSupported",
      field,
      detail: `Unsupported value: ${renderValue(value)}${supported.length ? `: supported values: ${list}` : ""}`,
    };
  },
  forbidden(field: string, detail: string): FieldError {
    return { type: "FieldValueForbidden", field, detail: `Forbidden: ${detail}` };
  },
  tooLong(field: string, max: number): FieldError {
    return { type: "FieldValueTooLong", field, detail: `Too long: may not be more than ${max} bytes` };
  },
  tooMany(field: string, actual: number, max: number): FieldError {
    return { type: "FieldValueTooMany", field, detail: `Too many: ${actual}: must have at most ${max} items` };
  },
  duplicate(field: string, value: unknown): FieldError {
    return { type: "FieldValueDuplicate", field, detail: `Duplicate value: ${renderValue(value)}` };
  },
  notFound(field: string, value: unknown): FieldError {
    return { type: "FieldValueNotFound", field, detail: `Not found: ${renderValue(value)}` };
  },
  typeInvalid(field: string, value: unknown, detail: string): FieldError {
    return { type: "FieldValueTypeInvalid", field, detail: `Invalid value: ${renderValue(value)}: ${detail}` };
  },
} as const;

/** The 422 Invalid error for a kind (`ConfigMap`, `Switch.useless.container.training`). */
export function invalid(
  kind: { group: string; kind: string },
  name: string,
  errors: readonly FieldError[],
): StatusError {
  const qualifiedKind = kind.group ? `${kind.kind}.${kind.group}` : kind.kind;
  // The message aggregates the errors as field.ErrorList.ToAggregate does: each distinct text once,
  // each as field.Error prints itself ("<field>: <detail>", even for the whole object's empty path).
  const rendered = [...new Set(errors.map((e) => `${e.field}: ${e.detail}`))];
  const summary = rendered.length === 1 ? rendered[0] : `[${rendered.join(", ")}]`;
  const details: StatusDetails = { name };
  if (kind.group) details.group = kind.group;
  // omitempty: an internal object without TypeMeta (an access review) names no kind.
  if (kind.kind) details.kind = kind.kind;
  details.causes = errors.map((e) => ({ reason: e.type, message: e.detail, field: e.field }));
  return new StatusError(422, "Invalid", `${qualifiedKind} "${name}" is invalid: ${summary}`, details);
}
