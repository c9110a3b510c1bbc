/**
 * A YAML writer with controller-gen's layout: block style, keys sorted the way go-yaml v2 sorts
 * them, two-space indentation, sequences not indented under their key, long plain scalars folded
 * after column 80, multi-line strings as `|-` blocks, empty collections as `{}` and `[]`.
 *
 * controller-gen marshals through sigs.k8s.io/yaml (JSON → go-yaml v2), so every map's keys come
 * out sorted; we sort the same way here instead of trusting insertion order.
 */
import { chooseStringStyle, isPrintable, resolvesToNonString } from "./scalar_style.js";

const bestWidth = 80;
const simpleToken = /^[A-Za-z_/][A-Za-z0-9_./-]*$/;

/** A JSON-like value: what the writer accepts. `undefined` members of objects are skipped. */
export type YamlValue =
  string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

/**
 * Writes one YAML document for `value`, starting with `---` as controller-gen's files do. Like
 * `JSON.stringify`, it takes typed API objects (a CustomResourceDefinition, a Role) as they are:
 * interfaces are not assignable to `YamlValue`'s index signature, but their members are JSON.
 */
export function toYamlDocument(value: YamlValue | object): string {
  const out = new Writer();
  out.textWithBreaks("---\n");
  out.node(value as YamlValue, -2, "document");
  return out.result();
}

/** go-yaml v2's key order: letters compare as runes, digits runs as numbers, non-letters first. */
export function compareYamlKeys(a: string, b: string): number {
  // ASCII letters only (most schema keys): go-yaml's order is plain code-unit order.
  if (asciiWord.test(a) && asciiWord.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const ar = Array.from(a),
    br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] as string,
      bc = br[i] as string;
    if (ac === bc) continue;
    const al = isLetter(ac),
      bl = isLetter(bc);
    if (al && bl) return (ac.codePointAt(0) ?? 0) - (bc.codePointAt(0) ?? 0);
    if (al || bl) return bl ? -1 : 1;
    let an = 0,
      bn = 0;
    if (ac === "0" || bc === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i,
      bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an - bn;
    if (ai !== bi) return ai - bi;
    return (ac.codePointAt(0) ?? 0) - (bc.codePointAt(0) ?? 0);
  }
  return ar.length - br.length;
}

const asciiWord = /^[A-Za-z]+$/;
const isLetter = (ch: string) => /\p{L}/u.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";

/** Formats a number as Go's encoders would: integers in decimal, others as strconv 'g' -1. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return ".nan";
  if (!Number.isFinite(value)) return value > 0 ? ".inf" : "-.inf";
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const [mantissa = "", exponentText = "0"] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 21 || (!Number.isInteger(value) && exponent >= 6)) {
    const sign = exponent < 0 ? "-" : "+";
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  return String(value);
}

type Context = "document" | "mapping-value" | "sequence-item";

class Writer {
  // One growing string (V8 concatenation ropes) and the current column: far cheaper than an
  // array of millions of chunks joined at the end.
  #out = "";
  #column = 0;

  result(): string {
    return this.#out;
  }

  /** Writes text that contains no line break. */
  text(text: string): void {
    this.#out += text;
    this.#column += text.length;
  }

  /** Writes text that may contain line breaks. */
  textWithBreaks(text: string): void {
    this.#out += text;
    const lastBreak = text.lastIndexOf("\n");
    this.#column = lastBreak >= 0 ? text.length - lastBreak - 1 : this.#column + text.length;
  }

  #newline(indent: number): void {
    const spaces = Math.max(indent, 0);
    this.#out += "\n" + " ".repeat(spaces);
    this.#column = spaces;
  }

  /** Writes `value` whose container sits at column `indent`; the cursor is where it starts. */
  node(value: YamlValue, indent: number, context: Context): void {
    if (Array.isArray(value)) return this.#sequence(value as readonly YamlValue[], indent, context);
    if (value !== null && typeof value === "object")
      return this.#mapping(value as Record<string, YamlValue | undefined>, indent, context);
    if (context === "mapping-value") this.text(" ");
    this.#scalar(value as string | number | boolean | null, indent + 2);
    if (context === "document") this.textWithBreaks("\n");
  }

  #mapping(map: Record<string, YamlValue | undefined>, indent: number, context: Context): void {
    const keys = Object.keys(map)
      .filter((key) => map[key] !== undefined)
      .sort(compareYamlKeys);
    if (keys.length === 0) {
      this.text(context === "mapping-value" ? " {}" : "{}");
      if (context === "document") this.textWithBreaks("\n");
      return;
    }
    const childIndent = indent + 2;
    keys.forEach((key, index) => {
      // The first key of a mapping that is a sequence item shares the "- " line.
      if (!(index === 0 && context === "sequence-item")) {
        if (context === "mapping-value" || index > 0) this.#newline(childIndent);
      }
      this.#scalar(key, childIndent + 2, true);
      this.text(":");
      this.node(map[key] as YamlValue, childIndent, "mapping-value");
    });
    if (context === "document") this.textWithBreaks("\n");
  }

  #sequence(items: readonly YamlValue[], indent: number, context: Context): void {
    if (items.length === 0) {
      this.text(context === "mapping-value" ? " []" : "[]");
      if (context === "document") this.textWithBreaks("\n");
      return;
    }
    // Sequences under a mapping key are not indented (go-yaml's "indentless" sequences).
    const itemIndent = context === "mapping-value" ? indent : indent + 2;
    items.forEach((item, index) => {
      if (!(index === 0 && context === "sequence-item")) {
        if (context === "mapping-value" || index > 0) this.#newline(itemIndent);
      }
      this.text("- ");
      this.node(item, itemIndent, "sequence-item");
    });
    if (context === "document") this.textWithBreaks("\n");
  }

  #scalar(value: string | number | boolean | null, continuationIndent: number, simpleKey = false): void {
    if (value === null) return this.text("null");
    if (typeof value === "boolean") return this.text(String(value));
    if (typeof value === "number") return this.text(formatNumber(value));
    // Fast path for identifiers and paths: plain, nothing to fold, nothing to escape.
    if (simpleToken.test(value) && !resolvesToNonString(value)) return this.text(value);
    const style = chooseStringStyle(value, simpleKey);
    if (style === "plain") return this.#plain(value, continuationIndent, !simpleKey);
    if (style === "single") return this.#quoted(value, continuationIndent, !simpleKey, "'");
    if (style === "double") return this.#quoted(value, continuationIndent, !simpleKey, '"');
    return this.#literal(value, continuationIndent);
  }

  /** A plain scalar, folded at the first space past column 80 (libyaml's rule), word by word. */
  #plain(value: string, indent: number, allowBreaks: boolean): void {
    if (!allowBreaks || this.#column + value.length <= bestWidth || !value.includes(" ")) return this.text(value);
    let out = "";
    let segmentStart = 0;
    let lineColumn = this.#column;
    for (let space = value.indexOf(" "); space !== -1; space = value.indexOf(" ", space + 1)) {
      const column = lineColumn + (space - segmentStart);
      if (value[space - 1] !== " " && column > bestWidth && value[space + 1] !== " " && space + 1 < value.length) {
        out += value.slice(segmentStart, space) + "\n" + " ".repeat(indent);
        segmentStart = space + 1;
        lineColumn = indent;
      }
    }
    this.textWithBreaks(out + value.slice(segmentStart));
  }

  /**
   * A quoted scalar, folded at spaces past column 80 as libyaml folds them. Single quotes only
   * double `'`; double quotes escape what is not printable and keep a leading space of a
   * continuation line with a backslash.
   */
  #quoted(value: string, indent: number, allowBreaks: boolean, quote: "'" | '"'): void {
    const chars = Array.from(value);
    let spaces = false;
    let line: string = quote;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] as string;
      const code = ch.codePointAt(0) ?? 0;
      if (quote === '"' && needsEscape(ch, code)) {
        line += escapeDoubleQuoted(ch, code);
        spaces = false;
      } else if (ch === " ") {
        const fold =
          allowBreaks && !spaces && this.#column + line.length > bestWidth && i !== 0 && i !== chars.length - 1;
        if (fold && (quote === '"' || chars[i + 1] !== " ")) {
          this.text(line);
          line = quote === '"' && chars[i + 1] === " " ? "\\" : "";
          this.#newline(indent);
        } else line += ch;
        spaces = true;
      } else {
        line += quote === "'" && ch === "'" ? "''" : ch;
        spaces = false;
      }
    }
    this.text(line + quote);
  }

  #literal(value: string, indent: number): void {
    let header = "|";
    if (value.startsWith(" ") || value.startsWith("\n")) header += "2";
    if (!value.endsWith("\n")) header += "-";
    else if (value.length === 1 || value.endsWith("\n\n")) header += "+";
    this.text(header);
    const lines = value.endsWith("\n") ? value.slice(0, -1).split("\n") : value.split("\n");
    for (const line of lines) {
      if (line === "") this.textWithBreaks("\n");
      else {
        this.#newline(indent);
        this.text(line);
      }
    }
    if (value.endsWith("\n")) {
      // the final break belongs to the scalar; the writer's own newline follows
    }
  }
}

function needsEscape(ch: string, code: number): boolean {
  return (
    !isPrintable(ch) ||
    code === 0xfeff ||
    ch === "\n" ||
    ch === "\r" ||
    ch === '"' ||
    ch === "\\" ||
    code === 0x85 ||
    code === 0x2028 ||
    code === 0x2029
  );
}

function escapeDoubleQuoted(ch: string, code: number): string {
  switch (ch) {
    case "\0":
      return "\\0";
    case "\x07":
      return "\\a";
    case "\b":
      return "\\b";
    case "\t":
      return "\\t";
    case "\n":
      return "\\n";
    case "\x0b":
      return "\\v";
    case "\f":
      return "\\f";
    case "\r":
      return "\\r";
    case "\x1b":
      return "\\e";
    case '"':
      return '\\"';
    case "\\":
      return "\\\\";
  }
  if (code === 0x85) return "\\N";
  if (code === 0xa0) return "\\_";
  if (code === 0x2028) return "\\L";
  if (code === 0x2029) return "\\P";
  if (code <= 0xff) return "\\x" + code.toString(16).toUpperCase().padStart(2, "0");
  if (code <= 0xffff) return "\\u" + code.toString(16).toUpperCase().padStart(4, "0");
  return "\\U" + code.toString(16).toUpperCase().padStart(8, "0");
}
