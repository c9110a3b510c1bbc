/**
 * The `labelSelector` and `fieldSelector` of lists and watches: label selectors are parsed by the
 * shared labels.Parse port (apimachinery/), field selectors as `fields.ParseSelector` reads them.
 */
import { LabelSelectorError, parseSelector, type Selector } from "../../apimachinery/index.js";
import { badRequest } from "../errors/status.js";
import type { KubeObject } from "./types.js";

/**
 * Parses `labelSelector`; an empty or absent selector matches everything.
 * @throws StatusError 400 with labels.Parse's message
 */
export function parseLabelSelector(text: string | null | undefined): Selector {
  try {
    return parseSelector(text);
  } catch (error) {
    if (error instanceof LabelSelectorError) throw badRequest(error.message);
    throw error;
  }
}

/** A parsed field selector. */
export interface FieldSelector {
  matches(object: KubeObject): boolean;
  empty: boolean;
  /** The name it pins with `metadata.name=`, used to narrow watches of one object. */
  name: string | undefined;
}

/** Reads the value of a supported field of an object. */
export type FieldGetter = (object: KubeObject) => string | undefined;

export const metadataFieldGetters: Record<string, FieldGetter> = {
  "metadata.name": (object) => object.metadata.name,
  "metadata.namespace": (object) => object.metadata.namespace ?? "",
};

/** fields.splitTerms: split at commas not escaped by a backslash. */
function splitFieldTerms(text: string): string[] {
  const terms: string[] = [];
  let start = 0;
  let escaped = false;
  for (let index = 0; index < text.length; index += 1) {
    const c = text[index];
    if (escaped) escaped = false;
    else if (c === "\\") escaped = true;
    else if (c === ",") {
      terms.push(text.slice(start, index));
      start = index + 1;
    }
  }
  terms.push(text.slice(start));
  return terms;
}

/** fields.splitTerm: the first operator (`!=`, `==`, `=`, in that order at each position) splits a term. */
function splitFieldTerm(term: string): { field: string; operator: string; value: string } | undefined {
  for (let index = 0; index < term.length; index += 1) {
    const operator = ["!=", "==", "="].find((candidate) => term.startsWith(candidate, index));
    if (operator) return { field: term.slice(0, index), operator, value: term.slice(index + operator.length) };
  }
  return undefined;
}

/** fields.UnescapeValue: `\\`, `\,` and `\=` are the only escapes; unescaped `,` and `=` are refused. */
function unescapeFieldValue(value: string): string {
  let result = "";
  let escaped = false;
  for (const c of value) {
    if (escaped) {
      if (!"\\,=".includes(c)) throw badRequest(`invalid field selector: invalid escape sequence: \\${c}`);
      result += c;
      escaped = false;
    } else if (c === "\\") escaped = true;
    // UnescapedRune prints the rune with %v: its code point.
    else if (c === "," || c === "=")
      throw badRequest(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    else result += c;
  }
  if (escaped) throw badRequest("invalid field selector: invalid escape sequence: \\");
  return result;
}

/**
 * The terms of a field selector, parsed as fields.ParseSelector does when the query is decoded
 * (syntax errors are 400s before any other list option is checked); empty terms are dropped.
 */
export function parseFieldTerms(text: string | null | undefined): { field: string; operator: string; value: string }[] {
  return splitFieldTerms(text ?? "")
    .sort()
    .filter((term) => term !== "")
    .map((term) => {
      const split = splitFieldTerm(term);
      if (!split) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
      return { ...split, value: unescapeFieldValue(split.value) };
    })
    .filter((term) => term.field !== "" || term.value !== "");
}

/**
 * Parses `fieldSelector` as fields.ParseSelector does (terms sorted, split at the first operator,
 * values unescaped; a term with neither field nor value selects everything), then checks its
 * fields against those the kind supports.
 * @param unsupported builds the error for an unknown field (it differs between built-ins and custom resources)
 */
export function parseFieldSelector(
  text: string | null | undefined,
  getters: Record<string, FieldGetter>,
  unsupported: (field: string) => Error,
): FieldSelector {
  const parsed = parseFieldTerms(text);
  if (!parsed.length) return { matches: () => true, empty: true, name: undefined };
  const terms = parsed.map((term) => {
    const getter = getters[term.field];
    if (!getter) throw unsupported(term.field);
    return { field: term.field, getter, negate: term.operator === "!=", value: term.value };
  });
  const pinned = terms.find((term) => term.field === "metadata.name" && !term.negate);
  return {
    empty: false,
    name: pinned?.value,
    matches: (object) => terms.every((term) => (term.getter(object) === term.value) !== term.negate),
  };
}
