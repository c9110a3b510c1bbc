/**
 * Validation of one CRD schema (validateCustomResourceDefinitionValidation): the OpenAPI rules
 * apiextensions applies node by node (ValidateCustomResourceDefinitionOpenAPISchema: types,
 * uniqueItems, additionalProperties, list and map types, x-kubernetes-validations), then the
 * structural-schema rules (crd_structural.ts), which kube-apiserver v1.37 reports first.
 */
import { goJsonMarshal } from "../../errors/go_format.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import { compileRule } from "../../validation/cel_rules.js";
import type { JsonSchema } from "../../validation/structural_schema.js";
import { internalRule } from "./crd_internal.js";
import { structuralConversionError, structuralErrors } from "./crd_structural.js";

const openApiTypes = ["array", "boolean", "integer", "number", "object", "string"];

type Rule = NonNullable<JsonSchema["x-kubernetes-validations"]>[number];

function ruleErrors(rules: Rule[], path: string): FieldError[] {
  const errors: FieldError[] = [];
  rules.forEach((rule, index) => {
    const at = `${path}.x-kubernetes-validations[${index}]`;
    if (!rule.rule?.trim()) {
      errors.push(fieldErrors.required(`${at}.rule`, "rule is not specified"));
      return;
    }
    if (rule.message !== undefined && rule.message.length > 0 && !rule.message.trim()) {
      errors.push(fieldErrors.invalid(`${at}.message`, rule.message, "message must be non-empty if specified"));
    }
    try {
      compileRule(rule.rule);
    } catch (error) {
      errors.push(
        fieldErrors.invalidRendered(
          `${at}.rule`,
          goJsonMarshal(internalRule(rule), true),
          `compilation failed: ERROR: <input>:1: ${(error as Error).message.split("\n")[0]}`,
        ),
      );
    }
  });
  return errors;
}

function listTypeErrors(schema: JsonSchema, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const listType = schema["x-kubernetes-list-type"];
  if (listType !== undefined && schema.type !== "array") {
    const detail = "must be array if x-kubernetes-list-type is specified";
    errors.push(
      schema.type
        ? fieldErrors.invalid(`${path}.type`, schema.type, detail)
        : fieldErrors.required(`${path}.type`, detail),
    );
  }
  if (listType !== undefined && !["atomic", "set", "map"].includes(listType)) {
    errors.push(fieldErrors.notSupported(`${path}.x-kubernetes-list-type`, listType, ["atomic", "set", "map"]));
  }
  const keys = schema["x-kubernetes-list-map-keys"] ?? [];
  if (keys.length && listType === undefined)
    errors.push(
      fieldErrors.required(`${path}.x-kubernetes-list-type`, "must be map if x-kubernetes-list-map-keys is non-empty"),
    );
  else if (keys.length && listType !== "map")
    errors.push(
      fieldErrors.invalid(
        `${path}.x-kubernetes-list-type`,
        listType,
        "must be map if x-kubernetes-list-map-keys is non-empty",
      ),
    );
  if (listType === "map") {
    if (!keys.length)
      errors.push(
        fieldErrors.required(
          `${path}.x-kubernetes-list-map-keys`,
          "must not be empty if x-kubernetes-list-type is map",
        ),
      );
    if (!schema.items)
      errors.push(fieldErrors.required(`${path}.items`, "must have a schema if x-kubernetes-list-type is map"));
    else if (schema.items.type !== "object") {
      errors.push(
        fieldErrors.invalid(
          `${path}.items.type`,
          schema.items.type ?? "",
          "must be object if parent array's x-kubernetes-list-type is map",
        ),
      );
    }
  }
  return errors;
}

/** ValidateCustomResourceDefinitionOpenAPISchema for one node and, recursively, its children. */
function openApiErrors(schema: JsonSchema | undefined, path: string): FieldError[] {
  if (!schema) return [];
  const errors: FieldError[] = [];
  if (schema.type && !openApiTypes.includes(schema.type))
    errors.push(fieldErrors.notSupported(`${path}.type`, schema.type, openApiTypes));
  if (schema.uniqueItems)
    errors.push(
      fieldErrors.forbidden(
        `${path}.uniqueItems`,
        "uniqueItems cannot be set to true since the runtime complexity becomes quadratic",
      ),
    );
  if (schema.additionalProperties !== undefined) {
    if (Object.keys(schema.properties ?? {}).length && schema.additionalProperties !== true) {
      errors.push(
        fieldErrors.forbidden(
          `${path}.additionalProperties`,
          "additionalProperties and properties are mutual exclusive",
        ),
      );
    }
    if (typeof schema.additionalProperties === "object")
      errors.push(...openApiErrors(schema.additionalProperties, `${path}.additionalProperties`));
  }
  for (const [name, property] of Object.entries(schema.properties ?? {}))
    errors.push(...openApiErrors(property, `${path}.properties[${name}]`));
  errors.push(...openApiErrors(schema.not, `${path}.not`));
  for (const junctor of ["allOf", "oneOf", "anyOf"] as const) {
    schema[junctor]?.forEach((branch, index) => errors.push(...openApiErrors(branch, `${path}.${junctor}[${index}]`)));
  }
  errors.push(...openApiErrors(schema.items, `${path}.items`));
  if (schema["x-kubernetes-preserve-unknown-fields"] === false) {
    errors.push(
      fieldErrors.invalid(`${path}.x-kubernetes-preserve-unknown-fields`, false, "must be true or undefined"),
    );
  }
  errors.push(...listTypeErrors(schema, path));
  errors.push(...ruleErrors(schema["x-kubernetes-validations"] ?? [], path));
  return errors;
}

/**
 * validateCustomResourceDefinitionValidation.
 * @param path where the schema sits: `spec.validation` or `spec.versions[i].schema`
 */
export function crdSchemaErrors(
  validation: { openAPIV3Schema?: JsonSchema } | undefined,
  statusEnabled: boolean,
  path: string,
): FieldError[] {
  const schema = validation?.openAPIV3Schema;
  if (!schema) return [];
  const errors: FieldError[] = [];
  if (statusEnabled && schema.type && schema.type !== "object") {
    errors.push(
      fieldErrors.invalid(
        `${path}.openAPIV3Schema.type`,
        schema.type,
        'only "object" is allowed as the type at the root of the schema if the status subresource is enabled',
      ),
    );
  }
  if (schema.nullable)
    errors.push(fieldErrors.forbidden(`${path}.openAPIV3Schema.nullable`, "nullable cannot be true at the root"));
  // kube-apiserver v1.37 reports the structural violations before the OpenAPI ones; a schema that
  // cannot even be converted to a structural one gets that error only when nothing else is wrong.
  const openApi = openApiErrors(schema, `${path}.openAPIV3Schema`);
  const conversionError = structuralConversionError(schema);
  if (!conversionError) errors.push(...structuralErrors(schema, `${path}.openAPIV3Schema`));
  errors.push(...openApi);
  if (conversionError && !errors.length)
    errors.push(fieldErrors.invalid(`${path}.openAPIV3Schema`, "", conversionError));
  return errors;
}
