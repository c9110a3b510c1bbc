/**
 * Routes one resource request to its verb's handler (apiserver/http/verbs/, one file per verb:
 * get, list, watch, create, update, patch, delete, deletecollection), after the checks every verb
 * shares: the resource and subresource are served, and the verb applies to the subresource.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { groupResource } from "../registry/object_service.js";
import { apiVersionOf } from "../registry/resource_type.js";
import { builtinKindGoType } from "../serializer/builtin_go_types.js";
import { methodNotSupported, notFound, resourceNotFound } from "../errors/status.js";
import { negotiateOutput } from "./negotiation.js";
import type { ResourceRequest } from "./request_info.js";
import { addWarnings, writePageNotFound } from "./respond.js";
import { create } from "./verbs/create.js";
import { deleteOne } from "./verbs/delete.js";
import { deleteCollection } from "./verbs/delete_collection.js";
import { get } from "./verbs/get.js";
import { list } from "./verbs/list.js";
import { patch } from "./verbs/patch.js";
import { update } from "./verbs/update.js";
import type { ResourceContext, VerbHandler } from "./verbs/verb_request.js";
import { watch } from "./verbs/watch.js";

const verbHandlers: Readonly<Record<string, VerbHandler>> = {
  get,
  list,
  watch,
  create,
  update,
  patch,
  delete: deleteOne,
  deletecollection: deleteCollection,
};

/** Verbs that address a collection or a whole object, never a subresource. */
const mainResourceOnlyVerbs = new Set(["list", "watch", "create", "delete", "deletecollection"]);

export async function handleResource(
  context: ResourceContext,
  request: IncomingMessage,
  response: ServerResponse,
  info: ResourceRequest,
  query: URLSearchParams,
): Promise<void> {
  const type = context.registry.lookup(info.group, info.version, info.resource);
  if (!type || (!type.namespaced && info.namespace !== undefined)) {
    // Built-in group versions answer with a Status; anything else is left to the custom resource
    // handler, which passes what no CRD serves down to the plain-text 404.
    const builtIn = context.registry.resources(info.group, info.version).some((served) => served.strategicMerge);
    if (builtIn) throw resourceNotFound();
    request.resume();
    return writePageNotFound(response);
  }
  const subresource = info.subresource;
  const subresourceServed =
    !subresource ||
    (subresource === "status" && type.statusSubresource) ||
    (subresource === "scale" && type.scale !== undefined) ||
    (subresource === "finalize" && type.resource === "namespaces");
  // The custom resource handler answers an unknown subresource as a missing object.
  if (!subresourceServed)
    throw type.strategicMerge ? resourceNotFound() : notFound(groupResource(type), info.name ?? "");
  if (subresource && mainResourceOnlyVerbs.has(info.verb)) throw methodNotSupported(groupResource(type), info.verb);
  if (type.deprecationWarning) addWarnings(response, [type.deprecationWarning]);
  const protobufObjects = type.strategicMerge && builtinKindGoType(apiVersionOf(type), type.kind) !== undefined;
  const format = negotiateOutput(request.headers.accept, query, { protobufObjects });
  const handler = verbHandlers[info.verb];
  if (!handler) throw methodNotSupported(groupResource(type), request.method ?? "");
  return handler({
    context,
    request,
    response,
    info,
    query,
    type,
    subresource,
    format,
    namespace: type.namespaced ? info.namespace : undefined,
    name: info.name ?? "",
    now: context.service.now(),
  });
}
