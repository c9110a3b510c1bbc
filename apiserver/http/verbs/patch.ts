/**
 * patch: JSON patch, merge patch, strategic merge patch or server-side apply, applied to the
 * current object and stored as an update.
 */
import { applyPatch } from "../../registry/apply_patch.js";
import { deepClone, jsonEqual } from "../../registry/conversion.js";
import {
  decodePatchBody,
  jsonPatch,
  mergePatch,
  patchKindOf,
  requireMapPatch,
  strategicMergePatch,
  type PatchKind,
} from "../../registry/patch.js";
import { apiVersionOf } from "../../registry/resource_type.js";
import { patchTypeError } from "../../serializer/builtin_decoding.js";
import type { KubeObject } from "../../storage/types.js";
import { badRequest } from "../../errors/status.js";
import { mediaTypeOf, readBody } from "../negotiation.js";
import { admissionWriteOptions, writeOptions } from "../request_options.js";
import { addWarnings, writeObject } from "../respond.js";
import { patchScale } from "./scale_writes.js";
import type { VerbRequest } from "./verb_request.js";

export async function patch(verb: VerbRequest): Promise<void> {
  const { context, request, response, query, info, type, subresource, format, namespace, name, now } = verb;
  const { service } = context;
  if (info.name === undefined) throw badRequest("name must be provided");
  const kind = patchKindOf(type, mediaTypeOf(request.headers["content-type"]));
  const body = await readBody(request);
  const options = writeOptions(request, query, "PatchOptions", kind);
  const patch = decodePatchBody(body, kind);
  const strictDecoding = options.fieldValidation !== "Ignore";
  // The scale subresource is written through its parent object, which admission would misname.
  if (subresource !== "scale") options.admission = { user: verb.user, options: admissionWriteOptions(query) };
  if (kind === "apply") {
    const result = await applyPatch(service, type, namespace, name, patch, {
      ...options,
      subresource,
      force: query.get("force") === "true",
    });
    addWarnings(response, result.warnings);
    return writeObject(response, result.created ? 201 : 200, type, format, result.object, now);
  }
  if (subresource === "scale") return patchScale(verb, kind, patch, options, strictDecoding);
  // Awaited only when a webhook converts, so that nothing gets in between this read and the write.
  const read = service.get(type, namespace, name);
  const current = read instanceof Promise ? await read : read;
  const object = patchedObject(current, kind, patch, strictDecoding);
  if (object.metadata.name !== current.metadata.name) {
    throw badRequest(
      `the name of the object (${String(object.metadata.name)}) does not match the name on the URL (${name})`,
    );
  }
  if (object.apiVersion !== current.apiVersion || object.kind !== current.kind) {
    throw badRequest(
      `the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${apiVersionOf(type)})`,
    );
  }
  const typeError = type.strategicMerge ? patchTypeError(kind, patch, object) : undefined;
  if (typeError) throw typeError;
  // A resourceVersion in the patch is a precondition; otherwise the patch applies to the current state.
  const patchVersion = (patch as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion;
  object.metadata.resourceVersion = patchVersion ?? current.metadata.resourceVersion;
  if (jsonEqual(object.metadata.managedFields, current.metadata.managedFields)) delete object.metadata.managedFields;
  const result = await service.update(type, namespace, name, object, { ...options, subresource });
  addWarnings(response, result.warnings);
  return writeObject(response, 200, type, format, result.object, now);
}

/** `current` with a non-apply patch applied, as a fresh object that still has metadata. */
function patchedObject(
  current: KubeObject,
  kind: Exclude<PatchKind, "apply">,
  patch: unknown,
  strictDecoding: boolean,
): KubeObject {
  let patched: unknown;
  if (kind === "json") patched = jsonPatch(current, patch, strictDecoding);
  else if (kind === "merge") patched = mergePatch(current, requireMapPatch(kind, patch, strictDecoding));
  else patched = strategicMergePatch(current, requireMapPatch(kind, patch, strictDecoding));
  // The patch result shares untouched subtrees with the stored object: clone before adjusting it.
  const object = deepClone(patched) as KubeObject;
  if (!object || typeof object !== "object" || typeof object.metadata !== "object" || object.metadata === null) {
    throw badRequest("the patch removed the object's metadata");
  }
  return object;
}
