/**
 * How a built-in kind's body of another built-in kind fails to decode. kube-apiserver decodes the
 * body as the kind it names (so that kind's own field errors come first, such as a Secret's data
 * that is not base64), then fails to convert it into the URL's kind; a body of the URL's kind
 * decodes into its Go struct, with that decoder's type errors.
 */
import { decodeProtobufObject } from "./protobuf.js";
import { builtinGoStruct, deleteOptionsGoType } from "./builtin_go_types.js";
import type { KubeObject } from "../storage/types.js";
import { goJsonTypeName } from "./go_json.js";
import { goUnmarshalError, type GoStruct } from "./go_unmarshal.js";
import { decodeDocument } from "./documents.js";
import { goJsonMarshal, formatGoValue } from "../errors/go_format.js";
import { StatusError, badRequest } from "../errors/status.js";

/** The JSON meta decoder's error for a body that is not an object, while it looks for apiVersion and kind. */
export function typeMetaError(value: unknown): string {
  const typeMeta =
    'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';
  return `couldn't get version/kind; json parse error: json: cannot unmarshal ${goJsonTypeName(value)} into Go value of type ${typeMeta}`;
}

/** The anonymous struct the JSON meta decoder reads apiVersion and kind into (Interpret). */
const typeMetaGoType: GoStruct = {
  kind: "struct",
  name: "",
  fields: { apiVersion: { kind: "string" }, kind: { kind: "string" } },
};

/** Why the meta decoder cannot read an object body's apiVersion and kind, or undefined. */
export function typeMetaFieldError(object: Record<string, unknown>): string | undefined {
  const error = goUnmarshalError(object, typeMetaGoType);
  return error && `couldn't get version/kind; json parse error: ${error}`;
}

/** A delete's body (JSON, or protobuf from Go clients) decoded into metav1.DeleteOptions as the delete handler does: its errors are 400s. */
export function decodeDeleteOptions(raw: Buffer, mediaType: string): Record<string, unknown> | undefined {
  // The delete handlers negotiate the body's serializer as the create handler does: protobuf from Go clients.
  const value =
    mediaType === "application/vnd.kubernetes.protobuf"
      ? decodeProtobufObject(raw)
      : decodeDocument(raw, "application/json");
  if (value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw badRequest(typeMetaError(value));
  const error = goUnmarshalError(value as Record<string, unknown>, deleteOptionsGoType);
  if (error) throw badRequest(error);
  return value as Record<string, unknown>;
}

/** Why `object`, of a built-in kind other than `target`'s, cannot be handled as `target`'s kind. */
export function otherKindDecodeError(
  object: KubeObject,
  target: { group: string; version: string; kind: string },
): string {
  const bodyKind = String(object.kind);
  const ownError = builtinTypeError(object, target.group ? `${target.group}/${target.version}` : target.version);
  if (ownError) return ownError;
  // Go names the types by package: the versioned one (v1) and the internal one (core, coordination...).
  const internalPackage = target.group ? (target.group.split(".")[0] ?? "") : "core";
  return `converting (${target.version}.${bodyKind}) to (${internalPackage}.${target.kind}): unknown conversion`;
}

/**
 * Why the decoder refuses `object` as its built-in kind's Go struct (a field of the wrong JSON type,
 * invalid base64, a timestamp that does not parse), or undefined when it decodes; its timestamps
 * and bytes are normalized to their stored form.
 */
export function builtinTypeError(object: KubeObject, apiVersion = String(object.apiVersion)): string | undefined {
  const goType = builtinGoStruct(apiVersion, String(object.kind));
  return goType ? goUnmarshalError(object, goType) : undefined;
}

/**
 * The 422 a patch gets when its result does not decode into the kind's Go struct: the patch
 * handler names the field `patch`, with the patched object's JSON (JSON and merge patches) or the
 * patch map printed by Go's %+v (strategic merge patches) as the value.
 */
export function patchTypeError(
  kind: "json" | "merge" | "strategic",
  patch: unknown,
  patched: KubeObject,
): StatusError | undefined {
  const error = builtinTypeError(patched);
  if (!error) return undefined;
  const value = kind === "strategic" ? formatGoValue(patch) : goJsonMarshal(patched);
  const detail = `Invalid value: ${JSON.stringify(value)}: ${error}`;
  return new StatusError(422, "Invalid", ` "" is invalid: patch: ${detail}`, {
    causes: [{ reason: "FieldValueInvalid", message: detail, field: "patch" }],
  });
}
