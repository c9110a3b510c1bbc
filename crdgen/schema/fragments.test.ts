/**
 * Per marker and per type mapping: the schema fragment crdgen emits for a TypeScript field equals
 * the fragment controller-gen emits for the equivalent Go field (the Go field is in each case's
 * name; the expected fragments are controller-gen's, from its documentation and the
 * controller-tools testdata CRDs). All cases share one program.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import yaml from "js-yaml";
import { fragmentsOf } from "../internal/fragments.js";

interface Case {
  /** The TypeScript member(s) of the case interface; the one under test is `field`. */
  ts: string;
  /** controller-gen's fragment for the Go field, as YAML. */
  expected: string;
  required?: boolean;
}

const prelude = `
/** ConcurrencyPolicy describes how the job will be handled.
 * +kubebuilder:validation:Enum=Allow;Forbid;Replace */
export type ConcurrencyPolicy = string;
/** +kubebuilder:validation:MinLength=4 */
export type LongerString = string;
/** TotallyABool is a bool that serializes as a string.
 * +kubebuilder:validation:Type=string */
export type TotallyABool = boolean;
export interface NestedObject { foo: string; bar: boolean }
export interface RootObject { nested: NestedObject }
/** +kubebuilder:validation:MinProperties=1
 * +kubebuilder:validation:MaxProperties=2 */
export interface MinMaxObject { foo?: string; bar?: string; baz?: string }
/** +kubebuilder:validation:Type=object
 * +kubebuilder:pruning:PreserveUnknownFields */
export interface Preserved { concreteField: string }
/** +structType=atomic */
export interface AtomicReference { name?: string }
export interface EmbedsAtomic extends AtomicReference { optional?: boolean }
export interface AssociativeType { name: string; secondary: int32; foo: string }
/** +kubebuilder:validation:XValidation:rule="self.a <= self.b",message="a must not exceed b" */
export interface Range { a: int32; b: int32 }
`;

const cases: Record<string, Case> = {
  // ---- type mappings (Go type → controller-gen schema) ----
  "string → type string": { ts: "field: string;", expected: "type: string", required: true },
  "*string (optional) → not required": { ts: "field?: string;", expected: "type: string", required: false },
  "bool → boolean": { ts: "field?: boolean;", expected: "type: boolean" },
  "int32 → integer/int32": { ts: "field?: int32;", expected: "format: int32\ntype: integer" },
  "int64 → integer/int64": { ts: "field?: int64;", expected: "format: int64\ntype: integer" },
  "float64 → number, no format": { ts: "field?: float64;", expected: "type: number" },
  "[]string → array of string": { ts: "field?: string[];", expected: "items:\n  type: string\ntype: array" },
  "[]int32 via Array<T>": {
    ts: "field?: Array<int32>;",
    expected: "items:\n  format: int32\n  type: integer\ntype: array",
  },
  "map[string]string → additionalProperties": {
    ts: "field?: Record<string, string>;",
    expected: "additionalProperties:\n  type: string\ntype: object",
  },
  "map[string]map[string]string → nested maps": {
    ts: "field?: Record<string, Record<string, string>>;",
    expected: "additionalProperties:\n  additionalProperties:\n    type: string\n  type: object\ntype: object",
  },
  "map[string][]float64": {
    ts: "field?: { [key: string]: float64[] };",
    expected: "additionalProperties:\n  items:\n    type: number\n  type: array\ntype: object",
  },
  "nested struct → inlined properties, required sorted": {
    ts: "field?: RootObject;",
    expected:
      "properties:\n  nested:\n    properties:\n      bar:\n        type: boolean\n      foo:\n        type: string\n    required:\n    - bar\n    - foo\n    type: object\nrequired:\n- nested\ntype: object",
  },
  "metav1.Time → date-time string": { ts: "field?: Time;", expected: "format: date-time\ntype: string" },
  "metav1.MicroTime → date-time string": { ts: "field?: MicroTime;", expected: "format: date-time\ntype: string" },
  "metav1.Duration → string": { ts: "field?: Duration;", expected: "type: string" },
  "resource.Quantity → int-or-string with the quantity pattern": {
    ts: "field?: Quantity;",
    expected:
      "anyOf:\n- type: integer\n- type: string\npattern: ^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$\nx-kubernetes-int-or-string: true",
  },
  "intstr.IntOrString → int-or-string": {
    ts: "field?: IntOrString;",
    expected: "anyOf:\n- type: integer\n- type: string\nx-kubernetes-int-or-string: true",
  },
  "runtime.RawExtension → preserved object": {
    ts: "field?: RawExtension;",
    expected: "type: object\nx-kubernetes-preserve-unknown-fields: true",
  },
  "apiextensionsv1.JSON → preserve unknown fields": {
    ts: "field?: JSON;",
    expected: "x-kubernetes-preserve-unknown-fields: true",
  },
  "metav1.ObjectMeta (not at the root) → type object": {
    ts: "/** Standard object's metadata. */\nfield?: ObjectMeta;",
    expected: "description: Standard object's metadata.\ntype: object",
  },
  "[]metav1.Condition → controller-gen's Condition schema": {
    ts: "field?: Condition[];",
    expected: `items:
  description: Condition contains details for one aspect of the current state of this API Resource.
  properties:
    lastTransitionTime:
      description: |-
        lastTransitionTime is the last time the condition transitioned from one status to another.
        This should be when the underlying condition changed.  If that is not known, then using the time when the API field changed is acceptable.
      format: date-time
      type: string
    message:
      description: |-
        message is a human readable message indicating details about the transition.
        This may be an empty string.
      maxLength: 32768
      type: string
    observedGeneration:
      description: |-
        observedGeneration represents the .metadata.generation that the condition was set based upon.
        For instance, if .metadata.generation is currently 12, but the .status.conditions[x].observedGeneration is 9, the condition is out of date
        with respect to the current state of the instance.
      format: int64
      minimum: 0
      type: integer
    reason:
      description: |-
        reason contains a programmatic identifier indicating the reason for the condition's last transition.
        Producers of specific condition types may define expected values and meanings for this field,
        and whether the values are considered a guaranteed API.
        The value should be a CamelCase string.
        This field may not be empty.
      maxLength: 1024
      minLength: 1
      pattern: ^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$
      type: string
    status:
      description: status of the condition, one of True, False, Unknown.
      enum:
      - "True"
      - "False"
      - Unknown
      type: string
    type:
      description: type of condition in CamelCase or in foo.example.com/CamelCase.
      maxLength: 316
      pattern: ^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$
      type: string
  required:
  - lastTransitionTime
  - message
  - reason
  - status
  - type
  type: object
type: array`,
  },
  "union of string literals → enum (ConcurrencyPolicy with +kubebuilder:validation:Enum)": {
    ts: '/** Specifies how to treat concurrent executions of a Job. */\nfield?: "Allow" | "Forbid" | "Replace";',
    expected:
      "description: Specifies how to treat concurrent executions of a Job.\nenum:\n- Allow\n- Forbid\n- Replace\ntype: string",
  },
  "named type with type-level Enum marker, field doc wins": {
    ts: "/** Specifies how to treat concurrent executions of a Job. */\nfield?: ConcurrencyPolicy;",
    expected:
      "description: Specifies how to treat concurrent executions of a Job.\nenum:\n- Allow\n- Forbid\n- Replace\ntype: string",
  },
  "named type without field doc takes the type's doc": {
    ts: "field?: ConcurrencyPolicy;",
    expected:
      "description: ConcurrencyPolicy describes how the job will be handled.\nenum:\n- Allow\n- Forbid\n- Replace\ntype: string",
  },
  "T | null → nullable": { ts: "field?: string | null;", expected: "nullable: true\ntype: string" },
  "interface extends (embedded struct) → flattened": {
    ts: "field?: { own: string } & NestedObject;",
    expected:
      "properties:\n  bar:\n    type: boolean\n  foo:\n    type: string\n  own:\n    type: string\nrequired:\n- bar\n- foo\n- own\ntype: object",
  },

  // ---- validation markers ----
  "+kubebuilder:validation:Minimum / Maximum / MultipleOf on int32": {
    ts: "/** +kubebuilder:validation:Minimum=-2\n * +kubebuilder:validation:Maximum=2\n * +kubebuilder:validation:MultipleOf=2 */\nfield?: int32;",
    expected: "format: int32\nmaximum: 2\nminimum: -2\nmultipleOf: 2\ntype: integer",
  },
  "Minimum / Maximum / MultipleOf on float64": {
    ts: "/** +kubebuilder:validation:Minimum=-0.5\n * +kubebuilder:validation:Maximum=1.5\n * +kubebuilder:validation:MultipleOf=0.5 */\nfield?: float64;",
    expected: "maximum: 1.5\nminimum: -0.5\nmultipleOf: 0.5\ntype: number",
  },
  "ExclusiveMinimum / ExclusiveMaximum are booleans": {
    ts: "/** +kubebuilder:validation:Minimum=0\n * +kubebuilder:validation:ExclusiveMinimum=true\n * +kubebuilder:validation:Maximum=10\n * +kubebuilder:validation:ExclusiveMaximum=true */\nfield?: int32;",
    expected: "exclusiveMaximum: true\nexclusiveMinimum: true\nformat: int32\nmaximum: 10\nminimum: 0\ntype: integer",
  },
  "MinLength / MaxLength / Pattern (raw string)": {
    ts: "/** +kubebuilder:validation:MinLength=1\n * +kubebuilder:validation:MaxLength=255\n * +kubebuilder:validation:Pattern=`^[a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*$` */\nfield?: string;",
    expected:
      "maxLength: 255\nminLength: 1\npattern: ^[a-z0-9]([-a-z0-9]*[a-z0-9])?([.][a-z0-9]([-a-z0-9]*[a-z0-9])?)*$\ntype: string",
  },
  "Pattern as a quoted string": {
    ts: '/** +kubebuilder:validation:Pattern="^((100|[0-9]{1,2})%|[0-9]+)$" */\nfield?: string;',
    expected: "pattern: ^((100|[0-9]{1,2})%|[0-9]+)$\ntype: string",
  },
  "MinItems / MaxItems / items:MinLength / listType=set (hosts)": {
    ts: "/** This tests string slice item validation.\n * +kubebuilder:validation:MinItems=1\n * +kubebuilder:validation:MaxItems=10\n * +kubebuilder:validation:items:MaxLength=255\n * +kubebuilder:validation:items:MinLength=1\n * +listType=set */\nfield?: string[];",
    expected:
      "description: This tests string slice item validation.\nitems:\n  maxLength: 255\n  minLength: 1\n  type: string\nmaxItems: 10\nminItems: 1\ntype: array\nx-kubernetes-list-type: set",
  },
  "items:Enum on []int32 (enumSlice)": {
    ts: "/** +kubebuilder:validation:items:Enum=0;1;3 */\nfield?: int32[];",
    expected: "items:\n  enum:\n  - 0\n  - 1\n  - 3\n  format: int32\n  type: integer\ntype: array",
  },
  "MinProperties / MaxProperties on a type": {
    ts: "field?: MinMaxObject;",
    expected:
      "maxProperties: 2\nminProperties: 1\nproperties:\n  bar:\n    type: string\n  baz:\n    type: string\n  foo:\n    type: string\ntype: object",
  },
  "Enum with a list in braces": {
    ts: "/** +kubebuilder:validation:Enum={one,two} */\nfield?: string;",
    expected: "enum:\n- one\n- two\ntype: string",
  },
  Format: { ts: "/** +kubebuilder:validation:Format=uri */\nfield?: string;", expected: "format: uri\ntype: string" },
  "Type overrides the TypeScript type (TotallyABool)": {
    ts: "field?: TotallyABool;",
    expected: "description: TotallyABool is a bool that serializes as a string.\ntype: string",
  },
  "markers on both type and field (LongerString + field MinLength)": {
    ts: "/** +kubebuilder:validation:MaxLength=10 */\nfield: LongerString;",
    expected: "maxLength: 10\nminLength: 4\ntype: string",
    required: true,
  },
  "+nullable": {
    ts: "/** This tests that nullable works correctly\n * +nullable */\nfield: string;",
    expected: "description: This tests that nullable works correctly\nnullable: true\ntype: string",
    required: true,
  },
  "+kubebuilder:default bare string (defaultedString)": {
    ts: "/** This tests that primitive defaulting can be performed.\n * +kubebuilder:default=forty-two\n * +kubebuilder:example=forty-two\n * +kubebuilder:title=DefaultedString */\nfield: string;",
    expected:
      "default: forty-two\ndescription: This tests that primitive defaulting can be performed.\nexample: forty-two\ntitle: DefaultedString\ntype: string",
    required: true,
  },
  "+kubebuilder:default={a,b} on a slice": {
    ts: "/** +kubebuilder:default={a,b}\n * +kubebuilder:example={a,b} */\nfield: string[];",
    expected: "default:\n- a\n- b\nexample:\n- a\n- b\nitems:\n  type: string\ntype: array",
    required: true,
  },
  "+kubebuilder:default={} on a slice is []": {
    ts: "/** +kubebuilder:default={}\n * +kubebuilder:title={} */\nfield: string[];",
    expected: "default: []\nitems:\n  type: string\ntitle: '{}'\ntype: array",
    required: true,
  },
  "+kubebuilder:default with maps of objects (defaultedObject)": {
    ts: '/** +kubebuilder:default={{nested: {foo: "baz", bar: true}},{nested: {foo: "qux", bar: false}}}\n * +kubebuilder:title=124 */\nfield: RootObject[];',
    expected: `default:
- nested:
    bar: true
    foo: baz
- nested:
    bar: false
    foo: qux
items:
  properties:
    nested:
      properties:
        bar:
          type: boolean
        foo:
          type: string
      required:
      - bar
      - foo
      type: object
  required:
  - nested
  type: object
title: "124"
type: array`,
    required: true,
  },
  "+default (JSON) is stomped by +kubebuilder:default (doubleDefaultedString)": {
    ts: '/** +default="kubernetes-default"\n * +kubebuilder:default=kubebuilder-default */\nfield?: string;',
    expected: "default: kubebuilder-default\ntype: string",
  },
  "+kubebuilder:default=1 on int32": {
    ts: "/** +kubebuilder:default=1 */\nfield?: int32;",
    expected: "default: 1\nformat: int32\ntype: integer",
  },
  "+kubebuilder:default=true on bool": {
    ts: "/** +kubebuilder:default=true */\nfield?: boolean;",
    expected: "default: true\ntype: boolean",
  },
  "+kubebuilder:validation:EmbeddedResource on RawExtension": {
    ts: "/** +kubebuilder:validation:EmbeddedResource */\nfield: RawExtension;",
    expected: "type: object\nx-kubernetes-embedded-resource: true\nx-kubernetes-preserve-unknown-fields: true",
    required: true,
  },
  "+kubebuilder:pruning:PreserveUnknownFields on a field of struct type": {
    ts: "/** +kubebuilder:pruning:PreserveUnknownFields */\nfield: NestedObject;",
    expected:
      "properties:\n  bar:\n    type: boolean\n  foo:\n    type: string\nrequired:\n- bar\n- foo\ntype: object\nx-kubernetes-preserve-unknown-fields: true",
    required: true,
  },
  "type-level PreserveUnknownFields (unprunedFromType)": {
    ts: "/** This tests that a type-level pruning maker works. */\nfield: Preserved;",
    expected:
      "description: This tests that a type-level pruning maker works.\nproperties:\n  concreteField:\n    type: string\nrequired:\n- concreteField\ntype: object\nx-kubernetes-preserve-unknown-fields: true",
    required: true,
  },
  "+kubebuilder:validation:Schemaless with Type": {
    ts: "/** This tests that the schemaless marker works\n * +kubebuilder:validation:Schemaless\n * +kubebuilder:validation:Type=string */\nfield?: () => void;",
    expected: "description: This tests that the schemaless marker works\ntype: string",
  },
  "+kubebuilder:validation:XIntOrString with Pattern, MinLength, MaxLength": {
    ts: '/** +kubebuilder:validation:XIntOrString\n * +kubebuilder:validation:MaxLength=11\n * +kubebuilder:validation:MinLength=2\n * +kubebuilder:validation:Pattern="^((100|[0-9]{1,2})%|[0-9]+)$" */\nfield?: IntOrString;',
    expected:
      "anyOf:\n- type: integer\n- type: string\nmaxLength: 11\nminLength: 2\npattern: ^((100|[0-9]{1,2})%|[0-9]+)$\nx-kubernetes-int-or-string: true",
  },
  "+kubebuilder:validation:XValidation on a field": {
    ts: '/** +kubebuilder:validation:XValidation:rule="self.size() > 0",message="must not be empty",reason=FieldValueInvalid,fieldPath=".name" */\nfield?: string;',
    expected:
      "type: string\nx-kubernetes-validations:\n- fieldPath: .name\n  message: must not be empty\n  reason: FieldValueInvalid\n  rule: self.size() > 0",
  },
  "XValidation on a type, with messageExpression and optionalOldSelf": {
    ts: "field?: Range;",
    expected:
      "properties:\n  a:\n    format: int32\n    type: integer\n  b:\n    format: int32\n    type: integer\nrequired:\n- a\n- b\ntype: object\nx-kubernetes-validations:\n- message: a must not exceed b\n  rule: self.a <= self.b",
  },
  "+kubebuilder:validation:XValidation with backquoted rule": {
    ts: "/** +kubebuilder:validation:XValidation:rule=`self == oldSelf`,messageExpression=`'is immutable'`,optionalOldSelf=true */\nfield?: string;",
    expected:
      "type: string\nx-kubernetes-validations:\n- messageExpression: '''is immutable'''\n  optionalOldSelf: true\n  rule: self == oldSelf",
  },
  "+required overrides ?": { ts: "/** +required */\nfield?: string;", expected: "type: string", required: true },
  "+optional overrides a non-optional property": {
    ts: "/** +optional */\nfield: string;",
    expected: "type: string",
    required: false,
  },
  "+kubebuilder:validation:Required / Optional": {
    ts: "/** +kubebuilder:validation:Required */\nfield?: string;",
    expected: "type: string",
    required: true,
  },

  // ---- topology markers ----
  "+listType=map with +listMapKey (associativeList)": {
    ts: "/** This tests that associative lists work.\n * +listType=map\n * +listMapKey=name\n * +listMapKey=secondary */\nfield: AssociativeType[];",
    expected: `description: This tests that associative lists work.
items:
  properties:
    foo:
      type: string
    name:
      type: string
    secondary:
      format: int32
      type: integer
  required:
  - foo
  - name
  - secondary
  type: object
type: array
x-kubernetes-list-map-keys:
- name
- secondary
x-kubernetes-list-type: map`,
    required: true,
  },
  "+listType=atomic": {
    ts: "/** +listType=atomic */\nfield?: string[];",
    expected: "items:\n  type: string\ntype: array\nx-kubernetes-list-type: atomic",
  },
  "+mapType=granular": {
    ts: "/** A map that allows different actors to manage different fields\n * +mapType=granular */\nfield: Record<string, string>;",
    expected:
      "additionalProperties:\n  type: string\ndescription: A map that allows different actors to manage different fields\ntype: object\nx-kubernetes-map-type: granular",
    required: true,
  },
  "+structType=atomic": {
    ts: "/** A struct that can only be entirely replaced\n * +structType=atomic */\nfield: NestedObject;",
    expected:
      "description: A struct that can only be entirely replaced\nproperties:\n  bar:\n    type: boolean\n  foo:\n    type: string\nrequired:\n- bar\n- foo\ntype: object\nx-kubernetes-map-type: atomic",
    required: true,
  },
  "an embedded struct's +structType=atomic holds for the struct embedding it (corev1.ConfigMapEnvSource)": {
    ts: "field?: EmbedsAtomic;",
    expected:
      "properties:\n  name:\n    type: string\n  optional:\n    type: boolean\ntype: object\nx-kubernetes-map-type: atomic",
  },
  "+kubebuilder:validation:Required decides over +optional (corev1.PortStatus.error)": {
    ts: "/** +optional\n * +kubebuilder:validation:Required */\nfield?: string;",
    expected: "type: string",
    required: true,
  },

  // ---- JSDoc aliases ----
  "@minimum / @maximum / @multipleOf": {
    ts: "/** @minimum 1\n * @maximum 5\n * @multipleOf 1 */\nfield?: int32;",
    expected: "format: int32\nmaximum: 5\nminimum: 1\nmultipleOf: 1\ntype: integer",
  },
  "@minLength / @maxLength / @pattern / @format": {
    ts: "/** @minLength 1\n * @maxLength 63\n * @pattern ^[a-z]{1,3}$\n * @format hostname */\nfield?: string;",
    expected: "format: hostname\nmaxLength: 63\nminLength: 1\npattern: ^[a-z]{1,3}$\ntype: string",
  },
  "@minItems / @maxItems": {
    ts: "/** @minItems 1\n * @maxItems 3 */\nfield?: string[];",
    expected: "items:\n  type: string\nmaxItems: 3\nminItems: 1\ntype: array",
  },
  "@minProperties / @maxProperties": {
    ts: "/** @minProperties 1\n * @maxProperties 9 */\nfield?: Record<string, string>;",
    expected: "additionalProperties:\n  type: string\nmaxProperties: 9\nminProperties: 1\ntype: object",
  },
  "@default JSON and @default bare string": {
    ts: '/** @default {"a": 1} */\nfield?: Record<string, int32>;\n/** @default up */\nother?: string;',
    expected: "additionalProperties:\n  format: int32\n  type: integer\ndefault:\n  a: 1\ntype: object",
  },
  "@nullable / @title / @enum": {
    ts: "/** @nullable\n * @title Size\n * @enum S;M;L */\nfield?: string;",
    expected: "enum:\n- S\n- M\n- L\nnullable: true\ntitle: Size\ntype: string",
  },

  // ---- descriptions ----
  "marker lines, TODO lines and text after --- are not in the description": {
    ts: "/**\n * First paragraph,\n * same paragraph.\n *\n *\n * Second paragraph.\n * TODO: not shown\n * +kubebuilder:validation:MinLength=1\n * ---\n * Internal notes.\n */\nfield?: string;",
    expected:
      "description: |-\n  First paragraph,\n  same paragraph.\n\n  Second paragraph.\nminLength: 1\ntype: string",
  },
  "tags that are not aliases are not in the description": {
    ts: "/**\n * The port to listen on.\n * @see https://example.com\n * @remarks Details for the IDE only.\n */\nfield?: int32;",
    expected: "description: The port to listen on.\nformat: int32\ntype: integer",
  },
};

const fragments = fragmentsOf(
  Object.fromEntries(Object.entries(cases).map(([name, value]) => [name, value.ts])),
  prelude,
);

describe("schema fragments match controller-gen's for the equivalent Go fields", () => {
  for (const [name, testCase] of Object.entries(cases)) {
    it(name, () => {
      const fragment = fragments.get(name);
      assert.ok(fragment, "case missing");
      assert.deepEqual(
        fragment.diagnostics.map((diagnostic) => diagnostic.message),
        [],
      );
      assert.deepEqual(fragment.schema, yaml.load(testCase.expected));
      if (testCase.required !== undefined) assert.equal(fragment.required, testCase.required, "required");
    });
  }
});
