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
import type { StoredObjects } from "../resource_type.js";
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

/** The PriorityClasses kube-apiserver creates at start (scheduling.SystemPriorityClasses). */
const systemPriorityClasses: Readonly<Record<string, number>> = {
  "system-node-critical": 2000001000,
  "system-cluster-critical": 2000000000,
};

const priorityClasses = "scheduling.k8s.io/priorityclasses";

interface PriorityClass {
  name: string;
  value: number;
  preemptionPolicy: string;
}

function asPriorityClass(object: KubeObject | undefined): PriorityClass | undefined {
  if (!object) return undefined;
  const value = typeof object.value === "number" ? object.value : 0;
  const preemptionPolicy = typeof object.preemptionPolicy === "string" ? object.preemptionPolicy : "";
  return { name: object.metadata.name ?? "", value, preemptionPolicy };
}

/** The class a pod names, or the global default (the lowest when several are), or none. */
function priorityClassOf(className: string, stored: StoredObjects | undefined): PriorityClass | undefined | "missing" {
  if (!className) {
    const defaults = (stored?.list(priorityClasses) ?? []).filter((object) => object.globalDefault === true);
    defaults.sort((a, b) => Number(a.value ?? 0) - Number(b.value ?? 0));
    return asPriorityClass(defaults[0]);
  }
  const found = asPriorityClass(stored?.get(priorityClasses, undefined, className));
  if (found) return found;
  const system = systemPriorityClasses[className];
  return system === undefined
    ? "missing"
    : { name: className, value: system, preemptionPolicy: "PreemptLowerPriority" };
}

/**
 * The Priority plugin on a create: the priority and preemption policy of the named class, or of
 * the global default class, or 0 and PreemptLowerPriority; a pod may not contradict them.
 */
export function admitPriority(pod: KubeObject, stored?: StoredObjects): void {
  const spec = objectAt(pod.spec);
  if (!spec) return;
  const className = typeof spec.priorityClassName === "string" ? spec.priorityClassName : "";
  const refuse = (why: string) => forbidden({ group: "", resource: "pods" }, pod.metadata.name ?? "", why);
  const found = priorityClassOf(className, stored);
  if (found === "missing") throw refuse(`no PriorityClass with name ${className} was found`);
  const priority = found?.value ?? 0;
  const policy = found ? found.preemptionPolicy : "PreemptLowerPriority";
  if (typeof spec.priority === "number" && spec.priority !== priority)
    throw refuse(
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
    );
  spec.priority = priority;
  // The global default class is named on the pod.
  if (found) spec.priorityClassName = found.name;
  if (!policy) return;
  if (typeof spec.preemptionPolicy === "string" && spec.preemptionPolicy !== policy)
    throw refuse(
      `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`,
    );
  spec.preemptionPolicy = policy;
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
