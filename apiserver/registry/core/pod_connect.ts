/**
 * The pods subresources that reach a kubelet (log, exec, attach, portforward, proxy), answered as
 * kube-apiserver answers them when no kubelet runs the pod (pkg/registry/core/pod/strategy.go
 * LogLocation, streamLocation, PortForwardLocation, validateContainer): there is none here, as in
 * envtest. A pod without a node has no logs (204) and nothing to stream into (400); one bound to a
 * node is refused for the Node object this server does not have.
 */
import { badRequest, notFound } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { objectAt, objectsAt } from "./pod_spec_defaults.js";

/** The connect subresources of pods, by the container parameter they take. */
export const podConnectSubresources: ReadonlySet<string> = new Set(["log", "exec", "attach", "portforward", "proxy"]);

/** validateContainer: the named container must be the pod's, and a pod of several needs one named. */
function checkContainer(pod: KubeObject, container: string): void {
  const spec = objectAt(pod.spec) ?? {};
  const name = pod.metadata.name ?? "";
  const names = ["initContainers", "containers", "ephemeralContainers"].flatMap((field) =>
    objectsAt(spec[field]).map((c) => String(c.name ?? "")),
  );
  if (container) {
    if (!names.includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
    return;
  }
  const containers = objectsAt(spec.containers);
  if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
  if (containers.length > 1)
    throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${names.join(" ")}]`);
}

/**
 * What a connect request to `subresource` of the stored `pod` answers: "no content" for the logs
 * of a pod no node runs, otherwise the StatusError thrown.
 */
export function connectToPod(pod: KubeObject, subresource: string, query: URLSearchParams): "no content" {
  const name = pod.metadata.name ?? "";
  if (subresource === "proxy") throw badRequest("address not allowed");
  if (subresource !== "portforward") checkContainer(pod, query.get("container") ?? "");
  const nodeName = String(objectAt(pod.spec)?.nodeName ?? "");
  if (!nodeName) {
    if (subresource === "log") return "no content";
    throw badRequest(`pod ${name} does not have a host assigned`);
  }
  // kube-apiserver reinterprets the missing Node as a missing pod of that name.
  throw notFound({ group: "", resource: "pods" }, nodeName);
}
