/** update (PUT): a whole object replacing the stored one, through the main resource or a subresource. */
import { badRequest } from "../../errors/status.js";
import { admissionWriteOptions, writeOptions } from "../request_options.js";
import { addWarnings, writeObject } from "../respond.js";
import { checkNamespaceMatches, decodeObject } from "./decode_object.js";
import { updateScale } from "./scale_writes.js";
import type { VerbRequest } from "./verb_request.js";

export async function update(verb: VerbRequest): Promise<void> {
  const { context, request, response, query, info, type, subresource, format, namespace, name, now } = verb;
  if (info.name === undefined) throw badRequest("name must be provided");
  const options = writeOptions(request, query, "UpdateOptions");
  if (subresource === "scale") return updateScale(verb, options);
  options.admission = { user: verb.user, options: admissionWriteOptions(query) };
  const body = await decodeObject(request, { type, options, registry: context.registry, response });
  checkNamespaceMatches(body, namespace, type);
  if (!body.metadata.name)
    throw badRequest(`the name of the object (${name} based on URL) was undeterminable: name must be provided`);
  if (body.metadata.name !== name) {
    throw badRequest(`the name of the object (${body.metadata.name}) does not match the name on the URL (${name})`);
  }
  const result = await context.service.update(type, namespace, name, body, {
    ...options,
    subresource,
    uidPrecondition: body.metadata.uid,
    // Built-in kinds allow an update without a resourceVersion unless their strategy says not; custom resources do not.
    unconditionalUpdate: type.strategy.allowUnconditionalUpdate ?? type.strategicMerge,
  });
  addWarnings(response, result.warnings);
  return writeObject(response, 200, type, format, result.object, now);
}
