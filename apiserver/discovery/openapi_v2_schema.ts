/**
 * A CRD's structural schema as OpenAPI v2 can say it, by the rules of apiextensions-apiserver's
 * ToStructuralOpenAPIV2: no allOf/oneOf/anyOf/not; a nullable or x-kubernetes-preserve-unknown-fields
 * node loses its items and properties (and a nullable one its type, a preserving object its
 * type); an array without items loses its type; nullable properties are no longer required.
 */

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function toOpenApiV2Schema(schema: Schema): Schema {
  const out: Schema = { ...schema };
  for (const key of ["allOf", "oneOf", "anyOf", "not"]) delete out[key];
  const nullable = out.nullable === true;
  delete out.nullable;
  if (nullable) {
    delete out.type;
    delete out.items;
    delete out.properties;
  }
  if (out["x-kubernetes-preserve-unknown-fields"] === true) {
    delete out.items;
    delete out.properties;
    if (out.type === "object") delete out.type;
  }
  if (out.items === undefined && out.type === "array") delete out.type;
  if (isSchema(out.properties)) {
    const properties: Record<string, unknown> = {};
    const nullableProperties = new Set<string>();
    for (const [name, property] of Object.entries(out.properties)) {
      if (isSchema(property) && property.nullable === true) nullableProperties.add(name);
      properties[name] = isSchema(property) ? toOpenApiV2Schema(property) : property;
    }
    out.properties = properties;
    if (Array.isArray(out.required)) {
      const required = (out.required as string[]).filter((name) => !nullableProperties.has(name));
      if (required.length) out.required = required;
      else delete out.required;
    }
  }
  if (isSchema(out.items)) out.items = toOpenApiV2Schema(out.items);
  if (isSchema(out.additionalProperties)) {
    if (out.additionalProperties.nullable === true) delete out.required;
    out.additionalProperties = toOpenApiV2Schema(out.additionalProperties);
  }
  return out;
}
