/**
 * x-kubernetes-embedded-resource: an object the schema marks as a whole Kubernetes object needs
 * apiVersion and kind, and its metadata is validated as ObjectMeta (names as path segments), as
 * apiextensions' schema/objectmeta validation does after the schema validation.
 */
import { fieldErrors, type FieldError } from "../errors/status.js";
import type { KubeObject } from "../storage/types.js";
import { dns1035LabelErrors } from "../../apimachinery/index.js";
import { validateObjectMeta } from "./object_meta.js";
import type { JsonSchema } from "./structural_schema.js";

function child(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

function embeddedResourceErrors(record: Record<string, unknown>, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!("apiVersion" in record)) errors.push(fieldErrors.required(child(path, "apiVersion")));
  if (!("kind" in record)) errors.push(fieldErrors.required(child(path, "kind")));
  for (const [key, value] of Object.entries(record)) {
    const field = child(path, key);
    if (key === "apiVersion") {
      if (typeof value !== "string") errors.push(fieldErrors.invalid(field, value, "must be a string"));
      else if (value === "") errors.push(fieldErrors.required(field));
      // ParseGroupVersion accepts "version" and "group/version" only.
      else if (value.split("/").length > 2)
        errors.push(fieldErrors.invalid(field, value, `unexpected GroupVersion string: ${value}`));
    } else if (key === "kind") {
      if (typeof value !== "string") errors.push(fieldErrors.invalid(field, value, "must be a string"));
      else if (value === "") errors.push(fieldErrors.required(field));
      else {
        const messages = dns1035LabelErrors(value.toLowerCase());
        if (messages.length)
          errors.push(
            fieldErrors.invalid(field, value, `may have mixed case, but should otherwise match: ${messages.join(",")}`),
          );
      }
    } else if (key === "metadata" && value !== null && typeof value === "object" && !Array.isArray(value)) {
      const metadata = { ...(value as KubeObject["metadata"]) };
      // A nameless embedded object is fine: kube-apiserver validates it under a stand-in name.
      if (!metadata.name) metadata.name = "fakename";
      errors.push(
        ...validateObjectMeta({ metadata } as KubeObject, {
          namespaced: Boolean(metadata.namespace),
          nameRule: "pathSegment",
          path: field,
        }),
      );
    }
  }
  return errors;
}

/** The errors of every embedded resource in `value` (paths relative to `path`). */
export function validateEmbeddedResources(schema: JsonSchema | undefined, value: unknown, path = ""): FieldError[] {
  if (!schema || value === null || typeof value !== "object") return [];
  if (Array.isArray(value))
    return value.flatMap((item, index) => validateEmbeddedResources(schema.items, item, `${path}[${index}]`));
  const record = value as Record<string, unknown>;
  const errors = schema["x-kubernetes-embedded-resource"] ? embeddedResourceErrors(record, path) : [];
  for (const [name, fieldValue] of Object.entries(record)) {
    const property = schema.properties?.[name];
    if (property) errors.push(...validateEmbeddedResources(property, fieldValue, child(path, name)));
    else if (typeof schema.additionalProperties === "object")
      errors.push(...validateEmbeddedResources(schema.additionalProperties, fieldValue, `${path}[${name}]`));
  }
  return errors;
}
