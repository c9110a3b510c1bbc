/**
 * The options of a write (CreateOptions, UpdateOptions, PatchOptions, DeleteOptions) read from the
 * query or a DeleteOptions body, and validated as kube-apiserver's meta/v1 validation does: every
 * error is a cause of one 422 Invalid on the options kind, never a 400.
 */
import type { IncomingMessage } from "node:http";
import type { DeleteOptions, PropagationPolicy } from "../registry/deletion.js";
import { managerFromUserAgent } from "../registry/managed_fields.js";
import type { WriteOptions } from "../registry/object_service.js";
import type { PatchKind } from "../registry/patch.js";
import { fieldErrors, invalid, type FieldError } from "../errors/status.js";

const fieldManagerMaxLength = 128;
const fieldValidations = ["", "Ignore", "Strict", "Warn"];
const propagationPolicies = ["Foreground", "Background", "Orphan"];

type OptionsKind = "CreateOptions" | "UpdateOptions" | "PatchOptions" | "DeleteOptions";

function invalidOptions(kind: OptionsKind, errors: readonly FieldError[]): never {
  throw invalid({ group: "meta.k8s.io", kind }, "", errors);
}

/** ValidateDryRun: only "All". */
function dryRunErrors(dryRun: readonly string[]): FieldError[] {
  return dryRun.every((value) => value === "All") ? [] : [fieldErrors.notSupported("dryRun", dryRun, ["All"])];
}

/** ValidateFieldManager: at most 128 bytes, printable characters only. */
function fieldManagerErrors(fieldManager: string): FieldError[] {
  const errors: FieldError[] = [];
  if (Buffer.byteLength(fieldManager) > fieldManagerMaxLength)
    errors.push(fieldErrors.tooLong("fieldManager", fieldManagerMaxLength));
  let position = 0;
  for (const character of fieldManager) {
    if (!/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(character)) {
      const codePoint = character.codePointAt(0) ?? 0;
      const hex = codePoint.toString(16).toUpperCase().padStart(4, "0");
      errors.push(
        fieldErrors.invalid("fieldManager", fieldManager, `invalid character U+${hex} (at position ${position})`),
      );
    }
    position += Buffer.byteLength(character);
  }
  return errors;
}

/**
 * The options of a create, update or patch: ValidateCreateOptions/UpdateOptions/PatchOptions, in
 * their order (for a patch, the apply-only rules first).
 */
export function writeOptions(
  request: IncomingMessage,
  query: URLSearchParams,
  kind: Exclude<OptionsKind, "DeleteOptions">,
  patchKind?: PatchKind,
): WriteOptions {
  const fieldManager = query.get("fieldManager") ?? "";
  const dryRun = query.getAll("dryRun");
  const validation = query.get("fieldValidation") ?? "";
  const errors: FieldError[] = [];
  if (patchKind === "apply" && fieldManager === "")
    errors.push(fieldErrors.required("fieldManager", "is required for apply patch"));
  if (patchKind !== undefined && patchKind !== "apply" && query.has("force"))
    errors.push(fieldErrors.forbidden("force", "may not be specified for non-apply patch"));
  errors.push(...fieldManagerErrors(fieldManager), ...dryRunErrors(dryRun));
  if (!fieldValidations.includes(validation))
    errors.push(fieldErrors.notSupported("fieldValidation", validation, fieldValidations));
  if (errors.length) invalidOptions(kind, errors);
  return {
    dryRun: dryRun.length > 0,
    // An empty fieldValidation is the default, Warn.
    fieldValidation: (validation || "Warn") as WriteOptions["fieldValidation"],
    manager: { manager: fieldManager || managerFromUserAgent(request.headers["user-agent"]) },
  };
}

/** A *bool query parameter as the parameter codec reads it: anything but "0" and "false" is true. */
function queryBoolean(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  return value === null ? undefined : value !== "0" && value.toLowerCase() !== "false";
}

/** The requested grace period: an integer from the body or the query (checked by the delete handler). */
function gracePeriodOf(value: unknown): number | undefined {
  const number = typeof value === "string" && value !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) ? number : undefined;
}

/**
 * DeleteOptions from the body when there is one, else from the query (never both, as the delete
 * handler decodes one or the other), checked by ValidateDeleteOptions.
 */
export function deleteOptions(body: unknown, query: URLSearchParams): DeleteOptions {
  const fromBody = body !== undefined;
  const options = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const policy = fromBody ? options.propagationPolicy : (query.get("propagationPolicy") ?? undefined);
  const orphanDependents = fromBody ? options.orphanDependents : queryBoolean(query, "orphanDependents");
  const dryRun = fromBody ? options.dryRun : query.getAll("dryRun");
  const errors: FieldError[] = [];
  const hasPolicy = policy !== undefined && policy !== null;
  if (hasPolicy && orphanDependents !== undefined && orphanDependents !== null)
    errors.push(
      fieldErrors.invalid("propagationPolicy", policy, "orphanDependents and deletionPropagation cannot be both set"),
    );
  if (hasPolicy && !propagationPolicies.includes(String(policy)))
    errors.push(fieldErrors.notSupported("propagationPolicy", policy, [...propagationPolicies, "nil"]));
  const dryRunValues = Array.isArray(dryRun) ? dryRun.map(String) : [];
  errors.push(...dryRunErrors(dryRunValues));
  if (errors.length) invalidOptions("DeleteOptions", errors);
  return {
    // orphanDependents=false is an explicit choice not to orphan, as Background is.
    propagationPolicy: hasPolicy
      ? (policy as PropagationPolicy)
      : orphanDependents === true
        ? "Orphan"
        : orphanDependents === false
          ? "Background"
          : undefined,
    preconditions: options.preconditions as DeleteOptions["preconditions"],
    dryRun: dryRunValues.length > 0,
    gracePeriodSeconds: gracePeriodOf(fromBody ? options.gracePeriodSeconds : query.get("gracePeriodSeconds")),
  };
}

/**
 * The options of a write as admission sees them (the fields the query set; kube-apiserver
 * converts a patch's to UpdateOptions, or CreateOptions when apply creates).
 */
export function admissionWriteOptions(query: URLSearchParams): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const dryRun = query.getAll("dryRun");
  if (dryRun.length) options.dryRun = dryRun;
  const fieldManager = query.get("fieldManager");
  if (fieldManager) options.fieldManager = fieldManager;
  const fieldValidation = query.get("fieldValidation");
  if (fieldValidation) options.fieldValidation = fieldValidation;
  return options;
}

/** The DeleteOptions as admission sees them: the body's fields, or the query's when there is no body. */
export function admissionDeleteOptions(body: unknown, query: URLSearchParams): Record<string, unknown> {
  if (body !== undefined) {
    const {
      kind: _kind,
      apiVersion: _apiVersion,
      ...fields
    } = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
    return fields;
  }
  const options: Record<string, unknown> = {};
  const grace = query.get("gracePeriodSeconds");
  if (grace !== null && grace !== "" && Number.isInteger(Number(grace))) options.gracePeriodSeconds = Number(grace);
  const policy = query.get("propagationPolicy");
  if (policy) options.propagationPolicy = policy;
  const orphan = query.get("orphanDependents");
  if (orphan !== null) options.orphanDependents = orphan !== "0" && orphan.toLowerCase() !== "false";
  const dryRun = query.getAll("dryRun");
  if (dryRun.length) options.dryRun = dryRun;
  return options;
}
