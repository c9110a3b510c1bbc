/**
 * Label and field selectors as `labels.Parse` and `fields.ParseSelector` read them.
 */
import { badRequest } from "../http/status.js";
import type { KubeObject } from "./types.js";

type Requirement =
  | { key: string; op: "=" | "!="; values: [string] }
  | { key: string; op: "in" | "notin"; values: string[] }
  | { key: string; op: "exists" | "!exists"; values: [] };

/** A parsed label selector; `matches` is what lists and watches filter with. */
export interface LabelSelector {
  matches(labels: Record<string, string> | undefined): boolean;
  empty: boolean;
}

const everything: LabelSelector = { matches: () => true, empty: true };

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (char === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim());
}

const labelKey = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function checkKey(key: string): string {
  if (!labelKey.test(key) || key.length > 316) throw badRequest(`unable to parse requirement: invalid label key "${key}"`);
  return key;
}

function checkValue(value: string): string {
  if (!labelValue.test(value) || value.length > 63) {
    throw badRequest(`unable to parse requirement: invalid label value: "${value}"`);
  }
  return value;
}

function parseRequirement(text: string): Requirement {
  let match = /^!\s*([^\s!=()]+)$/.exec(text);
  if (match?.[1]) return { key: checkKey(match[1]), op: "!exists", values: [] };
  match = /^([^\s!=()]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(text);
  if (match?.[1] && match[2] && match[3] !== undefined) {
    const values = match[3]
      .split(",")
      .map((value) => value.trim())
      .map(checkValue);
    return { key: checkKey(match[1]), op: match[2] as "in" | "notin", values };
  }
  match = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/.exec(text);
  if (match?.[1] && match[2]) {
    return { key: checkKey(match[1]), op: match[2] === "!=" ? "!=" : "=", values: [checkValue(match[3] ?? "")] };
  }
  match = /^([^\s!=()]+)$/.exec(text);
  if (match?.[1]) return { key: checkKey(match[1]), op: "exists", values: [] };
  throw badRequest(`unable to parse requirement: found '${text}', expected: identifier`);
}

function requirementMatches(requirement: Requirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, requirement.key);
  const value = labels[requirement.key];
  switch (requirement.op) {
    case "=":
      return has && value === requirement.values[0];
    case "!=":
      return !has || value !== requirement.values[0];
    case "in":
      return has && requirement.values.includes(value ?? "");
    case "notin":
      return !has || !requirement.values.includes(value ?? "");
    case "exists":
      return has;
    case "!exists":
      return !has;
  }
}

/** Parses `labelSelector`; an empty or absent selector matches everything. */
export function parseLabelSelector(text: string | null | undefined): LabelSelector {
  if (!text || !text.trim()) return everything;
  const requirements = splitTopLevel(text).map(parseRequirement);
  return {
    empty: false,
    matches: (labels) => requirements.every((requirement) => requirementMatches(requirement, labels ?? {})),
  };
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

/**
 * Parses `fieldSelector` against the fields a kind supports.
 * @param unsupported builds the error for an unknown field (it differs between built-ins and custom resources)
 */
export function parseFieldSelector(
  text: string | null | undefined,
  getters: Record<string, FieldGetter>,
  unsupported: (field: string) => Error,
): FieldSelector {
  if (!text || !text.trim()) return { matches: () => true, empty: true, name: undefined };
  const terms = text.split(",").map((term) => {
    const match = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(term);
    if (!match?.[1] || !match[2]) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
    const getter = getters[match[1]];
    if (!getter) throw unsupported(match[1]);
    return { field: match[1], getter, negate: match[2] === "!=", value: match[3] ?? "" };
  });
  const pinned = terms.find((term) => term.field === "metadata.name" && !term.negate);
  return {
    empty: false,
    name: pinned?.value,
    matches: (object) => terms.every((term) => (term.getter(object) === term.value) !== term.negate),
  };
}
