/**
 * The checks core validation makes of each container of a PodSpec (validateContainerCommon,
 * validateContainers, validateInitContainers): names, image, ports, env names, volume mounts, pull
 * and termination message policies, resources, probes and host port conflicts.
 */
import { dns1123LabelErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import {
  portNameErrors,
  portNumberErrors,
  validatePortNumberOrName,
  validatePortProtocol,
} from "../../validation/ports.js";
import { objectAt, objectsAt, type JsonObject } from "./pod_spec_defaults.js";
import { validateEnv } from "./env_validation.js";
import { validateResourceRequirements } from "./resource_requirements.js";

const isSet = (value: unknown): boolean => value !== undefined && value !== null;
const text = (value: unknown): string => (typeof value === "string" ? value : "");
const integer = (value: unknown): number => (typeof value === "number" ? value : 0);

function validatePorts(ports: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  objectsAt(ports).forEach((port, index) => {
    const at = `${path}[${index}]`;
    const name = text(port.name);
    if (name) {
      const messages = portNameErrors(name);
      for (const message of messages) errors.push(fieldErrors.invalid(`${at}.name`, name, message));
      if (!messages.length && names.has(name)) errors.push(fieldErrors.duplicate(`${at}.name`, name));
      names.add(name);
    }
    const containerPort = integer(port.containerPort);
    if (containerPort === 0) errors.push(fieldErrors.required(`${at}.containerPort`, ""));
    for (const message of containerPort === 0 ? [] : portNumberErrors(containerPort))
      errors.push(fieldErrors.invalid(`${at}.containerPort`, containerPort, message));
    const hostPort = integer(port.hostPort);
    for (const message of hostPort === 0 ? [] : portNumberErrors(hostPort))
      errors.push(fieldErrors.invalid(`${at}.hostPort`, hostPort, message));
    errors.push(...validatePortProtocol(port.protocol, `${at}.protocol`));
  });
  return errors;
}

function validateVolumeMounts(mounts: unknown, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const mountPaths = new Set<string>();
  objectsAt(mounts).forEach((mount, index) => {
    const at = `${path}[${index}]`;
    const name = text(mount.name);
    const mountPath = text(mount.mountPath);
    if (!name) errors.push(fieldErrors.required(`${at}.name`, ""));
    if (!volumes.has(name)) errors.push(fieldErrors.notFound(`${at}.name`, name));
    if (!mountPath) errors.push(fieldErrors.required(`${at}.mountPath`, ""));
    if (mountPaths.has(mountPath)) errors.push(fieldErrors.invalid(`${at}.mountPath`, mountPath, "must be unique"));
    mountPaths.add(mountPath);
  });
  return errors;
}

function validateOneOf(value: unknown, field: string, supported: readonly string[]): FieldError[] {
  if (!isSet(value) || value === "") return [fieldErrors.required(field, "")];
  return supported.includes(value as string) ? [] : [fieldErrors.notSupported(field, value, supported)];
}

/** validateContainerCommon: what every container kind is checked for. */
function validateContainerCommon(container: JsonObject, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const name = text(container.name);
  if (!name) errors.push(fieldErrors.required(`${path}.name`, ""));
  for (const message of name ? dns1123LabelErrors(name) : [])
    errors.push(fieldErrors.invalid(`${path}.name`, name, message));
  if (!text(container.image)) errors.push(fieldErrors.required(`${path}.image`, ""));
  errors.push(
    ...validateOneOf(container.terminationMessagePolicy, `${path}.terminationMessagePolicy`, [
      "File",
      "FallbackToLogsOnError",
    ]),
    ...validatePorts(container.ports, `${path}.ports`),
    ...validateEnv(container.env, `${path}.env`),
    ...validateVolumeMounts(container.volumeMounts, volumes, `${path}.volumeMounts`),
    ...validateOneOf(container.imagePullPolicy, `${path}.imagePullPolicy`, ["Always", "IfNotPresent", "Never"]),
    ...validateResourceRequirements(container.resources, `${path}.resources`),
  );
  return errors;
}

const handlerTypes = ["exec", "httpGet", "tcpSocket", "grpc", "sleep"] as const;

/** validateHandler: exactly one handler, each checked as its own kind. */
function validateHandler(handler: JsonObject, path: string): FieldError[] {
  const errors: FieldError[] = [];
  let handlers = 0;
  for (const type of handlerTypes) {
    const action = objectAt(handler[type]);
    if (!action) continue;
    if (handlers++ > 0) {
      errors.push(fieldErrors.forbidden(`${path}.${type}`, "may not specify more than 1 handler type"));
      continue;
    }
    const at = `${path}.${type}`;
    if (type === "exec" && !(Array.isArray(action.command) && action.command.length))
      errors.push(fieldErrors.required(`${at}.command`, ""));
    if (type === "httpGet") {
      if (!text(action.path)) errors.push(fieldErrors.required(`${at}.path`, ""));
      errors.push(...validatePortNumberOrName(action.port, `${at}.port`));
      if (action.scheme !== "HTTP" && action.scheme !== "HTTPS")
        errors.push(fieldErrors.notSupported(`${at}.scheme`, action.scheme ?? "", ["HTTP", "HTTPS"]));
    }
    if (type === "tcpSocket") errors.push(...validatePortNumberOrName(action.port, `${at}.port`));
    if (type === "grpc") errors.push(...validatePortNumberOrName(integer(action.port), `${at}.port`));
  }
  if (handlers === 0) errors.push(fieldErrors.required(path, "must specify a handler type"));
  return errors;
}

function validateProbe(probe: JsonObject, kind: "liveness" | "readiness" | "startup", path: string): FieldError[] {
  const errors = validateHandler(probe, path);
  for (const field of [
    "initialDelaySeconds",
    "timeoutSeconds",
    "periodSeconds",
    "successThreshold",
    "failureThreshold",
  ]) {
    const value = integer(probe[field]);
    if (value < 0) errors.push(fieldErrors.invalid(`${path}.${field}`, value, "must be greater than or equal to 0"));
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (typeof grace === "number" && grace <= 0)
    errors.push(fieldErrors.invalid(`${path}.terminationGracePeriodSeconds`, grace, "must be greater than 0"));
  if (kind !== "readiness" && integer(probe.successThreshold) !== 1)
    errors.push(fieldErrors.invalid(`${path}.successThreshold`, integer(probe.successThreshold), "must be 1"));
  if (kind === "readiness" && isSet(grace))
    errors.push(
      fieldErrors.invalid(`${path}.terminationGracePeriodSeconds`, grace, "must not be set for readinessProbes"),
    );
  return errors;
}

const probeKinds = [
  ["livenessProbe", "liveness"],
  ["readinessProbe", "readiness"],
  ["startupProbe", "startup"],
] as const;

/** validateLifecycle's hooks, then the probes: what regular and sidecar containers may have. */
function validateProbes(container: JsonObject, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const lifecycle = objectAt(container.lifecycle);
  for (const hook of ["postStart", "preStop"]) {
    const handler = objectAt(lifecycle?.[hook]);
    if (handler) errors.push(...validateHandler(handler, `${path}.lifecycle.${hook}`));
  }
  for (const [field, kind] of probeKinds) {
    const probe = objectAt(container[field]);
    if (probe) errors.push(...validateProbe(probe, kind, `${path}.${field}`));
  }
  return errors;
}

/** AccumulateUniqueHostPorts: a host port may be bound once per protocol and host IP. */
function hostPortConflicts(containers: JsonObject[], path: string, seen = new Set<string>()): FieldError[] {
  const errors: FieldError[] = [];
  containers.forEach((container, index) => {
    objectsAt(container.ports).forEach((port, portIndex) => {
      const hostPort = integer(port.hostPort);
      if (hostPort === 0) return;
      const key = `${text(port.protocol)}/${text(port.hostIP)}/${hostPort}`;
      if (seen.has(key)) errors.push(fieldErrors.duplicate(`${path}[${index}].ports[${portIndex}].hostPort`, key));
      seen.add(key);
    });
  });
  return errors;
}

/** validateContainers: the regular containers, which a PodSpec must have. */
export function validateContainers(containers: unknown, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const list = objectsAt(containers);
  if (list.length === 0) return [fieldErrors.required(path, "")];
  const errors: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((container, index) => {
    const at = `${path}[${index}]`;
    errors.push(...validateContainerCommon(container, volumes, at));
    const name = text(container.name);
    if (names.has(name)) errors.push(fieldErrors.duplicate(`${at}.name`, name));
    names.add(name);
    errors.push(...validateProbes(container, at));
    errors.push(...validateContainerRestartPolicy(container.restartPolicy, at));
  });
  errors.push(...hostPortConflicts(list, path));
  return errors;
}

/**
 * validateContainerRestartPolicy (the ContainerRestartRules gate is on): a container's own restart
 * policy, when set, is one of the pod's. Its restartPolicyRules are not checked here.
 */
function validateContainerRestartPolicy(policy: unknown, path: string): FieldError[] {
  if (!isSet(policy)) return [];
  const supported = ["Always", "Never", "OnFailure"];
  return supported.includes(policy as string)
    ? []
    : [fieldErrors.notSupported(`${path}.restartPolicy`, policy, supported)];
}

const notForInitContainers = "may not be set for init containers without restartPolicy=Always";

/** validateInitContainers: names unique among all containers; probes and hooks only for sidecars. */
export function validateInitContainers(
  initContainers: unknown,
  containers: unknown,
  volumes: ReadonlySet<string>,
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const names = new Set(objectsAt(containers).map((container) => text(container.name)));
  objectsAt(initContainers).forEach((container, index) => {
    const at = `${path}[${index}]`;
    errors.push(...validateContainerCommon(container, volumes, at));
    const restartPolicy = container.restartPolicy;
    if (restartPolicy !== "Always") errors.push(...validateContainerRestartPolicy(restartPolicy, at));
    const name = text(container.name);
    if (names.has(name)) errors.push(fieldErrors.duplicate(`${at}.name`, name));
    else if (name) names.add(name);
    errors.push(...hostPortConflicts([container], path));
    if (restartPolicy === "Always") errors.push(...validateProbes(container, at));
    else
      for (const field of ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"]) {
        if (isSet(container[field])) errors.push(fieldErrors.forbidden(`${at}.${field}`, notForInitContainers));
      }
  });
  return errors;
}
