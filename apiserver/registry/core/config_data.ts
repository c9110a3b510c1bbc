/** What ConfigMaps and Secrets check alike: their data keys and the bytes they hold (pkg/apis/core/validation). */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";

const configKeyPattern = /^[-._a-zA-Z0-9]+$/;
const configKeyMessage =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** IsConfigMapKey: the messages for a ConfigMap or Secret key, empty when valid. */
export function configKeyErrors(key: string): string[] {
  const errors: string[] = [];
  if (key.length > 253) errors.push("must be no more than 253 characters");
  if (!configKeyPattern.test(key)) errors.push(configKeyMessage);
  return errors;
}

/** IsConfigMapKey for each key of the `fields` maps. */
export function validateDataKeys(object: KubeObject, fields: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of fields) {
    const data = object[field];
    if (data === undefined || data === null) continue;
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      if (!configKeyPattern.test(key) || key.length > 253)
        errors.push(fieldErrors.invalid(`${field}[${key}]`, key, configKeyMessage));
      if (typeof value !== "string") errors.push(fieldErrors.invalid(`${field}[${key}]`, value, "must be a string"));
    }
  }
  return errors;
}

/** core.MaxSecretSize: the most bytes a Secret's or a ConfigMap's data may hold in all. */
export const maxDataBytes = 1024 * 1024;

/** The bytes `fields` hold: string values as UTF-8, base64 fields (`binaryData`, a Secret's `data`) decoded. */
export function dataBytes(object: KubeObject, fields: { field: string; base64: boolean }[]): number {
  let total = 0;
  for (const { field, base64 } of fields) {
    const data = object[field];
    if (data === null || typeof data !== "object") continue;
    for (const value of Object.values(data as Record<string, unknown>)) {
      if (typeof value === "string") total += base64 ? Buffer.from(value, "base64").length : Buffer.byteLength(value);
    }
  }
  return total;
}
