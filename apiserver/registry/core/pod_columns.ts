/**
 * The Table columns of Pods (pkg/printers/internalversion printPod): readiness, the aggregate
 * status kubectl shows (init progress, waiting and terminated reasons, Terminating), restarts
 * with the time of the last one, and the wide IP, Node, Nominated Node and Readiness Gates.
 */
import type { KubeObject } from "../../storage/types.js";
import { age, ageColumn, column, nameColumn } from "../printing.js";
import type { PrinterColumn } from "../resource_type.js";
import { objectAt, objectsAt, type JsonObject } from "./pod_spec_defaults.js";

interface ContainerState {
  waiting?: { reason?: string };
  running?: object;
  terminated?: { reason?: string; exitCode?: number; signal?: number; finishedAt?: string };
}

interface ContainerStatus {
  name?: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

interface PodView {
  ready: string;
  reason: string;
  restarts: string;
}

const statusesOf = (status: JsonObject, field: string): ContainerStatus[] =>
  objectsAt(status[field]) as ContainerStatus[];

/** The later of two RFC 3339 times ("" is the zero time). */
const later = (a: string, b: string | undefined): string => (b && (!a || Date.parse(b) > Date.parse(a)) ? b : a);

/** The init containers' part of printPod: their restarts and whether the pod is still initializing. */
function initProgress(spec: JsonObject, status: JsonObject, view: { reason: string; ready: number }) {
  const sidecars = new Set(
    objectsAt(spec.initContainers)
      .filter((c) => c.restartPolicy === "Always")
      .map((c) => c.name),
  );
  let restarts = 0;
  let lastRestart = "";
  let sidecarRestarts = 0;
  let lastSidecarRestart = "";
  let initializing = false;
  const statuses = statusesOf(status, "initContainerStatuses");
  for (const [index, container] of statuses.entries()) {
    const finished = container.lastState?.terminated?.finishedAt;
    restarts += container.restartCount ?? 0;
    lastRestart = later(lastRestart, finished);
    const sidecar = sidecars.has(container.name);
    if (sidecar) {
      sidecarRestarts += container.restartCount ?? 0;
      lastSidecarRestart = later(lastSidecarRestart, finished);
    }
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && container.started === true) {
      if (container.ready) view.ready++;
      continue;
    }
    if (terminated) {
      if (terminated.reason) view.reason = `Init:${terminated.reason}`;
      else if (terminated.signal) view.reason = `Init:Signal:${terminated.signal}`;
      else view.reason = `Init:ExitCode:${terminated.exitCode ?? 0}`;
    } else if (waiting?.reason && waiting.reason !== "PodInitializing") view.reason = `Init:${waiting.reason}`;
    else view.reason = `Init:${index}/${objectsAt(spec.initContainers).length}`;
    initializing = true;
    break;
  }
  return { initializing, restarts, lastRestart, sidecarRestarts, lastSidecarRestart };
}

const hasCondition = (status: JsonObject, type: string, wanted?: string): boolean =>
  objectsAt(status.conditions).some((c) => c.type === type && (wanted === undefined || c.status === wanted));

/** printPod's Ready, Status and Restarts cells. */
function podView(pod: KubeObject, now: Date): PodView {
  const spec = objectAt(pod.spec) ?? {};
  const status = objectAt(pod.status) ?? {};
  const phase = typeof status.phase === "string" ? status.phase : "";
  const view = { reason: typeof status.reason === "string" && status.reason ? status.reason : phase, ready: 0 };
  if (objectsAt(status.conditions).some((c) => c.type === "PodScheduled" && c.reason === "SchedulingGated"))
    view.reason = "SchedulingGated";
  const total =
    objectsAt(spec.containers).length +
    objectsAt(spec.initContainers).filter((c) => c.restartPolicy === "Always").length;
  const init = initProgress(spec, status, view);
  let { restarts, lastRestart } = init;
  if (!init.initializing || hasCondition(status, "Initialized", "True")) {
    restarts = init.sidecarRestarts;
    lastRestart = init.lastSidecarRestart;
    let running = false;
    let errorReason = "";
    for (const container of statusesOf(status, "containerStatuses").reverse()) {
      restarts += container.restartCount ?? 0;
      lastRestart = later(lastRestart, container.lastState?.terminated?.finishedAt);
      const { waiting, terminated, running: isRunning } = container.state ?? {};
      if (waiting?.reason) view.reason = waiting.reason;
      else if (terminated) {
        if (terminated.reason) view.reason = terminated.reason;
        else if (terminated.signal) view.reason = `Signal:${terminated.signal}`;
        else view.reason = `ExitCode:${terminated.exitCode ?? 0}`;
        if ((terminated.exitCode ?? 0) !== 0) errorReason = view.reason;
      } else if (container.ready && isRunning) {
        running = true;
        view.ready++;
      }
    }
    if (view.reason === "Completed") {
      if (running && hasCondition(status, "Ready", "True")) view.reason = "Running";
      else if (errorReason) view.reason = errorReason;
      else if (running) view.reason = "NotReady";
    }
  }
  if (pod.metadata.deletionTimestamp && status.reason === "NodeLost") view.reason = "Unknown";
  else if (pod.metadata.deletionTimestamp && phase !== "Succeeded" && phase !== "Failed") view.reason = "Terminating";
  const restartText = restarts !== 0 && lastRestart ? `${restarts} (${age(lastRestart, now)} ago)` : String(restarts);
  return { ready: `${view.ready}/${total}`, reason: view.reason, restarts: restartText };
}

function readinessGates(pod: KubeObject): string {
  const gates = objectsAt(objectAt(pod.spec)?.readinessGates);
  if (!gates.length) return "<none>";
  const conditions = objectsAt(objectAt(pod.status)?.conditions);
  const met = gates.filter((gate) => conditions.find((c) => c.type === gate.conditionType)?.status === "True");
  return `${met.length}/${gates.length}`;
}

const orNone = (value: unknown): string => (typeof value === "string" && value ? value : "<none>");

/** printPod's columns; the wide ones have priority 1. */
export const podColumns: PrinterColumn[] = [
  nameColumn,
  column(
    "Ready",
    "The aggregate readiness state of this pod for accepting traffic.",
    (o, now) => podView(o, now).ready,
  ),
  column("Status", "The aggregate status of the containers in this pod.", (o, now) => podView(o, now).reason),
  column(
    "Restarts",
    "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.",
    (o, now) => podView(o, now).restarts,
  ),
  ageColumn,
  column(
    "IP",
    "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.",
    (o) => orNone(objectsAt(objectAt(o.status)?.podIPs)[0]?.ip),
    { priority: 1 },
  ),
  column(
    "Node",
    "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename",
    (o) => orNone(objectAt(o.spec)?.nodeName),
    { priority: 1 },
  ),
  column(
    "Nominated Node",
    "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.",
    (o) => orNone(objectAt(o.status)?.nominatedNodeName),
    { priority: 1 },
  ),
  column(
    "Readiness Gates",
    'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates',
    readinessGates,
    { priority: 1 },
  ),
];
