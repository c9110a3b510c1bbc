/**
 * client-go's JSONPath (util/jsonpath) as CRD printer columns use it, with missing keys allowed:
 * fields (`.a`, `['a']`, `.*`), indexes and slices (`[0]`, `[-1]`, `[1:3:2]`, `[*]`), unions
 * (`[0,2]`), recursive descent (`..a`) and filters (`[?(@.type=="Ready")]`, `[?(@.a)]`).
 * Evaluation keeps every match in order; a column shows the first.
 */

type Literal = { literal: string | number | boolean; float?: boolean };
type Step =
  | { field: string }
  | { wildcard: true }
  | { recursive: true }
  | { slice: [number | undefined, number | undefined, number | undefined]; derivedEnd: boolean }
  | { union: Step[][] }
  | { filter: { left: Step[] | Literal; operator: string; right: Step[] | Literal | undefined } };

/** Why a path does not parse or evaluate (a column then shows no value). */
export class JsonPathError extends Error {}

const terminators = new Set([".", ",", "[", "]", "$", "@", "{", "}", " ", "\t", "\n", "\r"]);

/** Parses one JSONPath expression (`.status.conditions[?(@.type=="Ready")].status`, braces optional). */
export function parseJsonPath(path: string): Step[] {
  const text = path.trim().replace(/^\{(.*)\}$/s, "$1");
  const steps: Step[] = [];
  let index = 0;
  while (index < text.length) {
    const rest = text.slice(index);
    if (rest.startsWith("[?(")) {
      const end = filterEnd(text, index + 3);
      steps.push({ filter: parseFilter(text.slice(index + 3, end)) });
      index = end + 2;
    } else if (rest.startsWith("..")) {
      steps.push({ recursive: true });
      index += 1; // the field after it starts at the second dot
    } else if (text[index] === "." || text[index] === "@" || text[index] === "$") {
      if (text[index] !== ".") {
        index++;
        continue;
      }
      let field = "";
      for (index++; index < text.length && !terminators.has(text[index] ?? ""); index++) {
        if (text[index] === "\\") index++;
        field += text[index] ?? "";
      }
      if (field) steps.push(field === "*" ? { wildcard: true } : { field });
    } else if (text[index] === "[") {
      const end = text.indexOf("]", index);
      if (end < 0) throw new JsonPathError("unterminated array");
      steps.push(parseBracket(text.slice(index + 1, end)));
      index = end + 1;
    } else if (text[index] === " ") index++;
    else throw new JsonPathError(`unrecognized character in action: ${text[index]}`);
  }
  return steps;
}

function filterEnd(text: string, start: number): number {
  let quote: string | undefined;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === quote && text[index - 1] !== "\\") quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === ")") {
      if (text[index + 1] !== "]") throw new JsonPathError("unclosed array expect ]");
      return index;
    }
  }
  throw new JsonPathError("unterminated filter");
}

function parseBracket(inner: string): Step {
  const text = inner === "*" ? ":" : inner;
  const parts = text.split(",");
  if (parts.length > 1) return { union: parts.map((part) => [parseBracket(part.trim())]) };
  const key = /^'([^']*)'$/.exec(text) ?? /^"([^"]*)"$/.exec(text);
  if (key) return { field: key[1] ?? "" };
  const slice = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
  if (!slice) throw new JsonPathError(`invalid array index ${text}`);
  const number = (part: string | undefined) => (part === undefined || part === "" ? undefined : Number(part));
  const start = number(slice[1]);
  if (slice[2] === undefined) return { slice: [start, (start ?? 0) + 1, undefined], derivedEnd: true };
  return { slice: [start, number(slice[2].slice(1)), number(slice[3]?.slice(1))], derivedEnd: false };
}

function parseFilter(text: string): { left: Step[] | Literal; operator: string; right: Step[] | Literal | undefined } {
  const comparison = /^([^!<>=]+)([!<>=]+)(.+?)$/.exec(text);
  if (!comparison) return { left: parseOperand(text), operator: "exists", right: undefined };
  return {
    left: parseOperand(comparison[1] ?? ""),
    operator: comparison[2] ?? "",
    right: parseOperand(comparison[3] ?? ""),
  };
}

function parseOperand(text: string): Step[] | Literal {
  const operand = text.trim();
  const quoted = /^(["'])(.*)\1$/s.exec(operand);
  if (quoted) return { literal: (quoted[2] ?? "").replace(/\\(.)/g, "$1") };
  if (/^[+-]?\d+$/.test(operand)) return { literal: Number(operand) };
  if (/^[+-]?[\d.]+$/.test(operand)) return { literal: Number(operand), float: true };
  if (operand === "true" || operand === "false") return { literal: operand === "true" };
  return parseJsonPath(operand);
}

/** Every value `steps` finds in `object`, in order (missing keys skip); throws JsonPathError. */
export function findJsonPathResults(object: unknown, steps: readonly Step[]): unknown[] {
  return steps.reduce<unknown[]>((values, step) => values.flatMap((value) => evaluateStep(value, step)), [object]);
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

function evaluateStep(value: unknown, step: Step): unknown[] {
  if (value === null || value === undefined) return [];
  if ("field" in step) return isMap(value) && Object.hasOwn(value, step.field) ? [value[step.field]] : [];
  if ("wildcard" in step) return isMap(value) ? Object.values(value) : Array.isArray(value) ? value : [];
  if ("recursive" in step) return descendants(value);
  if ("union" in step) return step.union.flatMap((steps) => findJsonPathResults(value, steps));
  if (!Array.isArray(value)) throw new JsonPathError("not array or slice");
  if ("slice" in step) return sliceOf(value, step.slice, step.derivedEnd);
  return value.filter((item) => filterPasses(item, step.filter));
}

function descendants(value: unknown): unknown[] {
  const children = isMap(value) ? Object.values(value) : Array.isArray(value) ? value : [];
  return [value, ...children.flatMap(descendants)];
}

function sliceOf(
  array: readonly unknown[],
  [first, last, step]: readonly [number | undefined, number | undefined, number | undefined],
  derivedEnd: boolean,
): unknown[] {
  const length = array.length;
  let start = first ?? 0;
  if (start < 0) start += length;
  let end = last ?? length;
  if (end < 0 || (end === 0 && derivedEnd)) end += length;
  if (start === end) return [];
  if (start >= length || start < 0 || end > length || end < 0 || start > end)
    throw new JsonPathError("array index out of bounds");
  if (step !== undefined && step <= 0) throw new JsonPathError("step must be > 0");
  return array.slice(start, end).filter((_, index) => index % (step ?? 1) === 0);
}

/** The operand's values for one item: a path's matches, or the literal as its basic kind. */
function operandValues(item: unknown, operand: Step[] | Literal): Basic[] | unknown[] {
  if (Array.isArray(operand)) return findJsonPathResults(item, operand);
  const { literal, float } = operand;
  return [typeof literal === "number" ? { kind: float ? "float" : "int", value: literal } : basic(literal)];
}

function filterPasses(
  item: unknown,
  filter: { left: Step[] | Literal; operator: string; right: Step[] | Literal | undefined },
): boolean {
  const lefts = operandValues(item, filter.left);
  if (filter.operator === "exists") return lefts.length > 0;
  const rights = filter.right === undefined ? [] : operandValues(item, filter.right);
  if (lefts.length === 0 || rights.length === 0) return false;
  if (lefts.length > 1 || rights.length > 1) throw new JsonPathError("can only compare one element at a time");
  const asBasic = (operand: Step[] | Literal | undefined, value: unknown): Basic =>
    Array.isArray(operand) ? basic(value) : (value as Basic);
  return compare(asBasic(filter.left, lefts[0]), asBasic(filter.right, rights[0]), filter.operator);
}

type Basic = { kind: "bool" | "int" | "float" | "string"; value: boolean | number | string };

/** text/template's basic kinds: JSON integers decode to int64, other numbers to float64. */
function basic(value: unknown): Basic {
  if (typeof value === "boolean") return { kind: "bool", value };
  if (typeof value === "string") return { kind: "string", value };
  if (typeof value === "number") return { kind: Number.isInteger(value) ? "int" : "float", value };
  throw new JsonPathError("invalid type for comparison");
}

/** text/template's eq, ne, lt, gt, le and ge: operands of different kinds do not compare. */
function compare(left: Basic, right: Basic, operator: string): boolean {
  if (left.kind !== right.kind) throw new JsonPathError("incompatible types for comparison");
  if (operator === "==") return left.value === right.value;
  if (operator === "!=") return left.value !== right.value;
  if (left.kind === "bool") throw new JsonPathError("invalid type for comparison");
  switch (operator) {
    case "<":
      return left.value < right.value;
    case ">":
      return left.value > right.value;
    case "<=":
      return left.value <= right.value;
    case ">=":
      return left.value >= right.value;
    default:
      throw new JsonPathError(`unrecognized filter operator ${operator}`);
  }
}
