/**
 * ValidatePodSpec (pkg/apis/core/validation) for what operators hit first: volumes, containers and
 * init containers, restartPolicy, dnsPolicy, nodeSelector, service account and node names,
 * activeDeadlineSeconds, hostname and subdomain, with kube-apiserver's wording and order.
 */
import {
  compareQuantities,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  labelValueErrors,
  parseQuantity,
  qualifiedNameErrors,
} from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { validateLabels } from "../../validation/label_selector.js";
import { inclusiveRangeMessage } from "../../validation/ports.js";
import { validateContainers, validateInitContainers } from "./container_validation.js";
import { objectAt, objectsAt, volumeSourceFields, type JsonObject } from "./pod_spec_defaults.js";

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const isSet = (value: unknown): boolean => value !== undefined && value !== null;

/** The path kube-apiserver names each volume source by, where it differs from the JSON name. */
const volumeSourcePaths: Readonly<Record<string, string>> = { cephfs: "cephFS", downwardAPI: "downwarAPI" };

const fileModeMessage = "must be a number between 0 and 0777 (octal), both inclusive";

function validateKeyToPaths(items: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  objectsAt(items).forEach((item, index) => {
    if (!text(item.key)) errors.push(fieldErrors.required(`${path}[${index}].key`, ""));
    if (!text(item.path)) errors.push(fieldErrors.required(`${path}[${index}].path`, ""));
  });
  return errors;
}

function fileModeErrors(mode: unknown, path: string): FieldError[] {
  return typeof mode === "number" && (mode > 0o777 || mode < 0)
    ? [fieldErrors.invalid(path, mode, fileModeMessage)]
    : [];
}

/** The checks of the common volume sources (the others are taken as they are). */
function validateVolumeSource(type: string, source: JsonObject, path: string): FieldError[] {
  const errors: FieldError[] = [];
  switch (type) {
    case "emptyDir": {
      const limit = source.sizeLimit;
      if (typeof limit === "string" && compareQuantities(parseQuantity(limit), parseQuantity("0")) < 0)
        errors.push(fieldErrors.forbidden(`${path}.sizeLimit`, "SizeLimit field must be a valid resource quantity"));
      break;
    }
    case "hostPath":
      if (!text(source.path)) errors.push(fieldErrors.required(`${path}.path`, ""));
      break;
    case "secret":
      if (!text(source.secretName)) errors.push(fieldErrors.required(`${path}.secretName`, ""));
      errors.push(...fileModeErrors(source.defaultMode, `${path}.defaultMode`));
      errors.push(...validateKeyToPaths(source.items, `${path}.items`));
      break;
    case "configMap":
      if (!text(source.name)) errors.push(fieldErrors.required(`${path}.name`, ""));
      errors.push(...fileModeErrors(source.defaultMode, `${path}.defaultMode`));
      errors.push(...validateKeyToPaths(source.items, `${path}.items`));
      break;
    case "persistentVolumeClaim":
      if (!text(source.claimName)) errors.push(fieldErrors.required(`${path}.claimName`, ""));
      break;
  }
  return errors;
}

/** ValidateVolumes: the names of the valid volumes, which mounts may name, and the errors. */
function validateVolumes(volumes: unknown, path: string): { names: Set<string>; errors: FieldError[] } {
  const names = new Set<string>();
  const errors: FieldError[] = [];
  objectsAt(volumes).forEach((volume, index) => {
    const at = `${path}[${index}]`;
    const own: FieldError[] = [];
    let sources = 0;
    for (const type of volumeSourceFields) {
      const source = objectAt(volume[type]);
      if (!source) continue;
      const sourcePath = `${at}.${volumeSourcePaths[type] ?? type}`;
      if (sources++ > 0) own.push(fieldErrors.forbidden(sourcePath, "may not specify more than 1 volume type"));
      else own.push(...validateVolumeSource(type, source, sourcePath));
    }
    if (sources === 0) own.push(fieldErrors.required(at, "must specify a volume type"));
    const name = text(volume.name);
    if (!name) own.push(fieldErrors.required(`${at}.name`, ""));
    for (const message of name ? dns1123LabelErrors(name) : [])
      own.push(fieldErrors.invalid(`${at}.name`, name, message));
    if (names.has(name)) own.push(fieldErrors.duplicate(`${at}.name`, name));
    if (own.length === 0) names.add(name);
    errors.push(...own);
  });
  return { names, errors };
}

function validateOneOf(value: unknown, field: string, supported: readonly string[]): FieldError[] {
  if (!isSet(value) || value === "") return [fieldErrors.required(field, "")];
  return supported.includes(value as string) ? [] : [fieldErrors.notSupported(field, value, supported)];
}

const taintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

/** ValidateTolerations (the Lt and Gt operators' gate is off). */
function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  objectsAt(tolerations).forEach((toleration, index) => {
    const at = `${path}[${index}]`;
    const key = text(toleration.key);
    const operator = text(toleration.operator);
    const value = text(toleration.value);
    const effect = text(toleration.effect);
    for (const message of key ? qualifiedNameErrors(key) : [])
      errors.push(fieldErrors.invalid(`${at}.key`, key, message));
    if (!key && operator !== "Exists")
      errors.push(
        fieldErrors.invalid(
          `${at}.operator`,
          operator,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    if (isSet(toleration.tolerationSeconds) && effect !== "NoExecute")
      errors.push(
        fieldErrors.invalid(`${at}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"),
      );
    if (operator === "Equal" || operator === "") {
      const messages = labelValueErrors(value);
      if (messages.length) errors.push(fieldErrors.invalid(`${at}.operator`, value, messages.join(";")));
    } else if (operator === "Exists") {
      if (value)
        errors.push(fieldErrors.invalid(`${at}.operator`, value, "value must be empty when `operator` is 'Exists'"));
    } else if (operator === "Lt" || operator === "Gt") {
      errors.push(fieldErrors.notSupported(`${at}.operator`, operator, ["Equal", "Exists", "Lt", "Gt"]));
    } else errors.push(fieldErrors.notSupported(`${at}.operator`, operator, ["Equal", "Exists"]));
    if (effect && !taintEffects.includes(effect))
      errors.push(fieldErrors.notSupported(`${at}.effect`, effect, taintEffects));
  });
  return errors;
}

/** The errors of a PodSpec at `path` (`spec`, `template.spec`, `spec.template.spec`). */
export function validatePodSpec(spec: JsonObject, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!isSet(spec.terminationGracePeriodSeconds))
    errors.push(fieldErrors.required(`${path}.terminationGracePeriodSeconds`, ""));
  const volumes = validateVolumes(spec.volumes, `${path}.volumes`);
  errors.push(...volumes.errors);
  errors.push(...validateContainers(spec.containers, volumes.names, `${path}.containers`));
  errors.push(...validateInitContainers(spec.initContainers, spec.containers, volumes.names, `${path}.initContainers`));
  errors.push(...validateOneOf(spec.restartPolicy, `${path}.restartPolicy`, ["Always", "OnFailure", "Never"]));
  errors.push(
    ...validateOneOf(spec.dnsPolicy, `${path}.dnsPolicy`, [
      "ClusterFirstWithHostNet",
      "ClusterFirst",
      "Default",
      "None",
    ]),
  );
  errors.push(...validateLabels(objectAt(spec.nodeSelector), `${path}.nodeSelector`));
  if (spec.dnsPolicy === "None") {
    const dnsConfig = objectAt(spec.dnsConfig);
    if (!dnsConfig)
      errors.push(fieldErrors.required(`${path}.dnsConfig`, "must provide `dnsConfig` when `dnsPolicy` is None"));
    else if (!(Array.isArray(dnsConfig.nameservers) && dnsConfig.nameservers.length))
      errors.push(
        fieldErrors.required(
          `${path}.dnsConfig.nameservers`,
          "must provide at least one DNS nameserver when `dnsPolicy` is None",
        ),
      );
  }
  objectsAt(spec.readinessGates).forEach((gate, index) => {
    const type = text(gate.conditionType);
    for (const message of qualifiedNameErrors(type))
      errors.push(fieldErrors.invalid(`${path}.readinessGates[${index}].conditionType`, type, message));
  });
  const serviceAccountName = text(spec.serviceAccountName);
  for (const message of serviceAccountName ? dns1123SubdomainErrors(serviceAccountName) : [])
    errors.push(fieldErrors.invalid(`${path}.serviceAccountName`, serviceAccountName, message));
  if (text(spec.serviceAccount) !== serviceAccountName)
    errors.push(
      fieldErrors.invalid(
        `${path}.deprecatedServiceAccount`,
        text(spec.serviceAccount),
        `must be the same as serviceAccountName: ${JSON.stringify(serviceAccountName)}`,
      ),
    );
  const nodeName = text(spec.nodeName);
  for (const message of nodeName ? dns1123SubdomainErrors(nodeName) : [])
    errors.push(fieldErrors.invalid(`${path}.nodeName`, nodeName, message));
  const deadline = spec.activeDeadlineSeconds;
  if (typeof deadline === "number" && (deadline < 1 || deadline > 2147483647))
    errors.push(fieldErrors.invalid(`${path}.activeDeadlineSeconds`, deadline, inclusiveRangeMessage(1, 2147483647)));
  for (const field of ["hostname", "subdomain"]) {
    const value = text(spec[field]);
    for (const message of value ? dns1123LabelErrors(value) : [])
      errors.push(fieldErrors.invalid(`${path}.${field}`, value, message));
  }
  errors.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  return errors;
}
