/**
 * Writes through the scale subresource: a Scale (PUT or patched) turned into the parent object's
 * replicas, recorded in the parent's managedFields under the Scale's writer.
 */
import { served } from "../../registry/conversion.js";
import { timestamp, type ObjectService, type WriteOptions } from "../../registry/object_service.js";
import { jsonPatch, mergePatch, requireMapPatch, type PatchKind } from "../../registry/patch.js";
import { readScale, scaleToObject } from "../../registry/scale.js";
import { decodeDocument } from "../../serializer/documents.js";
import type { KubeObject } from "../../storage/types.js";
import { mediaTypeOf, readBody } from "../negotiation.js";
import { writeJson } from "../respond.js";
import type { VerbRequest } from "./verb_request.js";

/** Who writes a Scale, for the parent's managedFields. */
function scaleWriter(service: ObjectService, options: WriteOptions): { manager: string; time: string } {
  return { manager: options.manager.manager, time: timestamp(service.now()) };
}

/** Stores `scale` into `current`; `expectedResourceVersion` is a PUT's precondition (a patch has none). */
async function writeScale(
  verb: VerbRequest,
  scale: unknown,
  options: WriteOptions,
  current: KubeObject,
  expectedResourceVersion: string | undefined,
): Promise<void> {
  const { context, response, type, namespace, name } = verb;
  const { service } = context;
  const result = await service.update(
    type,
    namespace,
    name,
    scaleToObject(type, current, scale, scaleWriter(service, options)),
    {
      ...options,
      subresource: "",
      managedFieldsPrepared: true,
      expectedResourceVersion,
    },
  );
  return writeJson(response, 200, readScale(type, result.object));
}

export async function updateScale(verb: VerbRequest, options: WriteOptions): Promise<void> {
  const { context, request, type, namespace, name } = verb;
  const scale = decodeDocument(
    await readBody(request),
    mediaTypeOf(request.headers["content-type"]) || "application/json",
  );
  const read = served(context.service.getStored(type, namespace, name), type);
  const current = read instanceof Promise ? await read : read;
  return writeScale(verb, scale, options, current, (scale as KubeObject).metadata?.resourceVersion);
}

export async function patchScale(
  verb: VerbRequest,
  kind: Exclude<PatchKind, "apply">,
  patch: unknown,
  options: WriteOptions,
  strictDecoding: boolean,
): Promise<void> {
  const { context, type, namespace, name } = verb;
  const read = served(context.service.getStored(type, namespace, name), type);
  const current = read instanceof Promise ? await read : read;
  const scale = readScale(type, current);
  const patched =
    kind === "json"
      ? jsonPatch(scale as KubeObject, patch, strictDecoding)
      : mergePatch(scale, requireMapPatch(kind, patch, strictDecoding));
  return writeScale(verb, patched, options, current, undefined);
}
