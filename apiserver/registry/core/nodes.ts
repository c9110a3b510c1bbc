/**
 * core/v1 Nodes, as pkg/registry/core/node, SetDefaults_NodeStatus and core validation treat
 * them: podCIDR and podCIDRs kept in step (the v1 conversion), allocatable defaulting to
 * capacity, the not-ready taint the TaintNodesByCondition admission plugin adds on create,
 * taints and pod CIDRs checked; printNode (wide) and the spec.unschedulable field selector.
 */
import { qualifiedNameErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { validateCIDR } from "../../validation/ip.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";

type Json = Record<string, unknown>;
const objectAt = (value: unknown): Json =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
const listAt = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

const taintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

function validateNode(object: KubeObject): FieldError[] {
  const spec = objectAt(object.spec);
  const errors: FieldError[] = [];
  listAt(spec.taints).forEach((taint, index) => {
    // ValidateNode names taints under metadata, as kube-apiserver does.
    const path = `metadata.taints[${index}]`;
    const key = String(taint.key ?? "");
    errors.push(...qualifiedNameErrors(key).map((message) => fieldErrors.invalid(`${path}.key`, key, message)));
    if (!taintEffects.includes(String(taint.effect ?? "")))
      errors.push(
        taint.effect
          ? fieldErrors.notSupported(`${path}.effect`, taint.effect, taintEffects)
          : fieldErrors.required(`${path}.effect`),
      );
  });
  const cidrs = Array.isArray(spec.podCIDRs) ? spec.podCIDRs.map(String) : [];
  cidrs.forEach((cidr, index) => errors.push(...validateCIDR(`spec.podCIDRs[${index}]`, cidr)));
  return errors;
}

function nodeStatus(node: KubeObject): string {
  const spec = objectAt(node.spec);
  const ready = listAt(objectAt(node.status).conditions).find((condition) => condition.type === "Ready");
  const status = [ready ? (ready.status === "True" ? "Ready" : "NotReady") : "Unknown"];
  if (spec.unschedulable === true) status.push("SchedulingDisabled");
  return status.join(",");
}

/** findNodeRoles: node-role.kubernetes.io/<role> labels and the legacy kubernetes.io/role label. */
function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith("node-role.kubernetes.io/")) {
      const role = key.slice("node-role.kubernetes.io/".length);
      if (role) roles.add(role);
    } else if (key === "kubernetes.io/role" && value) roles.add(value);
  }
  return roles.size ? [...roles].sort().join(",") : "<none>";
}

const nodeInfo = (node: KubeObject) => objectAt(objectAt(node.status).nodeInfo);
const address = (node: KubeObject, type: string) =>
  String(listAt(objectAt(node.status).addresses).find((entry) => entry.type === type)?.address ?? "<none>");
const known = (value: unknown) => (typeof value === "string" && value ? value : "<unknown>");

const addressesDescription =
  "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).";

export const nodeStrategy: ResourceStrategy = {
  // The node strategy's PrepareForCreate clears only status.config: a kubelet registers with its status.
  keepsStatusOnCreate: true,
  fieldSelectors: { "spec.unschedulable": (o) => String(objectAt(o.spec).unschedulable === true) },
  normalize(object) {
    const spec = objectAt(object.spec);
    object.spec = spec;
    const cidrs = Array.isArray(spec.podCIDRs) ? spec.podCIDRs : [];
    if (spec.podCIDR && cidrs.length === 0) spec.podCIDRs = [spec.podCIDR];
    else if (!spec.podCIDR && cidrs.length) spec.podCIDR = cidrs[0];
    const status = object.status;
    if (status !== null && typeof status === "object") {
      const nodeStatusFields = status as Json;
      if (nodeStatusFields.capacity && !nodeStatusFields.allocatable)
        nodeStatusFields.allocatable = { ...objectAt(nodeStatusFields.capacity) };
    }
    return [];
  },
  validate(object, _old, context) {
    return context?.subresource === "status" ? [] : validateNode(object);
  },
  prepareForCreate(object) {
    const status = object.status;
    if (status !== null && typeof status === "object") delete (status as Json).config;
    // TaintNodesByCondition: a new node is not ready until its kubelet says so.
    const spec = objectAt(object.spec);
    const taints = listAt(spec.taints);
    if (!taints.some((taint) => taint.key === "node.kubernetes.io/not-ready" && taint.effect === "NoSchedule"))
      spec.taints = [...taints, { key: "node.kubernetes.io/not-ready", effect: "NoSchedule" }];
    object.spec = spec;
  },
  columns: [
    nameColumn,
    column("Status", "The status of the node", nodeStatus),
    column("Roles", "The roles of the node", nodeRoles),
    ageColumn,
    column("Version", "Kubelet Version reported by the node.", (o) => String(nodeInfo(o).kubeletVersion ?? "")),
    column("Internal-IP", addressesDescription, (o) => address(o, "InternalIP"), { priority: 1 }),
    column("External-IP", addressesDescription, (o) => address(o, "ExternalIP"), { priority: 1 }),
    column(
      "OS-Image",
      "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).",
      (o) => known(nodeInfo(o).osImage),
      {
        priority: 1,
      },
    ),
    column(
      "Kernel-Version",
      "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
      (o) => {
        const info = nodeInfo(o);
        const arch = typeof info.architecture === "string" && info.architecture ? ` (${info.architecture})` : "";
        return `${known(info.kernelVersion)}${arch}`;
      },
      { priority: 1 },
    ),
    column(
      "Container-Runtime",
      "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).",
      (o) => known(nodeInfo(o).containerRuntimeVersion),
      { priority: 1 },
    ),
  ],
};
