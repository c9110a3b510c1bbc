/**
 * Label selectors: the meta/v1 `LabelSelector` object and the string form (`a=b,c in (x,y),!d`),
 * parsed into one {@link Selector} that both matches labels in the cache and renders the
 * `labelSelector` query parameter for the API server.
 */

/** A requirement of a `LabelSelector.matchExpressions` entry. */
export interface LabelSelectorRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  values?: string[];
}

/** meta/v1 LabelSelector. */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** A parsed selector: every requirement must hold. */
export interface Selector {
  readonly requirements: readonly LabelSelectorRequirement[];
  matches(labels: Record<string, string> | undefined): boolean;
  /** The canonical string form, for the `labelSelector` query parameter. */
  toString(): string;
  /** True when the selector selects everything. */
  readonly empty: boolean;
}

function requirementMatches(requirement: LabelSelectorRequirement, labels: Record<string, string>): boolean {
  const has = Object.hasOwn(labels, requirement.key);
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case "In":
      return has && (requirement.values ?? []).includes(value ?? "");
    case "NotIn":
      return !has || !(requirement.values ?? []).includes(value ?? "");
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
  }
}

function requirementString(requirement: LabelSelectorRequirement): string {
  const values = requirement.values ?? [];
  switch (requirement.operator) {
    case "In":
      return values.length === 1 ? `${requirement.key}=${values[0]}` : `${requirement.key} in (${values.join(",")})`;
    case "NotIn":
      return values.length === 1
        ? `${requirement.key}!=${values[0]}`
        : `${requirement.key} notin (${values.join(",")})`;
    case "Exists":
      return requirement.key;
    case "DoesNotExist":
      return `!${requirement.key}`;
  }
}

function makeSelector(requirements: LabelSelectorRequirement[]): Selector {
  const sorted = [...requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    requirements: sorted,
    empty: sorted.length === 0,
    matches: (labels) => sorted.every((requirement) => requirementMatches(requirement, labels ?? {})),
    toString: () => sorted.map(requirementString).join(","),
  };
}

/** Builds a selector from `matchLabels`-style equality pairs. */
export function selectorFromSet(set: Record<string, string>): Selector {
  return makeSelector(Object.entries(set).map(([key, value]) => ({ key, operator: "In" as const, values: [value] })));
}

/**
 * Builds a selector from a meta/v1 LabelSelector.
 * Errors: throws naming the expression when `In`/`NotIn` has no values or an operator is unknown.
 */
export function selectorFromLabelSelector(selector: LabelSelector): Selector {
  const requirements: LabelSelectorRequirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    requirements.push({ key, operator: "In", values: [value] });
  }
  for (const [index, expression] of (selector.matchExpressions ?? []).entries()) {
    const { operator } = expression;
    if (!["In", "NotIn", "Exists", "DoesNotExist"].includes(operator)) {
      throw new Error(`matchExpressions[${index}].operator: "${operator}" is not In, NotIn, Exists or DoesNotExist`);
    }
    if ((operator === "In" || operator === "NotIn") && !expression.values?.length) {
      throw new Error(`matchExpressions[${index}].values: operator ${operator} needs at least one value`);
    }
    requirements.push({ key: expression.key, operator, values: expression.values });
  }
  return makeSelector(requirements);
}

/**
 * Parses the string form of a label selector (`env=prod,tier!=db,app in (a,b),gpu,!spot`).
 * Errors: throws naming the offending term and what was expected.
 */
export function parseSelector(text: string): Selector {
  const requirements: LabelSelectorRequirement[] = [];
  // Split on commas that are not inside parentheses.
  const terms: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of text) {
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (char === "," && depth === 0) {
      terms.push(current);
      current = "";
    } else current += char;
  }
  if (current.trim() !== "" || terms.length > 0) terms.push(current);
  for (const raw of terms) {
    const term = raw.trim();
    const setMatch = /^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(term);
    const equalityMatch = /^([^\s!=()]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/.exec(term);
    if (setMatch) {
      const values = (setMatch[3] ?? "")
        .split(",")
        .map((value) => value.trim())
        .filter(Boolean);
      requirements.push({ key: setMatch[1] ?? "", operator: setMatch[2] === "in" ? "In" : "NotIn", values });
    } else if (equalityMatch) {
      const operator = equalityMatch[2] === "!=" ? "NotIn" : "In";
      requirements.push({ key: equalityMatch[1] ?? "", operator, values: [equalityMatch[3] ?? ""] });
    } else if (/^![^\s!=(),]+$/.test(term)) {
      requirements.push({ key: term.slice(1), operator: "DoesNotExist" });
    } else if (/^[^\s!=(),]+$/.test(term)) {
      requirements.push({ key: term, operator: "Exists" });
    } else {
      throw new Error(
        `label selector "${text}": cannot parse "${term}"; expected key=value, key!=value, key in (a,b), key notin (a,b), key or !key`,
      );
    }
  }
  return makeSelector(requirements);
}

/** A field selector as the API server understands it: `field=value` and `field!=value` terms. */
export interface FieldRequirement {
  field: string;
  value: string;
  negated: boolean;
}

/**
 * Parses a field selector string (`metadata.name=a,spec.nodeName!=b`).
 * Errors: throws naming the term that is not `field=value` or `field!=value`.
 */
export function parseFieldSelector(text: string): FieldRequirement[] {
  return text
    .split(",")
    .map((term) => term.trim())
    .filter(Boolean)
    .map((term) => {
      const match = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
      if (!match)
        throw new Error(`field selector "${text}": cannot parse "${term}"; expected field=value or field!=value`);
      return { field: match[1] ?? "", value: match[3] ?? "", negated: match[2] === "!=" };
    });
}
