/** core/v1 ServiceAccounts: pkg/registry/core/serviceaccount/strategy.go. */
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";

/** A ServiceAccount's secret references keep only the name (the strategy's cleanSecretReferences). */
function cleanSecretReferences(object: KubeObject): void {
  if (!Array.isArray(object.secrets)) return;
  object.secrets = object.secrets.map((secret: unknown) => {
    const name = (secret as { name?: unknown } | null)?.name;
    return typeof name === "string" && name ? { name } : {};
  });
}

export const serviceAccountStrategy: ResourceStrategy = {
  prepareForCreate: cleanSecretReferences,
  prepareForUpdate: cleanSecretReferences,
  columns: [nameColumn, ageColumn],
};
