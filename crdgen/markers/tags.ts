/**
 * Reads one JSDoc tag: what it means for the schema (markers, the description, an example, a
 * property left out), or why it has none. typescript-json-schema's spellings are read too:
 * `@TJS-<tag>` is `@<tag>`, and `@items.<tag> value` or `@items {"<tag>": value}` apply a tag to
 * the items of an array, as the `+kubebuilder:validation:items:` markers do.
 */
import { DiagnosticCode, type Diagnostic } from "../diagnostics.js";
import type { JsonValue } from "../schema/model.js";
import { documentationTags, refusedTags } from "./definitions/jsdoc_tags.js";
import { closestName, type MarkerRegistry } from "./registry.js";

/** A tag as written: its name (without `@`), the rest of its line, and the lines that continue it. */
export interface WrittenTag {
  name: string;
  text: string;
  continuation: readonly string[];
}

/** What a tag says. */
export type TagMeaning =
  | { kind: "markers"; markers: readonly string[] }
  | { kind: "example"; value: JsonValue }
  | { kind: "description"; lines: readonly string[] }
  | { kind: "ignore" }
  | { kind: "documentation" }
  | { kind: "problem"; severity: Diagnostic["severity"]; code: Diagnostic["code"]; message: string; hint?: string };

const validationPrefix = "kubebuilder:validation:";
const itemsPrefix = "kubebuilder:validation:items:";
/** The tags read here rather than in a table, for "did you mean" hints. */
const readTags = ["description", "examples", "ignore", "items"];

/** The meanings of `tag` (one, or several for `@items {…}`). */
export function readTag(tag: WrittenTag, registry: MarkerRegistry): TagMeaning[] {
  const name = tag.name.startsWith("TJS-") ? tag.name.slice("TJS-".length) : tag.name;
  const fullText = [tag.text, ...tag.continuation].join("\n").trim();
  if (name === "items") return itemsObject(tag.name, fullText, registry);
  if (name.startsWith("items.")) return [itemsMarkers(tag.name, name.slice("items.".length), tag.text, registry)];
  const alias = registry.alias(name);
  if (alias) return [{ kind: "markers", markers: alias.toMarkers(tag.text) }];
  if (name === "description") return [{ kind: "description", lines: [tag.text, ...tag.continuation] }];
  if (name === "examples") return examples(tag.name, fullText);
  if (name === "ignore") return [{ kind: "ignore" }];
  if (documentationTags.has(name)) return [{ kind: "documentation" }];
  const refused = refusedTags.get(name);
  if (refused) {
    const verdict = refused.severity === "error" ? "is not supported" : "is ignored";
    return [problem(refused.severity, `@${tag.name} ${verdict}: ${refused.reason}`, refused.hint)];
  }
  const known = [...registry.aliases().map((entry) => entry.tag), ...readTags, ...refusedTags.keys()];
  const suggestion = closestName(name, [...known, ...documentationTags]);
  return [
    {
      kind: "problem",
      severity: "warning",
      code: DiagnosticCode.unknownTag,
      message: `unknown JSDoc tag @${tag.name} is ignored`,
      hint: suggestion
        ? `did you mean @${suggestion}?`
        : "a controller-gen marker (+…) may say it: uselessctl generate manifests --help-markers lists them",
    },
  ];
}

function problem(severity: Diagnostic["severity"], message: string, hint?: string): TagMeaning {
  const meaning: TagMeaning = { kind: "problem", severity, code: DiagnosticCode.unsupportedTag, message };
  if (hint !== undefined) meaning.hint = hint;
  return meaning;
}

/** `@items.minimum 1` → `+kubebuilder:validation:items:Minimum=1`. */
function itemsMarkers(written: string, itemTag: string, text: string, registry: MarkerRegistry): TagMeaning {
  const alias = registry.alias(itemTag);
  const markers = (alias?.toMarkers(text) ?? []).map((marker) =>
    marker.startsWith(validationPrefix) ? itemsPrefix + marker.slice(validationPrefix.length) : undefined,
  );
  const known = (marker: string | undefined): marker is string =>
    // the items markers all take one anonymous argument (or none): the name ends at `=`
    marker !== undefined && registry.get(marker.split("=")[0] as string) !== undefined;
  if (!alias || markers.length === 0 || !markers.every(known)) {
    const onTypes = alias !== undefined && registry.get(alias.marker)?.targets.includes("type") === true;
    return problem(
      "error",
      `@${written} is not supported: @${itemTag} has no form for the items of an array`,
      onTypes
        ? `declare the item type as a type alias and write @${itemTag} on it`
        : `controller-gen has no +kubebuilder:validation:items: form of ${alias ? `+${alias.marker}` : `@${itemTag}`} either`,
    );
  }
  return { kind: "markers", markers };
}

/** `@items {"type": "integer", "minimum": 1}`: one `@items.<key>` per key. */
function itemsObject(written: string, text: string, registry: MarkerRegistry): TagMeaning[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return [
      problem(
        "error",
        `@${written} takes a JSON object of item keywords, got ${JSON.stringify(text)}`,
        '@items {"minimum": 1}, or one tag per keyword: @items.minimum 1',
      ),
    ];
  }
  return Object.entries(value).map(([key, item]) =>
    itemsMarkers(`${written}.${key}`, key, typeof item === "string" ? item : JSON.stringify(item), registry),
  );
}

/** `@examples ["a", "b"]` (draft-06): a CRD schema holds one example, the first. */
function examples(written: string, text: string): TagMeaning[] {
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    value = text;
  }
  const values = Array.isArray(value) ? value : [value];
  const [first] = values;
  if (first === undefined) return [problem("error", `@${written} lists no example`, '@examples ["value"]')];
  const meanings: TagMeaning[] = [{ kind: "example", value: first }];
  if (values.length > 1) {
    meanings.push(
      problem(
        "warning",
        `@${written}: a CRD schema holds one example; only the first of ${values.length} is kept`,
        "+kubebuilder:example=<value> says the one example",
      ),
    );
  }
  return meanings;
}
