/**
 * The typed intermediate representation between the TypeScript walk and the OpenAPI schema.
 *
 * `TypeModel` says what a TypeScript type *is* (a string, an object with properties, a map…),
 * with the markers and documentation found on its declaration and the position of that
 * declaration. `JSONSchemaProps` is the apiextensions.k8s.io/v1 schema that the structural stage
 * produces from it. Neither knows comment syntax.
 */
import type { Position } from "../diagnostics.js";
import type { MarkerInstance } from "../markers/registry.js";

/** What every type model carries: where it was declared, its markers and its documentation. */
export interface TypeModelCommon {
  /** The declared name (interface or type alias), when the type is named. */
  name?: string;
  description?: string;
  markers: readonly MarkerInstance[];
  /** `T | null`. */
  nullable?: boolean;
  /** `T | undefined`: the property may be left out, as with `?`. */
  allowsUndefined?: boolean;
  position: Position;
}

/** A TypeScript type, as the schema stage needs to know it. */
export type TypeModel = TypeModelCommon &
  (
    | { kind: "primitive"; type: "string" | "number" | "integer" | "boolean" }
    | {
        kind: "enum";
        type: "string" | "number" | "integer" | "boolean";
        values: readonly (string | number | boolean)[];
      }
    /**
     * `incomplete`: a base interface could not be read (already reported). `bases`: the
     * interfaces it extends (Go's embedded structs), whose type-level markers its schema inherits.
     */
    | { kind: "object"; properties: readonly PropertyModel[]; incomplete?: boolean; bases?: readonly TypeModel[] }
    | { kind: "map"; values: TypeModel }
    | { kind: "array"; items: TypeModel }
    /** A union of different primitive types: only meaningful with XIntOrString. */
    | { kind: "union"; members: readonly TypeModel[] }
    /** `any` / `unknown` / a field not introspected (Schemaless). */
    | { kind: "any"; from: string }
    /** A type that has no schema; the walk already reported why. */
    | { kind: "invalid" }
  );

/** One property of an object type. */
export interface PropertyModel {
  name: string;
  type: TypeModel;
  /** `?` on the declaration. */
  questionToken: boolean;
  description?: string;
  markers: readonly MarkerInstance[];
  position: Position;
}

/** A JSON value as it appears in a schema (default, example, enum). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One CEL rule (`x-kubernetes-validations` item). */
export interface ValidationRule {
  rule: string;
  message?: string;
  messageExpression?: string;
  reason?: string;
  fieldPath?: string;
  optionalOldSelf?: boolean;
}

/** apiextensions.k8s.io/v1 JSONSchemaProps, the subset controller-gen emits. */
export interface JSONSchemaProps {
  type?: string;
  format?: string;
  title?: string;
  description?: string;
  default?: JsonValue;
  example?: JsonValue;
  enum?: JsonValue[];
  nullable?: boolean;
  maximum?: number;
  minimum?: number;
  exclusiveMaximum?: boolean;
  exclusiveMinimum?: boolean;
  multipleOf?: number;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  maxItems?: number;
  minItems?: number;
  uniqueItems?: boolean;
  maxProperties?: number;
  minProperties?: number;
  required?: string[];
  items?: JSONSchemaProps;
  properties?: Record<string, JSONSchemaProps>;
  additionalProperties?: JSONSchemaProps | boolean;
  anyOf?: JSONSchemaProps[];
  allOf?: JSONSchemaProps[];
  oneOf?: JSONSchemaProps[];
  not?: JSONSchemaProps;
  "x-kubernetes-preserve-unknown-fields"?: boolean;
  "x-kubernetes-embedded-resource"?: boolean;
  "x-kubernetes-int-or-string"?: boolean;
  "x-kubernetes-list-type"?: string;
  "x-kubernetes-list-map-keys"?: string[];
  "x-kubernetes-map-type"?: string;
  "x-kubernetes-validations"?: ValidationRule[];
  /** Never emitted; present so that the structural check can reject it in foreign schemas. */
  $ref?: string;
  definitions?: Record<string, JSONSchemaProps>;
}
