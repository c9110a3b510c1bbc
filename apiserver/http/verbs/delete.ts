/** delete: one object, with DeleteOptions from the body or the query. */
import { deleteObject } from "../../registry/deletion.js";
import { decodeDeleteOptions } from "../../serializer/builtin_decoding.js";
import type { KubeObject } from "../../storage/types.js";
import { mediaTypeOf, readBody } from "../negotiation.js";
import { int64Parameter } from "../query_parameters.js";
import { admissionDeleteOptions, deleteOptions } from "../request_options.js";
import { addWarnings, writeNegotiated, writeObject } from "../respond.js";
import type { VerbRequest } from "./verb_request.js";

export async function deleteOne(verb: VerbRequest): Promise<void> {
  const { context, request, response, query, type, format, namespace, name, now } = verb;
  const raw = await readBody(request);
  const body = raw.length ? (decodeDeleteOptions(raw, mediaTypeOf(request.headers["content-type"])) ?? {}) : undefined;
  // DeleteOptions come from the body when there is one, and only then is the query not decoded.
  if (!raw.length) int64Parameter(query, "gracePeriodSeconds");
  const options = deleteOptions(body, query);
  options.admission = { user: verb.user, options: admissionDeleteOptions(body, query) };
  const result = await deleteObject(context.service, type, namespace, name, options);
  const warning = type.strategy.defaultPropagationWarning;
  if (warning && options.propagationPolicy === undefined) addWarnings(response, [warning]);
  addWarnings(response, result.warnings ?? []);
  if (result.status) return writeNegotiated(response, 200, format, result.status);
  return writeObject(response, 200, type, format, result.object as KubeObject, now);
}
