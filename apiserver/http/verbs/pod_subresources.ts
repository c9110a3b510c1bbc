/**
 * The pods subresources beside status: the kubelet-bound ones (log, exec, attach, portforward,
 * proxy; registry/core/pod_connect.ts says what they answer with no kubelet), binding (a
 * scheduler's write, registry/core/pod_binding.ts) and eviction, which deletes the pod as the
 * eviction REST does when no PodDisruptionBudget stands in the way.
 */
import { bindPod } from "../../registry/core/pod_binding.js";
import { podConnectSubresources, connectToPod } from "../../registry/core/pod_connect.js";
import type { KubeObject } from "../../storage/types.js";
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
    (podConnectSubresources.has(subresource) || subresource === "eviction" || subresource === "binding")
  );
}

/** A JSON body (these subresources take JSON only), as an object. */
async function readJsonBody(request: VerbRequest["request"]): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse((await readBody(request)).toString("utf8") || "{}");
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch (error) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(error as Error).message}`);
  }
}

/** Whether a request creates a core/v1 Binding (POST /namespaces/<ns>/bindings, the older way to bind). */
export function isBindingCreate(type: ResourceType, subresource: string, verb: string): boolean {
  return type.group === "" && type.resource === "bindings" && !subresource && verb === "create";
}

/** Creates a Binding: binds the pod the Binding names. */
export async function createBinding(verb: VerbRequest): Promise<void> {
  const { context, request, response, query, namespace } = verb;
  const binding = (await readJsonBody(request)) as KubeObject;
  const metadata = binding.metadata ?? {};
  const pods = context.registry.lookup("", "v1", "pods");
  if (!pods) throw badRequest("pods are not served");
  const dryRun = query.getAll("dryRun").length > 0;
  await bindPod(context.service, pods, namespace, metadata.name ?? "", { ...binding, metadata }, dryRun);
  return writeJson(response, 201, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 });
}

/** Serves a pods subresource other than status. */
export async function podSubresource(verb: VerbRequest): Promise<void> {
  const { context, request, response, query, type, subresource, namespace, name } = verb;
  if (subresource === "binding") {
    if (request.method !== "POST") throw methodNotSupported(groupResource(type), verb.info.verb);
    const binding = (await readJsonBody(request)) as KubeObject;
    const dryRun = query.getAll("dryRun").length > 0;
    await bindPod(context.service, type, namespace, name, { ...binding, metadata: binding.metadata ?? {} }, dryRun);
    return writeJson(response, 201, { kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", code: 201 });
  }
  if (subresource === "eviction") {
    if (request.method !== "POST") throw methodNotSupported(groupResource(type), verb.info.verb);
    const eviction = (await readJsonBody(request)) as { deleteOptions?: Record<string, unknown> };
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
