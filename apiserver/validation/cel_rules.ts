/**
 * x-kubernetes-validations: CEL rules evaluated with `self` (and `oldSelf` for transition rules
 * on updates) at every schema node that declares them, through @marcbachmann/cel-js.
 *
 * Values are converted to CEL's types first: schema integers become BigInt (CEL int), numbers
 * stay doubles, so `self.replicas + 1` type-checks as it does in kube-apiserver.
 */
import { isDeepStrictEqual } from "node:util";
import { Environment, Optional, type ParseResult } from "@marcbachmann/cel-js";
import { fieldErrors, renderValue, type FieldError } from "../errors/status.js";
import { registerKubernetesLibrary } from "./cel_library.js";
import { jsonTypeOf, type JsonSchema } from "./structural_schema.js";

type Rule = NonNullable<JsonSchema["x-kubernetes-validations"]>[number];

// kube-apiserver's CEL environment has the optional library; a rule with optionalOldSelf sees
// oldSelf as an optional (none on create), every other rule sees it as the old value itself.
const plainEnvironment = kubernetesEnvironment();
const optionalOldSelfEnvironment = kubernetesEnvironment().registerVariable("oldSelf", "optional<dyn>");

/** A CEL environment as kube-apiserver's base one: optional types and the Kubernetes libraries. */
export function kubernetesEnvironment(): Environment {
  return registerKubernetesLibrary(new Environment({ unlistedVariablesAreDyn: true, enableOptionalTypes: true }));
}

const compiled = new Map<string, ParseResult>();

/** Parses a rule once; throws the parser's error for an invalid rule. */
export function compileRule(rule: string, optionalOldSelf = false): ParseResult {
  const key = `${optionalOldSelf ? "optional" : "plain"}:${rule}`;
  let program = compiled.get(key);
  if (!program) {
    program = (optionalOldSelf ? optionalOldSelfEnvironment : plainEnvironment).parse(rule);
    compiled.set(key, program);
  }
  return program;
}

/** A CEL scalar: integers become int (bigint) unless the schema says number. */
function celScalar(schema: JsonSchema | undefined, value: unknown): unknown {
  if (typeof value !== "number" || schema?.type === "number") return value;
  return Number.isInteger(value) ? BigInt(value) : value;
}

/**
 * Converts a JSON value to CEL values following the schema's types, with an explicit stack: a
 * preserve-unknown-fields value may nest as deep as the decoder allows (10,000 levels).
 */
export function toCelValue(schema: JsonSchema | undefined, value: unknown): unknown {
  if (value === null || typeof value !== "object") return celScalar(schema, value);
  const root: { value?: unknown } = {};
  const pending: {
    schema: JsonSchema | undefined;
    value: unknown;
    into: Record<string | number, unknown>;
    key: string | number;
  }[] = [{ schema, value, into: root, key: "value" }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { schema: at, value: source, into, key } = next;
    if (source === null || typeof source !== "object") {
      into[key] = celScalar(at, source);
    } else if (Array.isArray(source)) {
      const items: unknown[] = new Array<unknown>(source.length);
      into[key] = items;
      source.forEach((item, index) =>
        pending.push({ schema: at?.items, value: item, into: items as unknown as Record<number, unknown>, key: index }),
      );
    } else {
      const result: Record<string, unknown> = {};
      into[key] = result;
      for (const [field, child] of Object.entries(source as Record<string, unknown>)) {
        const childSchema =
          at?.properties?.[field] ??
          (typeof at?.additionalProperties === "object" ? at.additionalProperties : undefined);
        result[field] = undefined;
        pending.push({ schema: childSchema, value: child, into: result, key: field });
      }
    }
  }
  return root.value;
}

function referencesOldSelf(rule: string): boolean {
  return /\boldSelf\b/.test(rule);
}

function celTypeName(schema: JsonSchema, value: unknown): string {
  return schema.type ?? jsonTypeOf(value);
}

/**
 * The value a failed rule's Invalid error shows: a scalar is printed, an object or a list is
 * omitted (`Invalid value: <message>`), as kube-apiserver v1.37 does.
 */
function shownValue(value: unknown): string | undefined {
  return value !== null && typeof value === "object" ? undefined : renderValue(value);
}

function ruleError(path: string, value: unknown, rule: Rule, message: string): FieldError {
  const field = rule.fieldPath ? `${path}${rule.fieldPath}` : path;
  const shown = shownValue(value);
  switch (rule.reason) {
    case "FieldValueForbidden":
      return fieldErrors.forbidden(field, message);
    case "FieldValueRequired":
      return fieldErrors.required(field, message);
    case "FieldValueDuplicate":
      return { type: "FieldValueDuplicate", field, detail: `Duplicate value: ${shown ?? message}` };
    default:
      return fieldErrors.invalidRendered(field, shown === undefined ? message : `${shown}: ${message}`, "");
  }
}

/** Where evaluation results go: errors, and ratcheted failures that only warn. */
interface Findings {
  readonly errors: FieldError[];
  readonly warnings: string[];
}

function evaluateRules(
  schema: JsonSchema,
  value: unknown,
  old: unknown,
  hasOld: boolean,
  path: string,
  findings: Findings,
): void {
  const { errors } = findings;
  for (const rule of schema["x-kubernetes-validations"] ?? []) {
    if (referencesOldSelf(rule.rule) && !hasOld && !rule.optionalOldSelf) continue;
    let result: unknown;
    const self = toCelValue(schema, value);
    const oldSelf = hasOld ? toCelValue(schema, old) : undefined;
    try {
      const context: Record<string, unknown> = { self };
      if (rule.optionalOldSelf) context.oldSelf = hasOld ? Optional.of(oldSelf) : Optional.none();
      else if (hasOld) context.oldSelf = oldSelf;
      result = compileRule(rule.rule, rule.optionalOldSelf === true)(context);
    } catch (error) {
      errors.push(
        fieldErrors.invalid(
          path,
          celTypeName(schema, value),
          `${(error as Error).message.split("\n")[0]} evaluating rule: ${rule.rule}`,
        ),
      );
      continue;
    }
    if (result !== true) {
      let message = rule.message ?? `failed rule: ${rule.rule}`;
      if (rule.messageExpression) {
        try {
          const rendered = compileRule(rule.messageExpression)(hasOld ? { self, oldSelf } : { self });
          if (typeof rendered === "string" && rendered.trim()) message = rendered.trim();
        } catch {
          // kube-apiserver falls back to message (or the rule) when messageExpression fails
        }
      }
      const error = ruleError(path, value, rule, message);
      // Ratcheting: a rule that does not look at oldSelf failing on a value the update left as it
      // was only warns, so objects stored before the rule was added can still be updated.
      if (hasOld && !referencesOldSelf(rule.rule) && isDeepStrictEqual(value, old))
        findings.warnings.push(`${error.field || "<nil>"}: ${error.detail}`);
      else errors.push(error);
    }
  }
  if (value === null || typeof value !== "object") return;
  const oldRecord = hasOld && old !== null && typeof old === "object" ? old : undefined;
  if (Array.isArray(value)) {
    // Correlating list items with old ones needs list-type map keys; only those get oldSelf.
    if (!schema.items) return;
    const keys = schema["x-kubernetes-list-map-keys"];
    value.forEach((item, index) => {
      const previous =
        keys && Array.isArray(oldRecord)
          ? (oldRecord as unknown[]).find((candidate) =>
              keys.every(
                (key) => (candidate as Record<string, unknown>)?.[key] === (item as Record<string, unknown>)?.[key],
              ),
            )
          : undefined;
      evaluateRules(schema.items as JsonSchema, item, previous, previous !== undefined, `${path}[${index}]`, findings);
    });
    return;
  }
  for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
    const childSchema =
      schema.properties?.[name] ??
      (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
    if (!childSchema) continue;
    const oldChild = oldRecord ? (oldRecord as Record<string, unknown>)[name] : undefined;
    const childPath = path ? `${path}.${name}` : name;
    evaluateRules(childSchema, child, oldChild, oldChild !== undefined, childPath, findings);
  }
}

/**
 * Evaluates every rule of the schema against the object (and the old object on updates); the
 * failures ratcheting turns into warnings are added to `warnings`.
 */
export function validateCelRules(
  schema: JsonSchema,
  object: unknown,
  old: unknown,
  warnings: string[] = [],
): FieldError[] {
  const errors: FieldError[] = [];
  const strip = (value: unknown): unknown => {
    if (!value || typeof value !== "object") return value;
    const copy = { ...(value as Record<string, unknown>) };
    delete copy.metadata;
    return copy;
  };
  evaluateRules(schema, strip(object), strip(old), old !== undefined, "", { errors, warnings });
  return errors.map((error) => (error.field === "" ? { ...error, field: "<nil>" } : error));
}

/** Whether any schema node carries x-kubernetes-validations (kube-apiserver builds no CEL validator otherwise). */
export function hasCelRules(schema: JsonSchema): boolean {
  if (schema["x-kubernetes-validations"]?.length) return true;
  const children = [
    ...Object.values(schema.properties ?? {}),
    ...(typeof schema.additionalProperties === "object" ? [schema.additionalProperties] : []),
    ...(schema.items ? [schema.items] : []),
  ];
  return children.some(hasCelRules);
}

/** Schema errors that stop CEL evaluation, as kube-apiserver's hasBlockingErr. */
const blockingErrorTypes = new Set<FieldError["type"]>([
  "FieldValueNotSupported",
  "FieldValueRequired",
  "FieldValueTooLong",
  "FieldValueTooMany",
  "FieldValueTypeInvalid",
]);

/**
 * The CEL errors to add after the other errors of a write: when those include a kind that makes
 * rule evaluation meaningless (wrong type, missing field...), one `<nil>` error saying rules were
 * skipped (kube-apiserver's hasBlockingErr looks at every error found so far, metadata included).
 */
export function celErrorsAfterSchema(
  schema: JsonSchema,
  earlierErrors: readonly FieldError[],
  object: unknown,
  old: unknown,
  warnings: string[] = [],
): FieldError[] {
  if (!hasCelRules(schema)) return [];
  if (earlierErrors.some((error) => blockingErrorTypes.has(error.type))) {
    return [
      fieldErrors.invalid(
        "<nil>",
        null,
        "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation",
      ),
    ];
  }
  return validateCelRules(schema, object, old, warnings);
}
