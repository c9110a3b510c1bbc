/**
 * Whether a CRD schema is structural, with apiextensions' wording (apiserver/schema/validation.go
 * and completeness.go): types specified everywhere, nothing but value validation inside
 * anyOf/allOf/oneOf/not, every field those mention also specified outside them, metadata limited to
 * name and generateName. As kube-apiserver does, the errors are sorted by their text.
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { JsonSchema } from "../../validation/structural_schema.js";

type Level = "root" | "item" | "field";
type Raw = JsonSchema & Record<string, unknown>;

const key = (path: string, name: string) => `${path}.properties[${name}]`;

function isIntOrStringAnyOf(anyOf: JsonSchema[] | undefined): boolean {
  return (
    anyOf?.length === 2 &&
    JSON.stringify(anyOf[0]) === JSON.stringify({ type: "integer" }) &&
    JSON.stringify(anyOf[1]) === JSON.stringify({ type: "string" })
  );
}

/** validateNestedValueValidation: what may not appear under a logic junctor. */
function nestedErrors(schema: Raw | undefined, skipAnyOf: boolean, path: string): FieldError[] {
  if (!schema) return [];
  const errors = valueValidationErrors(schema, skipAnyOf, false, path);
  errors.push(...nestedErrors(schema.items as Raw | undefined, false, `${path}.items`));
  for (const [name, property] of Object.entries(schema.properties ?? {}))
    errors.push(...nestedErrors(property as Raw, false, key(path, name)));
  const forbid = (field: string, detail: string) => errors.push(fieldErrors.forbidden(`${path}.${field}`, detail));
  if (schema.type) forbid("type", "must be empty to be structural");
  if (schema.additionalProperties !== undefined) forbid("additionalProperties", "must be undefined to be structural");
  if (schema.default !== undefined) forbid("default", "must be undefined to be structural");
  if (schema.title) forbid("title", "must be empty to be structural");
  if (schema.description) forbid("description", "must be empty to be structural");
  if (schema.nullable) forbid("nullable", "must be false to be structural");
  if (schema["x-kubernetes-preserve-unknown-fields"])
    forbid("x-kubernetes-preserve-unknown-fields", "must be false to be structural");
  if (schema["x-kubernetes-embedded-resource"])
    forbid("x-kubernetes-embedded-resource", "must be false to be structural");
  if (schema["x-kubernetes-int-or-string"]) forbid("x-kubernetes-int-or-string", "must be false to be structural");
  if (schema["x-kubernetes-list-map-keys"]?.length)
    forbid("x-kubernetes-list-map-keys", "must be empty to be structural");
  if (schema["x-kubernetes-list-type"] !== undefined)
    forbid("x-kubernetes-list-type", "must be undefined to be structural");
  if (schema["x-kubernetes-map-type"] !== undefined)
    forbid("x-kubernetes-map-type", "must be undefined to be structural");
  if (schema["x-kubernetes-validations"]?.length) forbid("x-kubernetes-validations", "must be empty to be structural");
  if (schema.properties && "metadata" in schema.properties) {
    errors.push(fieldErrors.forbidden(key(path, "metadata"), "must not be specified in a nested context"));
  }
  return errors;
}

/** validateValueValidation: the junctors of one node, with the two int-or-string exceptions. */
function valueValidationErrors(
  schema: Raw,
  skipAnyOf: boolean,
  skipFirstAllOfAnyOf: boolean,
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!skipAnyOf)
    schema.anyOf?.forEach((branch, index) =>
      errors.push(...nestedErrors(branch as Raw, false, `${path}.anyOf[${index}]`)),
    );
  schema.allOf?.forEach((branch, index) =>
    errors.push(...nestedErrors(branch as Raw, skipFirstAllOfAnyOf && index === 0, `${path}.allOf[${index}]`)),
  );
  schema.oneOf?.forEach((branch, index) =>
    errors.push(...nestedErrors(branch as Raw, false, `${path}.oneOf[${index}]`)),
  );
  errors.push(...nestedErrors(schema.not as Raw | undefined, false, `${path}.not`));
  return errors;
}

/** validateStructuralMetadataInvariants. */
function metadataErrors(metadata: Raw, checkMetadata: boolean, level: Level, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (checkMetadata && metadata.type !== "object")
    errors.push(fieldErrors.invalid(`${path}.type`, metadata.type ?? "", "must be object"));
  if (level === "root") {
    const { type: _type, default: _default, properties, ...rest } = metadata;
    const names = Object.keys(properties ?? {});
    const onlyNames = names.every((name) => name === "name" || name === "generateName");
    if (Object.keys(rest).length || !onlyNames) {
      errors.push(
        fieldErrors.forbidden(
          path,
          "must not specify anything other than name and generateName, but metadata is implicitly specified",
        ),
      );
    }
  }
  return errors;
}

/** validateStructuralInvariants. */
function invariantErrors(schema: Raw | undefined, level: Level, path: string): FieldError[] {
  if (!schema) return [];
  const errors: FieldError[] = [];
  if (schema.type === "array" && !schema.items) errors.push(fieldErrors.required(`${path}.items`, "must be specified"));
  errors.push(...invariantErrors(schema.items as Raw | undefined, "item", `${path}.items`));
  for (const [name, property] of Object.entries(schema.properties ?? {}))
    errors.push(...invariantErrors(property as Raw, "field", key(path, name)));
  if (schema.additionalProperties !== undefined) {
    if (level === "root")
      errors.push(fieldErrors.forbidden(`${path}.additionalProperties`, "must not be used at the root"));
    if (typeof schema.additionalProperties === "object")
      errors.push(...invariantErrors(schema.additionalProperties as Raw, "field", `${path}.additionalProperties`));
  }
  const intOrString = schema["x-kubernetes-int-or-string"] === true;
  const preserve = schema["x-kubernetes-preserve-unknown-fields"] === true;
  const embedded = schema["x-kubernetes-embedded-resource"] === true;
  if (intOrString && preserve)
    errors.push(
      fieldErrors.invalid(
        `${path}.x-kubernetes-preserve-unknown-fields`,
        true,
        "must be false if x-kubernetes-int-or-string is true",
      ),
    );
  if (intOrString && embedded)
    errors.push(
      fieldErrors.invalid(
        `${path}.x-kubernetes-embedded-resource`,
        true,
        "must be false if x-kubernetes-int-or-string is true",
      ),
    );
  errors.push(
    ...valueValidationErrors(
      schema,
      isIntOrStringAnyOf(schema.anyOf),
      isIntOrStringAnyOf(schema.allOf?.[0]?.anyOf),
      path,
    ),
  );
  const checkMetadata = level === "root" || embedded;
  if (embedded && schema.type !== "object") {
    const detail = "must be object if x-kubernetes-embedded-resource is true";
    errors.push(
      schema.type
        ? fieldErrors.invalid(`${path}.type`, schema.type, detail)
        : fieldErrors.required(`${path}.type`, detail),
    );
  } else if (!schema.type && !intOrString && !preserve) {
    const where = { root: "at the root", item: "for specified array items", field: "for specified object fields" }[
      level
    ];
    errors.push(fieldErrors.required(`${path}.type`, `must not be empty ${where}`));
  }
  if (embedded && schema.additionalProperties !== undefined) {
    errors.push(
      fieldErrors.forbidden(
        `${path}.additionalProperties`,
        "must not be used if x-kubernetes-embedded-resource is set",
      ),
    );
  }
  if (level === "root" && schema.type && schema.type !== "object")
    errors.push(fieldErrors.invalid(`${path}.type`, schema.type, "must be object at the root"));
  for (const meta of ["kind", "apiVersion"] as const) {
    const property = schema.properties?.[meta];
    if (property && checkMetadata && property.type !== "string")
      errors.push(fieldErrors.invalid(`${key(path, meta)}.type`, property.type ?? "", "must be string"));
  }
  const metadata = schema.properties?.metadata;
  if (metadata) errors.push(...metadataErrors(metadata as Raw, checkMetadata, level, key(path, "metadata")));
  if (embedded && !preserve && !Object.keys(schema.properties ?? {}).length) {
    errors.push(
      fieldErrors.required(
        `${path}.properties`,
        "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields",
      ),
    );
  }
  return errors;
}

/** validateStructuralCompleteness: fields named inside junctors must be specified outside them. */
function completenessErrors(
  branch: Raw | undefined,
  schema: Raw | undefined,
  schemaPath: string,
  branchPath: string,
): FieldError[] {
  if (!branch) return [];
  if (!schema) return [fieldErrors.required(schemaPath, `because it is defined in ${branchPath}`)];
  const errors: FieldError[] = [...junctorCompleteness(branch, schema, schemaPath, branchPath)];
  errors.push(
    ...completenessErrors(
      branch.items as Raw | undefined,
      schema.items as Raw | undefined,
      `${schemaPath}.items`,
      `${branchPath}.items`,
    ),
  );
  for (const [name, property] of Object.entries(branch.properties ?? {})) {
    const specified = schema.properties?.[name];
    if (!specified)
      errors.push(fieldErrors.required(key(schemaPath, name), `because it is defined in ${key(branchPath, name)}`));
    else
      errors.push(
        ...completenessErrors(property as Raw, specified as Raw, key(schemaPath, name), key(branchPath, name)),
      );
  }
  return errors;
}

function junctorCompleteness(node: Raw, schema: Raw, schemaPath: string, nodePath: string): FieldError[] {
  const errors: FieldError[] = [];
  errors.push(...completenessErrors(node.not as Raw | undefined, schema, schemaPath, `${nodePath}.not`));
  for (const junctor of ["allOf", "anyOf", "oneOf"] as const) {
    node[junctor]?.forEach((branch, index) =>
      errors.push(...completenessErrors(branch as Raw, schema, schemaPath, `${nodePath}.${junctor}[${index}]`)),
    );
  }
  return errors;
}

/**
 * Why structuralschema.NewStructural cannot convert the schema (no structural check is possible
 * then), or undefined.
 */
export function structuralConversionError(schema: JsonSchema | undefined): string | undefined {
  if (!schema) return undefined;
  if (schema["x-kubernetes-preserve-unknown-fields"] === false)
    return "internal error: 'x-kubernetes-preserve-unknown-fields' must be true or undefined";
  const raw = schema as Raw;
  const children = [
    ...Object.values(schema.properties ?? {}),
    ...(typeof schema.additionalProperties === "object" ? [schema.additionalProperties] : []),
    ...(raw.items && !Array.isArray(raw.items) ? [raw.items as JsonSchema] : []),
    ...(schema.allOf ?? []),
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
    ...(schema.not ? [schema.not] : []),
  ];
  for (const child of children) {
    const error = structuralConversionError(child);
    if (error) return error;
  }
  return undefined;
}

/** ValidateStructural: every violation, sorted by its text as kube-apiserver sorts them. */
export function structuralErrors(schema: JsonSchema, path: string): FieldError[] {
  // Completeness is checked for the root's junctors only, as validateStructuralCompleteness does.
  const errors = [
    ...invariantErrors(schema as Raw, "root", path),
    ...junctorCompleteness(schema as Raw, schema as Raw, path, path),
  ];
  const text = (error: FieldError) => `${error.field}: ${error.detail}`;
  return errors.sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
}
