/**
 * YAML decoding with go-yaml's error wording (kube-apiserver turns YAML into JSON with
 * sigs.k8s.io/yaml, whose parser is libyaml's port). js-yaml finds the error; the common classes
 * are reworded as libyaml reports them, with go-yaml's line rule: a parser error names the
 * 0-based line of the token it stopped at, a scanner error the 1-based line, and an error on the
 * first line (0-based line 0) names none.
 * Rarer errors keep js-yaml's reason in go-yaml's `yaml: line N: ...` form.
 */
import yaml from "js-yaml";
import { copyJsonTree } from "../storage/deep_values.js";
import { maxNestingDepth } from "./go_json.js";

function linesBefore(text: string, end: number): number {
  let lines = 0;
  for (let index = 0; index < end; index += 1) {
    const char = text[index];
    if (char === "\n" || (char === "\r" && text[index + 1] !== "\n")) lines += 1;
  }
  return lines;
}

/** libyaml's mark for the end of the stream: a last line without a line break still counts. */
function streamEndLine(text: string): number {
  const lines = linesBefore(text, text.length);
  return text.length > 0 && !/[\r\n]$/.test(text) ? lines + 1 : lines;
}

/** The innermost flow collection still open at the end of `text`, by its opening bracket. */
function openFlowCollection(text: string): "[" | "{" | undefined {
  const open: ("[" | "{")[] = [];
  let previous = "\n";
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? "";
    if (char === "'" || char === '"') {
      // Skip a quoted scalar: '' escapes a single quote, a backslash escapes in double quotes.
      for (index += 1; index < text.length; index += 1) {
        if (char === '"' && text[index] === "\\") index += 1;
        else if (text[index] === char && !(char === "'" && text[index + 1] === "'")) break;
        else if (char === "'" && text[index] === "'") index += 1;
      }
    } else if (char === "#" && /\s/.test(previous)) {
      while (index < text.length && text[index] !== "\n") index += 1;
    } else if (
      (char === "[" || char === "{") &&
      (open.length > 0 ? /[\s,[{:]/.test(previous) : /[\n:\-?]/.test(previous))
    ) {
      open.push(char);
    } else if ((char === "]" || char === "}") && open.length > 0) {
      open.pop();
    }
    if (char !== " " && char !== "\t") previous = char;
  }
  return open[open.length - 1];
}

function withLine(line: number, problem: string): string {
  return line > 0 ? `yaml: line ${line}: ${problem}` : `yaml: ${problem}`;
}

/** go-yaml's message for the YAML error js-yaml raised on `text`. */
export function goYamlMessage(text: string, error: yaml.YAMLException): string {
  const reason = error.reason;
  const markLine = error.mark?.line ?? 0;
  if (reason.startsWith("unexpected end of the stream within a flow collection")) {
    const closing = openFlowCollection(text) === "{" ? "}" : "]";
    return withLine(streamEndLine(text), `did not find expected ',' or '${closing}'`);
  }
  if (/^unexpected end of the stream within a (single|double) quoted scalar/.test(reason)) {
    const line = linesBefore(text, text.length);
    return withLine(line > 0 ? line + 1 : 0, "found unexpected end of stream");
  }
  if (reason.startsWith("tab characters must not be used in indentation")) {
    const tab = text.indexOf("\t");
    const line = linesBefore(text, tab < 0 ? 0 : tab);
    return withLine(line > 0 ? line + 1 : 0, "found character that cannot start any token");
  }
  // Where js-yaml stopped on a character no token starts with, or on a ':' that a plain scalar ran
  // into, libyaml's scanner stopped there too.
  const stoppedAt = text.split(/\r?\n|\r/)[markLine]?.[error.mark?.column ?? 0];
  const scannerLine = markLine > 0 ? markLine + 1 : 0;
  if (stoppedAt === "@" || stoppedAt === "`")
    return withLine(scannerLine, "found character that cannot start any token");
  if (stoppedAt === ":" && reason.startsWith("bad indentation of a mapping entry")) {
    return withLine(scannerLine, "mapping values are not allowed in this context");
  }
  return withLine(markLine + 1, reason);
}

/** go-yaml's allowed share of alias-driven decodes for a document that took `decodes` decodes so far. */
function allowedAliasRatio(decodes: number): number {
  const low = 400_000;
  const high = 4_000_000;
  if (decodes <= low) return 0.99;
  if (decodes >= high) return 0.1;
  return 0.99 - 0.89 * ((decodes - low) / (high - low));
}

/**
 * Counts decodes as go-yaml's decoder does (each node and each mapping key; an aliased node again
 * at every alias) and throws its error once too many of them come from aliases: a small document
 * must not expand into an unbounded one. js-yaml hands an alias out as the anchored value itself,
 * so a value met again is an alias. The walk stops at the limit, so its cost stays bounded too.
 */
function checkAliasing(root: unknown): void {
  let decodes = 1; // the document node
  let aliased = 0;
  const seen = new Set<object>();
  const pending: { value: unknown; inAlias: boolean; isKey: boolean }[] = [
    { value: root, inAlias: false, isKey: false },
  ];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, inAlias } = next;
    let expanding = inAlias;
    if (!next.isKey && value !== null && typeof value === "object") {
      if (seen.has(value) && !inAlias) {
        decodes += 1; // the alias node itself
        expanding = true;
      }
      seen.add(value);
    }
    decodes += 1;
    if (expanding) aliased += 1;
    if (aliased > 100 && decodes > 1000 && aliased / decodes > allowedAliasRatio(decodes)) {
      throw new Error("yaml: document contains excessive aliasing");
    }
    if (next.isKey || value === null || typeof value !== "object") continue;
    const children: typeof pending = [];
    if (Array.isArray(value))
      for (const item of value) children.push({ value: item, inAlias: expanding, isKey: false });
    else {
      for (const [key, field] of Object.entries(value)) {
        children.push(
          { value: key, inAlias: expanding, isKey: true },
          { value: field, inAlias: expanding, isKey: false },
        );
      }
    }
    for (let index = children.length - 1; index >= 0; index -= 1) pending.push(children[index] as (typeof pending)[0]);
  }
}

/** Parses one YAML document as JSON-compatible data; throws an Error carrying go-yaml's message. */
export function parseGoYaml(text: string): unknown {
  let value: unknown;
  try {
    // go-yaml allows 10,000 levels; js-yaml recurses on the stack, which runs out first for very
    // deep documents: that is reported as go-yaml's depth error rather than failing the server.
    // (js-yaml 4.3 has maxDepth; its published types do not list it yet.)
    const options = { schema: yaml.JSON_SCHEMA, maxDepth: maxNestingDepth } as yaml.LoadOptions;
    value = yaml.load(text, options);
  } catch (error) {
    if (error instanceof yaml.YAMLException) throw new Error(goYamlMessage(text, error));
    if (error instanceof RangeError) throw new Error(withLine(0, `exceeded max depth of ${maxNestingDepth}`));
    throw error;
  }
  checkAliasing(value);
  // Aliases share one value; each place gets its own copy, as the JSON go-yaml's output becomes.
  return copyJsonTree(value);
}
