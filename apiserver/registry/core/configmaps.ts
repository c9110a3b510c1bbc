/** core/v1 ConfigMaps: pkg/registry/core/configmap/strategy.go. */
import { fieldErrors } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { dataBytes, maxDataBytes, validateDataKeys } from "./config_data.js";

// Column descriptions are the API types' swagger docs, as kube-apiserver's printers use them.
const configMapDataDescription =
  "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process.";

function dataCount(object: KubeObject): number {
  return (
    Object.keys((object.data as object | undefined) ?? {}).length +
    Object.keys((object.binaryData as object | undefined) ?? {}).length
  );
}

export const configMapStrategy: ResourceStrategy = {
  validate(object, old) {
    const errors = validateDataKeys(object, ["data", "binaryData"]);
    const binaryData = (object.binaryData as Record<string, unknown> | null | undefined) ?? {};
    for (const key of Object.keys((object.data as Record<string, unknown> | null | undefined) ?? {}))
      if (key in binaryData)
        errors.push(fieldErrors.invalid(`data[${key}]`, key, "duplicate of key present in binaryData"));
    const sizes = [
      { field: "data", base64: false },
      { field: "binaryData", base64: true },
    ];
    // ValidateConfigMap names the whole object (an empty path) for its total size.
    if (dataBytes(object, sizes) > maxDataBytes) errors.push(fieldErrors.tooLong("", maxDataBytes));
    if (old?.immutable === true) {
      if (JSON.stringify(old.data ?? {}) !== JSON.stringify(object.data ?? {})) {
        errors.push(fieldErrors.forbidden("data", "field is immutable when `immutable` is set"));
      }
      if (object.immutable !== true)
        errors.push(fieldErrors.forbidden("immutable", "field is immutable when `immutable` is set"));
      if (JSON.stringify(old.binaryData ?? {}) !== JSON.stringify(object.binaryData ?? {}))
        errors.push(fieldErrors.forbidden("binaryData", "field is immutable when `immutable` is set"));
    }
    return errors;
  },
  columns: [nameColumn, column("Data", configMapDataDescription, (o) => dataCount(o)), ageColumn],
};
