/**
 * One policy evaluated for one binding and one param (validating/validator.go): matchConditions,
 * then every validation with its message, messageExpression and reason, then the audit
 * annotations (evaluated for their errors; their values are not recorded, as there is no audit log).
 */
import { evaluate } from "./cel.js";

export interface NamedExpression {
  readonly name?: string;
  readonly expression?: string;
}

export interface Validation {
  readonly expression?: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly reason?: string | null;
}

export interface PolicySpec {
  readonly failurePolicy?: string | null;
  readonly paramKind?: { apiVersion?: string; kind?: string } | null;
  readonly matchConstraints?: Record<string, unknown> | null;
  readonly matchConditions?: readonly (NamedExpression | null)[] | null;
  readonly variables?: readonly (NamedExpression | null)[] | null;
  readonly validations?: readonly (Validation | null)[] | null;
  readonly auditAnnotations?: readonly ({ key?: string; valueExpression?: string } | null)[] | null;
}

/** What one validation (or a failure to evaluate) decided. */
export interface PolicyDecision {
  readonly action: "admit" | "deny";
  readonly message: string;
  /** The Status reason of a denial; "" for evaluation errors (reported as Invalid). */
  readonly reason: string;
  /** A failed audit annotation denies whatever the binding's validationActions say. */
  readonly fromAuditAnnotation?: boolean;
}

/** kube-apiserver drops an evaluated message longer than this (celconfig.MaxEvaluatedMessageExpressionSizeBytes). */
const maxEvaluatedMessageBytes = 5 * 1024;

/** The activation of every expression: object, oldObject, params, request, namespaceObject, authorizer. */
export type Activation = Record<string, unknown>;

/**
 * `variables`: each evaluated the first time an expression reads it, then kept; a variable that
 * fails makes every expression reading it fail with its error.
 */
function lazyVariables(variables: PolicySpec["variables"], activation: Activation): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const context = { ...activation, variables: values };
  for (const variable of variables ?? []) {
    if (!variable?.name) continue;
    const expression = variable.expression ?? "";
    let result: { value: unknown } | { failure: Error } | undefined;
    Object.defineProperty(values, variable.name, {
      enumerable: true,
      get() {
        if (!result) {
          try {
            result = { value: compileValue(expression, context) };
          } catch (error) {
            result = { failure: error as Error };
          }
        }
        if ("failure" in result) throw result.failure;
        return result.value;
      },
    });
  }
  return values;
}

/** A variable's value; its error thrown with cel-go's wording, unwrapped (the reading expression wraps it). */
function compileValue(expression: string, context: Activation): unknown {
  const evaluation = evaluate(expression, context);
  if ("error" in evaluation) {
    const raw = evaluation.error.replace(`expression '${expression}' resulted in error: `, "");
    throw new Error(raw);
  }
  return evaluation.value;
}

/** matchconditions.Matcher: false if any condition is false, else an error if any failed, else true. */
function matchConditionsResult(
  conditions: PolicySpec["matchConditions"],
  activation: Activation,
): { matches: boolean; error?: string } {
  const errors: string[] = [];
  for (const condition of conditions ?? []) {
    if (!condition) continue;
    const evaluation = evaluate(condition.expression ?? "", activation);
    if ("error" in evaluation) errors.push(evaluation.error);
    else if (evaluation.value === false) return { matches: false };
  }
  if (errors.length === 0) return { matches: true };
  return { matches: false, error: errors.length === 1 ? String(errors[0]) : `[${errors.join(", ")}]` };
}

function evaluatedMessage(messageExpression: string | undefined, activation: Activation): string {
  if (!messageExpression) return "";
  const evaluation = evaluate(messageExpression, activation);
  if ("error" in evaluation || typeof evaluation.value !== "string") return "";
  const message = evaluation.value.trim();
  if (Buffer.byteLength(message) > maxEvaluatedMessageBytes || message.includes("\n")) return "";
  return message;
}

function validationDecision(
  validation: Validation,
  activation: Activation,
  onError: PolicyDecision["action"],
): PolicyDecision {
  const expression = validation.expression ?? "";
  const evaluation = evaluate(expression, activation);
  if ("error" in evaluation) return { action: onError, message: evaluation.error, reason: "" };
  if (evaluation.value === true) return { action: "admit", message: "", reason: "" };
  const message =
    evaluatedMessage(validation.messageExpression, activation) ||
    (validation.message ?? "").trim() ||
    `failed expression: ${expression.trim()}`;
  return { action: "deny", message, reason: validation.reason || "Invalid" };
}

/** An audit annotation's error, when it fails or gives neither a string nor null. */
function auditAnnotationError(valueExpression: string, activation: Activation): string | undefined {
  const evaluation = evaluate(valueExpression, activation);
  if ("error" in evaluation) return evaluation.error;
  if (evaluation.value === null || typeof evaluation.value === "string") return undefined;
  return (
    `valueExpression '${valueExpression}' resulted in unsupported return type: ${celTypeName(evaluation.value)}. ` +
    "Return type must be either string or null."
  );
}

function celTypeName(value: unknown): string {
  if (typeof value === "bigint") return "int";
  if (typeof value === "number") return "double";
  if (typeof value === "boolean") return "bool";
  if (Array.isArray(value)) return "list";
  return "map";
}

/**
 * The decisions of every validation (empty when a matchCondition excludes the request), then one
 * denial per failing audit annotation under failurePolicy Fail.
 */
export function validatePolicy(spec: PolicySpec, activation: Activation): PolicyDecision[] {
  const onError: PolicyDecision["action"] = spec.failurePolicy === "Ignore" ? "admit" : "deny";
  const matched = matchConditionsResult(spec.matchConditions, activation);
  if (matched.error !== undefined) return [{ action: onError, message: matched.error, reason: "" }];
  if (!matched.matches) return [];
  const context = { ...activation, variables: lazyVariables(spec.variables, activation) };
  const decisions = (spec.validations ?? [])
    .filter((validation): validation is Validation => validation !== null)
    .map((validation) => validationDecision(validation, context, onError));
  if (onError === "deny")
    for (const annotation of spec.auditAnnotations ?? []) {
      const error = annotation ? auditAnnotationError(annotation.valueExpression ?? "", context) : undefined;
      if (error !== undefined)
        decisions.push({ action: "deny", message: error, reason: "", fromAuditAnnotation: true });
    }
  return decisions;
}
