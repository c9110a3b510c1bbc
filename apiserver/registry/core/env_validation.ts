/**
 * A container's env as core validation checks it (ValidateEnv, validateEnvVarValueFrom): names
 * (RelaxedEnvironmentVariableValidation is GA), and one source per valueFrom with its own checks
 * (fieldRef paths, configMap and secret key references). resourceFieldRef and fileKeyRef are
 * counted but their own rules are not reproduced.
 */
import { dns1123SubdomainErrors, qualifiedNameErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { configKeyErrors } from "./config_data.js";
import { objectAt, objectsAt, type JsonObject } from "./pod_spec_defaults.js";

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** IsRelaxedEnvVarName. */
function envNameErrors(name: string): string[] {
  return /^[\x20-\x3c\x3e-\x7e]*$/.test(name)
    ? []
    : ["a valid environment variable name must consist only of printable ASCII characters other than '='"];
}

const downwardApiPaths = [
  "metadata.name",
  "metadata.namespace",
  "metadata.uid",
  "spec.nodeName",
  "spec.serviceAccountName",
  "status.hostIP",
  "status.hostIPs",
  "status.podIP",
  "status.podIPs",
];

/** The labels ConvertDownwardAPIFieldLabel accepts (spec.host is spec.nodeName's old name). */
const convertibleFieldLabels = new Set([
  ...downwardApiPaths,
  "metadata.annotations",
  "metadata.labels",
  "spec.restartPolicy",
  "spec.schedulerName",
  "status.phase",
]);

/** ConvertDownwardAPIFieldLabel: the internal field path, or why it has none. */
function convertFieldLabel(version: string, label: string): { path: string } | { error: string } {
  if (version !== "v1") return { error: `unsupported pod version: ${version}` };
  const subscripted = /^(.*)\['(.*)'\]$/.exec(label);
  if (subscripted) {
    const base = subscripted[1] ?? "";
    if (base === "metadata.annotations" || base === "metadata.labels") return { path: label };
    return { error: `field label does not support subscript: ${label}` };
  }
  if (label === "spec.host") return { path: "spec.nodeName" };
  return convertibleFieldLabels.has(label) ? { path: label } : { error: `field label not supported: ${label}` };
}

/** validateObjectFieldSelector with the env's downward API paths. */
function validateFieldRef(ref: JsonObject, path: string): FieldError[] {
  const version = text(ref.apiVersion);
  if (!version) return [fieldErrors.required(`${path}.apiVersion`, "")];
  const fieldPath = text(ref.fieldPath);
  if (!fieldPath) return [fieldErrors.required(`${path}.fieldPath`, "")];
  const converted = convertFieldLabel(version, fieldPath);
  if ("error" in converted)
    return [fieldErrors.invalid(`${path}.fieldPath`, fieldPath, `error converting fieldPath: ${converted.error}`)];
  const subscripted = /^(.*)\['(.*)'\]$/.exec(converted.path);
  if (subscripted) {
    const [, base = "", subscript = ""] = subscripted;
    const key = base === "metadata.annotations" ? subscript.toLowerCase() : subscript;
    return qualifiedNameErrors(key).map((message) => fieldErrors.invalid(path, key, message));
  }
  return downwardApiPaths.includes(converted.path)
    ? []
    : [fieldErrors.notSupported(`${path}.fieldPath`, converted.path, downwardApiPaths)];
}

/** validateConfigMapKeySelector and validateSecretKeySelector. */
function validateKeySelector(ref: JsonObject, path: string): FieldError[] {
  const name = text(ref.name);
  const errors = dns1123SubdomainErrors(name).map((message) => fieldErrors.invalid(`${path}.name`, name, message));
  const key = text(ref.key);
  if (!key) errors.push(fieldErrors.required(`${path}.key`, ""));
  else errors.push(...configKeyErrors(key).map((message) => fieldErrors.invalid(`${path}.key`, key, message)));
  return errors;
}

function validateValueFrom(variable: JsonObject, path: string): FieldError[] {
  const from = objectAt(variable.valueFrom);
  if (!from) return [];
  const errors: FieldError[] = [];
  let sources = 0;
  for (const source of ["fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef", "fileKeyRef"]) {
    const ref = objectAt(from[source]);
    if (!ref) continue;
    sources++;
    if (source === "fieldRef") errors.push(...validateFieldRef(ref, `${path}.fieldRef`));
    if (source === "configMapKeyRef" || source === "secretKeyRef")
      errors.push(...validateKeySelector(ref, `${path}.${source}`));
  }
  if (sources === 0)
    errors.push(
      fieldErrors.invalid(
        path,
        "",
        "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef`, `secretKeyRef` or `fileKeyRef`",
      ),
    );
  else if (text(variable.value))
    errors.push(fieldErrors.invalid(path, "", "may not be specified when `value` is not empty"));
  else if (sources > 1)
    errors.push(fieldErrors.invalid(path, "", "may not have more than one field specified at a time"));
  return errors;
}

/** ValidateEnv at `path` (`spec.containers[0].env`). */
export function validateEnv(env: unknown, path: string): FieldError[] {
  const errors: FieldError[] = [];
  objectsAt(env).forEach((variable, index) => {
    const at = `${path}[${index}]`;
    const name = text(variable.name);
    if (!name) errors.push(fieldErrors.required(`${at}.name`, ""));
    for (const message of name ? envNameErrors(name) : [])
      errors.push(fieldErrors.invalid(`${at}.name`, name, message));
    errors.push(...validateValueFrom(variable, `${at}.valueFrom`));
  });
  return errors;
}
