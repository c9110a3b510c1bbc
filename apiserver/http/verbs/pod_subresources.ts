/**
 * The pods subresources beside status: the kubelet-bound ones (log, exec, attach, portforward,
 * proxy; registry/core/pod_connect.ts says what they answer with no kubelet) and eviction, which
 * deletes the pod as the eviction REST does when no PodDisruptionBudget stands in the way.
 */
import { podConnectSubresources, connectToPod } from "../../registry/core/pod_connect.js";
import { deleteObject } from "../../registry/deletion.js";
import { badRequest, methodNotSupported } from "../../errors/status.js";
import { groupResource } from "../../registry/object_service.js";
import type { ResourceType } from "../../registry/resource_type.js";
import { readBody } from "../negotiation.js";
import { deleteOptions } from "../request_options.js";
import { writeJson } from "../respond.js";
import type { VerbRequest } from "./verb_request.js";

/** Whether `subresource` of `type` is one of the pods subresources this file serves. */
export function isPodSubresource(type: ResourceType, subresource: string): boolean {
  return (
    type.group === "" &&
    type.resource === "pods" &&
    (podConnectSubresources.has(subresource) || subresource === "eviction")
  );
}

/** Serves a pods subresource other than status. */
export async function podSubresource(verb: VerbRequest): Promise<void> {
  const { context, request, response, query, type, subresource, namespace, name } = verb;
  if (subresource === "eviction") {
    if (request.method !== "POST") throw methodNotSupported(groupResource(type), verb.info.verb);
    let eviction: { deleteOptions?: Record<string, unknown> };
    try {
      eviction = JSON.parse((await readBody(request)).toString("utf8") || "{}") as typeof eviction;
    } catch (error) {
      throw badRequest(`couldn't get version/kind; json parse error: ${(error as Error).message}`);
    }
    context.service.getStored(type, namespace, name);
    await deleteObject(context.service, type, namespace, name, deleteOptions(eviction.deleteOptions, query));
    return writeJson(response, 201, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 });
  }
  request.resume();
  const pod = context.service.getStored(type, namespace, name);
  connectToPod(pod, subresource, query);
  response.writeHead(204);
  response.end();
}
