/** core/v1 Secrets: pkg/registry/core/secret/strategy.go. */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { dataBytes, maxDataBytes, validateDataKeys } from "./config_data.js";

const secretTypeDescription =
  "Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types";
const secretDataDescription =
  "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4";

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** The data keys each Secret type requires (ValidateSecret's switch on the type). */
function typeErrors(object: KubeObject): FieldError[] {
  const data = (object.data as Record<string, unknown> | null | undefined) ?? {};
  const required = (key: string): FieldError => fieldErrors.required(`data[${key}]`);
  switch (object.type) {
    case "kubernetes.io/service-account-token": {
      const name = object.metadata.annotations?.["kubernetes.io/service-account.name"];
      return name ? [] : [fieldErrors.required("metadata.annotations[kubernetes.io/service-account.name]")];
    }
    case "kubernetes.io/dockercfg":
      return ".dockercfg" in data ? [] : [required(".dockercfg")];
    case "kubernetes.io/dockerconfigjson":
      return ".dockerconfigjson" in data ? [] : [required(".dockerconfigjson")];
    case "kubernetes.io/basic-auth":
      return "username" in data || "password" in data ? [] : [required("username"), required("password")];
    case "kubernetes.io/ssh-auth":
      return data["ssh-privatekey"] ? [] : [required("ssh-privatekey")];
    case "kubernetes.io/tls":
      return [...("tls.crt" in data ? [] : [required("tls.crt")]), ...("tls.key" in data ? [] : [required("tls.key")])];
    default:
      return [];
  }
}

export const secretStrategy: ResourceStrategy = {
  fieldSelectors: { type: (o) => o.type as string | undefined },
  normalize(object) {
    // stringData is write-only: merged into data (base64) and dropped, as the Secret strategy does.
    const stringData = object.stringData as Record<string, string> | undefined;
    if (stringData && typeof stringData === "object") {
      const data = (object.data as Record<string, string> | undefined) ?? {};
      for (const [key, value] of Object.entries(stringData)) data[key] = Buffer.from(String(value)).toString("base64");
      object.data = data;
    }
    delete object.stringData;
    object.type ??= "Opaque";
    return [];
  },
  validate(object, old) {
    const errors = validateDataKeys(object, ["data"]);
    if (dataBytes(object, [{ field: "data", base64: true }]) > maxDataBytes)
      errors.push(fieldErrors.tooLong("data", maxDataBytes));
    errors.push(...typeErrors(object));
    for (const [key, value] of Object.entries((object.data as Record<string, unknown> | undefined) ?? {})) {
      if (typeof value === "string" && (!base64Pattern.test(value) || value.length % 4 !== 0)) {
        errors.push(fieldErrors.invalid(`data[${key}]`, "<secret contents redacted>", "must be base64-encoded"));
      }
    }
    if (old && old.type !== object.type) errors.push(fieldErrors.invalid("type", object.type, "field is immutable"));
    if (old?.immutable === true) {
      if (object.immutable !== true)
        errors.push(fieldErrors.forbidden("immutable", "field is immutable when `immutable` is set"));
      if (JSON.stringify(old.data ?? {}) !== JSON.stringify(object.data ?? {}))
        errors.push(fieldErrors.forbidden("data", "field is immutable when `immutable` is set"));
    }
    return errors;
  },
  columns: [
    nameColumn,
    column("Type", secretTypeDescription, (o) => o.type ?? ""),
    column("Data", secretDataDescription, (o) => Object.keys((o.data as object | undefined) ?? {}).length),
    ageColumn,
  ],
};
