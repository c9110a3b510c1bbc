/**
 * Routes one resource request to its verb's handler (apiserver/http/verbs/, one file per verb:
 * get, list, watch, create, update, patch, delete, deletecollection), after the checks every verb
 * shares: the resource and subresource are served, and the verb applies to the subresource.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { UserInfo } from "../auth/user.js";
import { groupResource } from "../registry/object_service.js";
import { methodNotAllowed, methodNotSupported, notFound, resourceNotFound } from "../errors/status.js";
import { negotiateOutput } from "./negotiation.js";
import { apiVersionOf, type ResourceType } from "../registry/resource_type.js";
import { goTypeOfKind } from "../catalog/catalog.js";
import type { ResourceRequest } from "./request_info.js";
import { addWarnings, writePageNotFound } from "./respond.js";
import { create } from "./verbs/create.js";
import { deleteOne } from "./verbs/delete.js";
import { deleteCollection } from "./verbs/delete_collection.js";
import { get } from "./verbs/get.js";
import { list } from "./verbs/list.js";
import { patch } from "./verbs/patch.js";
import { update } from "./verbs/update.js";
import { createAuthentication, isAuthenticationCreate } from "./verbs/authentication.js";
import { createBinding, isBindingCreate, isPodSubresource, podSubresource } from "./verbs/pod_subresources.js";
import type { ResourceContext, VerbHandler, VerbRequest } from "./verbs/verb_request.js";
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

/** The verbs go-restful routes on a collection's path and on an object's. */
const collectionPathVerbs = ["list", "watch", "create", "deletecollection"];
const objectPathVerbs = ["get", "watch", "update", "patch", "delete"];

/**
 * A verb the resource does not serve: kube-apiserver installs a route per verb, so a path with
 * other methods routed answers 405, and a path with none (a create-only kind's object) 404.
 */
function unroutedVerbError(verbs: readonly string[], info: ResourceRequest): Error {
  const pathVerbs = info.name === undefined ? collectionPathVerbs : objectPathVerbs;
  return pathVerbs.some((verb) => verbs.includes(verb)) ? methodNotAllowed() : resourceNotFound();
}

/**
 * A subresource discovery lists that this server does not serve (a pod's log, exec, proxy...):
 * the missing object's 404, as kube-apiserver answers one, or else the generic 404.
 */
function unservedSubresourceError(context: ResourceContext, type: ResourceType, info: ResourceRequest): Error {
  const listed = type.catalog?.subresources.some(({ subresource }) => subresource === info.subresource);
  if (!listed || info.name === undefined) return resourceNotFound();
  try {
    context.service.getStored(type, type.namespaced ? info.namespace : undefined, info.name);
  } catch (error) {
    return error as Error;
  }
  return resourceNotFound();
}

export async function handleResource(
  context: ResourceContext,
  request: IncomingMessage,
  response: ServerResponse,
  info: ResourceRequest,
  query: URLSearchParams,
  user: UserInfo,
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
  if (!info.subresource && info.verb !== "unknown" && !type.verbs.includes(info.verb))
    throw unroutedVerbError(type.verbs, info);
  const subresource = info.subresource;
  const verbRequest = (format: VerbRequest["format"]): VerbRequest => ({
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
    user,
  });
  if (isAuthenticationCreate(type, subresource, info.verb))
    return createAuthentication(verbRequest({ kind: "object", mediaType: "application/json" }));
  if (isBindingCreate(type, subresource, info.verb))
    return createBinding(verbRequest({ kind: "object", mediaType: "application/json" }));
  if (subresource && isPodSubresource(type, subresource))
    return podSubresource(verbRequest({ kind: "object", mediaType: "application/json" }));
  const subresourceServed =
    !subresource ||
    (subresource === "status" && type.statusSubresource) ||
    (subresource === "scale" && type.scale !== undefined) ||
    (subresource === "finalize" && type.resource === "namespaces");
  // The custom resource handler answers an unknown subresource as a missing object.
  if (!subresourceServed)
    throw type.strategicMerge
      ? unservedSubresourceError(context, type, info)
      : notFound(groupResource(type), info.name ?? "");
  if (subresource && mainResourceOnlyVerbs.has(info.verb)) throw methodNotSupported(groupResource(type), info.verb);
  if (type.deprecationWarning) addWarnings(response, [type.deprecationWarning]);
  const protobufObjects = type.strategicMerge && goTypeOfKind(apiVersionOf(type), type.kind) !== undefined;
  const format = negotiateOutput(request.headers.accept, query, { protobufObjects });
  const handler = verbHandlers[info.verb];
  if (!handler) throw methodNotSupported(groupResource(type), request.method ?? "");
  return handler(verbRequest(format));
}
