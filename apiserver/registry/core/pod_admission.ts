/**
 * What kube-apiserver's default admission plugins and the Pod strategy add to a Pod after the
 * field manager has recorded the write (so no manager owns it): DefaultTolerationSeconds' two
 * NoExecute tolerations, Priority's priority and preemptionPolicy, and the QoS class
 * (pkg/apis/core/helper/qos). The ServiceAccount plugin is off, as in envtest and the reference
 * control plane here.
 */
import { compareQuantities, parseQuantity, type ParsedQuantity } from "../../../apimachinery/index.js";
import { forbidden } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { objectAt, objectsAt, type JsonObject } from "./pod_spec_defaults.js";

const noExecuteTaints = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"];

/** DefaultTolerationSeconds: tolerate a not-ready or unreachable node for 300s unless the pod says otherwise. */
export function addDefaultTolerations(spec: JsonObject): void {
  const tolerations = objectsAt(spec.tolerations);
  const added = noExecuteTaints
    .filter(
      (key) =>
        !tolerations.some(
          (toleration) =>
            (toleration.key === key || !toleration.key) && (toleration.effect === "NoExecute" || !toleration.effect),
        ),
    )
    .map((key) => ({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }));
  if (added.length) spec.tolerations = [...(Array.isArray(spec.tolerations) ? spec.tolerations : []), ...added];
}

/** The PriorityClasses every cluster has (scheduling.SystemPriorityClasses). */
const systemPriorityClasses: Readonly<Record<string, number>> = {
  "system-node-critical": 2000001000,
  "system-cluster-critical": 2000000000,
};

/**
 * The Priority plugin on a create: the priority of the named class (0 without one, as no class is
 * the global default here), which a pod may not contradict.
 */
export function admitPriority(pod: KubeObject): void {
  const spec = objectAt(pod.spec);
  if (!spec) return;
  const className = typeof spec.priorityClassName === "string" ? spec.priorityClassName : "";
  const priority = className ? systemPriorityClasses[className] : 0;
  const refuse = (why: string) => forbidden({ group: "", resource: "pods" }, pod.metadata.name ?? "", why);
  if (priority === undefined) throw refuse(`no PriorityClass with name ${className} was found`);
  if (typeof spec.priority === "number" && spec.priority !== priority)
    throw refuse(
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    );
  spec.priority = priority;
  if (typeof spec.preemptionPolicy === "string" && spec.preemptionPolicy !== "PreemptLowerPriority")
    throw refuse(
      `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name`,
    );
  spec.preemptionPolicy = "PreemptLowerPriority";
}

/** The Priority plugin on an update: what the create set stays when the update leaves it out. */
export function keepPriority(spec: JsonObject, oldSpec: JsonObject): void {
  for (const field of ["priority", "preemptionPolicy"]) {
    if ((spec[field] === undefined || spec[field] === null) && oldSpec[field] !== undefined)
      spec[field] = oldSpec[field];
  }
}

const zero = parseQuantity("0");

function quantityOf(list: unknown, name: string): ParsedQuantity {
  const value = objectAt(list)?.[name];
  return typeof value === "string" ? parseQuantity(value) : zero;
}

type QosClass = "Guaranteed" | "Burstable" | "BestEffort";

/** requirementsQOS: Guaranteed when cpu and memory requests equal non-zero limits. */
function requirementsQos(resources: JsonObject | undefined): QosClass {
  const requests = objectAt(resources?.requests) ?? {};
  const limits = objectAt(resources?.limits) ?? {};
  if (!Object.keys(requests).length && !Object.keys(limits).length) return "BestEffort";
  let qos: QosClass | undefined;
  for (const name of ["cpu", "memory"]) {
    const request = quantityOf(requests, name);
    const limit = quantityOf(limits, name);
    const own: QosClass =
      compareQuantities(request, limit) !== 0
        ? "Burstable"
        : compareQuantities(request, zero) === 0
          ? "BestEffort"
          : "Guaranteed";
    if (own === "Burstable" || (qos !== undefined && qos !== own)) return "Burstable";
    qos = own;
  }
  return qos ?? "BestEffort";
}

const isPodLevelResource = (name: string) => name === "cpu" || name === "memory" || name.startsWith("hugepages-");

/** ComputePodQOS: from pod-level resources when they name a supported one, else from every container. */
export function podQosClass(spec: JsonObject): QosClass {
  const podResources = objectAt(spec.resources);
  const named = [
    ...Object.keys(objectAt(podResources?.requests) ?? {}),
    ...Object.keys(objectAt(podResources?.limits) ?? {}),
  ];
  if (podResources && named.some(isPodLevelResource)) return requirementsQos(podResources);
  let qos: QosClass | undefined;
  for (const container of [...objectsAt(spec.initContainers), ...objectsAt(spec.containers)]) {
    const own = requirementsQos(objectAt(container.resources));
    if (own === "Burstable" || (qos !== undefined && qos !== own)) return "Burstable";
    qos = own;
  }
  return qos ?? "BestEffort";
}
