/**
 * Typed defaulting and validation webhooks for one kind (controller-runtime's
 * `admission.WithCustomDefaulter` / `WithCustomValidator`): the object is decoded from the review,
 * handed to the user's code, and the outcome becomes the answer.
 *
 * Defaulting answers a JSON patch from the object as received to the defaulted one. Go decodes
 * into a struct, which drops unknown fields, and controller-runtime then drops the `remove`
 * operations that round trip caused (unless `DefaulterRemoveUnknownOrOmitableFields`); here objects
 * stay plain JSON, nothing is lost in decoding, so every `remove` in the patch is one the
 * defaulter made, which controller-runtime keeps too.
 */
import type { KubernetesObject } from "../../object.js";
import type { KindDescriptor } from "../../scheme/group_version.js";
import { createJsonPatch } from "./json_patch.js";
import { allowed, answerFromStatus, denied, errored, type AdmissionRequest, type Answer } from "./review.js";
import { statusOf } from "./status_error.js";
import type { AdmissionContext, AdmissionHandler } from "./webhook.js";

/** Warnings returned to the client (kubectl prints them as `Warning: ...`). */
export type Warnings = string[];

/** Sets defaults on an object being created or updated; throwing denies the request. */
export interface CustomDefaulter<T extends KubernetesObject = KubernetesObject> {
  default(ctx: AdmissionContext, obj: T): Promise<void> | void;
}

/**
 * Validates creates, updates and deletes; throwing denies the request (a {@link StatusError} with
 * its Status, any other error with 403 and its message), returning warnings allows it with them.
 * Go returns warnings beside the error; here a thrown error's `warnings` array goes out with the
 * denial.
 */
export interface CustomValidator<T extends KubernetesObject = KubernetesObject> {
  validateCreate(ctx: AdmissionContext, obj: T): Promise<Warnings | undefined> | Warnings | undefined;
  validateUpdate(ctx: AdmissionContext, oldObj: T, newObj: T): Promise<Warnings | undefined> | Warnings | undefined;
  validateDelete(ctx: AdmissionContext, obj: T): Promise<Warnings | undefined> | Warnings | undefined;
}

/** Thrown by {@link decodeObject}: answered 400. */
class DecodeError extends Error {}

/** The object of `kind` in `raw`, deep-copied. Errors: DecodeError when absent or of another kind. */
function decodeObject<T extends KubernetesObject>(kind: KindDescriptor<T>, raw: unknown): T {
  if (raw === undefined || raw === null) throw new DecodeError("there is no content to decode");
  if (typeof raw !== "object" || Array.isArray(raw)) throw new DecodeError("the object is not a JSON object");
  const object = raw as KubernetesObject;
  if (object.apiVersion !== kind.apiVersion || object.kind !== kind.kind) {
    throw new DecodeError(
      `expected a ${kind.kind} of ${kind.apiVersion}, got a ${object.kind ?? "(no kind)"} of ${object.apiVersion ?? "(no apiVersion)"}`,
    );
  }
  return structuredClone(object) as T;
}

/** `handler` with an undecodable object answered 400, as controller-runtime's `Errored(400, err)`. */
function answeringDecodeErrors(handler: AdmissionHandler): AdmissionHandler {
  return async (ctx) => {
    try {
      return await handler(ctx);
    } catch (err) {
      if (err instanceof DecodeError) return errored(400, err);
      throw err;
    }
  };
}

/** The denial for an error thrown by user code (validationResponseFromStatus or Denied). */
function denial(err: unknown): Answer {
  const status = statusOf(err);
  if (status) return answerFromStatus(false, status);
  return denied(err instanceof Error ? err.message : String(err));
}

/** The admission handler defaulting objects of `kind` with `defaulter`. */
export function defaultingHandler<T extends KubernetesObject>(
  kind: KindDescriptor<T>,
  defaulter: CustomDefaulter<T>,
): AdmissionHandler {
  return answeringDecodeErrors(async (ctx) => {
    const { request } = ctx;
    if (request.operation === "DELETE") return { allowed: true, status: { code: 200 } };
    const obj = decodeObject(kind, request.object);
    try {
      await defaulter.default(ctx, obj);
    } catch (err) {
      return denial(err);
    }
    const patches = createJsonPatch(request.object, obj);
    return patches.length === 0 ? { allowed: true } : { allowed: true, patches };
  });
}

/** The admission handler validating objects of `kind` with `validator`. */
export function validatingHandler<T extends KubernetesObject>(
  kind: KindDescriptor<T>,
  validator: CustomValidator<T>,
): AdmissionHandler {
  return answeringDecodeErrors(async (ctx) => {
    const { request } = ctx;
    const call = validationCall(kind, validator, ctx, request);
    if (call === undefined) return allowed();
    if (call === "unknown") return errored(400, `unknown operation "${String(request.operation)}"`);
    let warnings: Warnings | undefined;
    try {
      warnings = await call();
    } catch (err) {
      const answer = denial(err);
      const thrownWarnings = (err as { warnings?: unknown }).warnings;
      return Array.isArray(thrownWarnings) ? { ...answer, warnings: thrownWarnings.map(String) } : answer;
    }
    return { ...allowed(), ...(warnings?.length ? { warnings: [...warnings] } : {}) };
  });
}

/** The validator call an operation makes (none for CONNECT), its objects decoded. */
function validationCall<T extends KubernetesObject>(
  kind: KindDescriptor<T>,
  validator: CustomValidator<T>,
  ctx: AdmissionContext,
  request: AdmissionRequest,
): (() => Promise<Warnings | undefined> | Warnings | undefined) | undefined | "unknown" {
  switch (request.operation) {
    case "CONNECT":
      return undefined;
    case "CREATE": {
      const obj = decodeObject(kind, request.object);
      return () => validator.validateCreate(ctx, obj);
    }
    case "UPDATE": {
      const obj = decodeObject(kind, request.object);
      const oldObj = decodeObject(kind, request.oldObject);
      return () => validator.validateUpdate(ctx, oldObj, obj);
    }
    case "DELETE": {
      const oldObj = decodeObject(kind, request.oldObject);
      return () => validator.validateDelete(ctx, oldObj);
    }
    default:
      return "unknown";
  }
}
