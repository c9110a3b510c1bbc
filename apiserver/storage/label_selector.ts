/**
 * Label selectors as `labels.Parse` reads them (k8s.io/apimachinery/pkg/labels/selector.go): the
 * same lexer (identifiers end at whitespace or one of `=!(),<>`), the same recursive descent
 * with its error wording, label key and value validation, values kept as a sorted set, and the
 * operators =, ==, !=, in, notin, exists, !exists, > and <.
 */
import { badRequest, renderValue } from "../http/status.js";
import { labelValueErrors, qualifiedNameErrors } from "../validation/object_meta.js";

type Token = "error" | "end" | ")" | "," | "!" | "==" | "=" | ">" | "identifier" | "in" | "<" | "!=" | "notin" | "(";
type Operator = "in" | "notin" | "=" | "==" | "!=" | "gt" | "lt" | "exists" | "!";

interface Item {
  token: Token;
  literal: string;
}

interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

const KEYWORDS = new Set<string>([")", ",", "!", "==", "=", ">", "in", "<", "!=", "notin", "("]);
const BINARY_OPERATORS = ["in", "notin", "=", "==", "!=", "gt", "lt"];
const isWhitespace = (c: string): boolean => c === " " || c === "\t" || c === "\r" || c === "\n";
const isSpecial = (c: string): boolean => "=!(),><".includes(c);

/** Splits a selector into tokens; a NUL character ends it, as in Go's lexer. */
function lex(text: string): Item[] {
  const input = text.split("\u0000")[0] ?? "";
  const items: Item[] = [];
  let position = 0;
  for (;;) {
    while (position < input.length && isWhitespace(input[position] ?? "")) position++;
    if (position >= input.length) {
      items.push({ token: "end", literal: "" });
      return items;
    }
    let buffer = "";
    if (isSpecial(input[position] ?? "")) {
      let last: Item | undefined;
      while (position < input.length && isSpecial(input[position] ?? "")) {
        buffer += input[position];
        if (KEYWORDS.has(buffer)) last = { token: buffer as Token, literal: buffer };
        else if (last) break;
        position++;
      }
      items.push(last ?? { token: "error", literal: `error expected: keyword found '${buffer}'` });
      continue;
    }
    while (position < input.length && !isSpecial(input[position] ?? "") && !isWhitespace(input[position] ?? ""))
      buffer += input[position++];
    items.push({ token: KEYWORDS.has(buffer) ? (buffer as Token) : "identifier", literal: buffer });
  }
}

const fieldError = (path: string, value: string, messages: string[]): string =>
  `${path}: Invalid value: ${renderValue(value)}: ${messages.join("; ")}`;

/** strconv.ParseInt(value, 10, 64), or undefined where it fails. */
function integerOf(value: string | undefined): bigint | undefined {
  if (value === undefined || !/^[+-]?\d+$/.test(value)) return undefined;
  const parsed = BigInt(value);
  return parsed >= -(2n ** 63n) && parsed < 2n ** 63n ? parsed : undefined;
}

/** NewRequirement's checks of an operator's values; the key was checked while parsing. */
function newRequirement(key: string, operator: Operator, values: string[]): Requirement {
  const errors: string[] = [];
  if (operator === "gt" || operator === "lt") {
    values.forEach((value, index) => {
      if (integerOf(value) === undefined)
        errors.push(fieldError(`values[${index}]`, value, ["for 'Gt', 'Lt' operators, the value must be an integer"]));
    });
  }
  values.forEach((value, index) => {
    const messages = labelValueErrors(value);
    if (messages.length) errors.push(fieldError(`values[${index}][${key}]`, value, messages));
  });
  if (errors.length === 1) throw new Error(errors[0]);
  if (errors.length > 1) throw new Error(`[${errors.join(", ")}]`);
  return { key, operator, values };
}

class Parser {
  readonly #items: Item[];
  #position = 0;

  constructor(text: string) {
    this.#items = lex(text);
  }

  /** In a value position, `in` and `notin` are identifiers. */
  #peek(asValue = true): Item {
    const item = this.#items[this.#position] ?? { token: "end", literal: "" };
    return asValue && (item.token === "in" || item.token === "notin")
      ? { token: "identifier", literal: item.literal }
      : item;
  }

  #next(asValue = true): Item {
    const item = this.#peek(asValue);
    this.#position++;
    return item;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const { token, literal } = this.#peek();
      if (token === "end") return requirements;
      if (token !== "identifier" && token !== "!")
        throw new Error(`found '${literal}', expected: !, identifier, or 'end of string'`);
      try {
        requirements.push(this.#requirement());
      } catch (error) {
        throw new Error(`unable to parse requirement: ${(error as Error).message}`);
      }
      const after = this.#next();
      if (after.token === "end") return requirements;
      if (after.token !== ",") throw new Error(`found '${after.literal}', expected: ',' or 'end of string'`);
      const following = this.#peek();
      if (following.token !== "identifier" && following.token !== "!")
        throw new Error(`found '${following.literal}', expected: identifier after ','`);
    }
  }

  #requirement(): Requirement {
    let item = this.#next();
    const negated = item.token === "!";
    if (negated) item = this.#next();
    if (item.token !== "identifier") throw new Error(`found '${item.literal}', expected: identifier`);
    const key = item.literal;
    const keyErrors = qualifiedNameErrors(key);
    if (keyErrors.length) throw new Error(fieldError("<nil>", key, keyErrors));
    const following = this.#peek().token;
    if (negated) return { key, operator: "!", values: [] };
    if (following === "end" || following === ",") return { key, operator: "exists", values: [] };
    const operator = this.#operator();
    const values = operator === "in" || operator === "notin" ? this.#valueSet() : this.#exactValue();
    return newRequirement(key, operator, [...new Set(values)].sort());
  }

  #operator(): Operator {
    const { token, literal } = this.#next(false);
    const operators: Partial<Record<Token, Operator>> = {
      in: "in",
      notin: "notin",
      "=": "=",
      "==": "==",
      "!=": "!=",
      ">": "gt",
      "<": "lt",
    };
    const operator = operators[token];
    if (!operator) throw new Error(`found '${literal}', expected: ${BINARY_OPERATORS.join(", ")}`);
    return operator;
  }

  #valueSet(): string[] {
    const open = this.#next();
    if (open.token !== "(") throw new Error(`found '${open.literal}' expected: '('`);
    const { token, literal } = this.#peek();
    if (token === ")") {
      this.#next();
      return [""];
    }
    if (token !== "identifier" && token !== ",")
      throw new Error(`found '${literal}', expected: ',', ')' or identifier`);
    const values = this.#identifierList();
    // Go reports the token seen before the list here, not the one that is not ')'.
    if (this.#next().token !== ")") throw new Error(`found '${literal}', expected: ')'`);
    return values;
  }

  #identifierList(): string[] {
    const values: string[] = [];
    for (;;) {
      const item = this.#next();
      if (item.token === "identifier") {
        values.push(item.literal);
        const following = this.#peek();
        if (following.token === ")") return values;
        if (following.token !== ",") throw new Error(`found '${following.literal}', expected: ',' or ')'`);
      } else if (item.token === ",") {
        if (values.length === 0) values.push("");
        const following = this.#peek().token;
        if (following === ")" || following === ",") values.push("");
        if (following === ")") return values;
      } else throw new Error(`found '${item.literal}', expected: ',', or identifier`);
    }
  }

  #exactValue(): string[] {
    const following = this.#peek().token;
    if (following === "end" || following === ",") return [""];
    const item = this.#next();
    if (item.token !== "identifier") throw new Error(`found '${item.literal}', expected: identifier`);
    return [item.literal];
  }
}

function matches(requirement: Requirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, requirement.key);
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case "in":
    case "=":
    case "==":
      return has && requirement.values.includes(value ?? "");
    case "notin":
    case "!=":
      return !has || !requirement.values.includes(value ?? "");
    case "exists":
      return has;
    case "!":
      return !has;
    case "gt":
    case "lt": {
      const actual = integerOf(value);
      const bound = integerOf(requirement.values[0]);
      if (!has || actual === undefined || bound === undefined) return false;
      return requirement.operator === "gt" ? actual > bound : actual < bound;
    }
  }
}

/** A parsed label selector; `matches` is what lists and watches filter with. */
export interface LabelSelector {
  matches(labels: Record<string, string> | undefined): boolean;
  empty: boolean;
}

/**
 * Parses `labelSelector`; an empty or absent selector matches everything.
 * @throws StatusError 400 with labels.Parse's message
 */
export function parseLabelSelector(text: string | null | undefined): LabelSelector {
  let requirements: Requirement[];
  try {
    requirements = new Parser(text ?? "").parse();
  } catch (error) {
    throw badRequest((error as Error).message);
  }
  if (requirements.length === 0) return { matches: () => true, empty: true };
  return { empty: false, matches: (labels) => requirements.every((requirement) => matches(requirement, labels ?? {})) };
}
