/**
 * A YAML writer with controller-gen's layout: block style, keys sorted the way go-yaml v2 sorts
 * them, two-space indentation, sequences not indented under their key, long plain scalars folded
 * after column 80, multi-line strings as `|-` blocks, empty collections as `{}` and `[]`.
 *
 * controller-gen marshals through sigs.k8s.io/yaml (JSON → go-yaml v2), so every map's keys come
 * out sorted; we sort the same way here instead of trusting insertion order.
 */
import { chooseStringStyle, isPrintable } from "./scalar_style.js";

const bestWidth = 80;

/** A JSON-like value: what the writer accepts. `undefined` members of objects are skipped. */
export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

/** Writes one YAML document for `value`, starting with `---` as controller-gen's files do. */
export function toYamlDocument(value: YamlValue): string {
  const out = new Writer();
  out.text("---\n");
  out.node(value, -2, "document");
  return out.result();
}

/** go-yaml v2's key order: letters compare as runes, digits runs as numbers, non-letters first. */
export function compareYamlKeys(a: string, b: string): number {
  const ar = Array.from(a), br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] as string, bc = br[i] as string;
    if (ac === bc) continue;
    const al = isLetter(ac), bl = isLetter(bc);
    if (al && bl) return (ac.codePointAt(0) ?? 0) - (bc.codePointAt(0) ?? 0);
    if (al || bl) return bl ? -1 : 1;
    let an = 0, bn = 0;
    if (ac === "0" || bc === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i, bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an - bn;
    if (ai !== bi) return ai - bi;
    return (ac.codePointAt(0) ?? 0) - (bc.codePointAt(0) ?? 0);
  }
  return ar.length - br.length;
}

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
  private chunks: string[] = [];
  private column = 0;

  result(): string {
    return this.chunks.join("");
  }

  text(text: string): void {
    this.chunks.push(text);
    const lastBreak = text.lastIndexOf("\n");
    this.column = lastBreak >= 0 ? text.length - lastBreak - 1 : this.column + text.length;
  }

  private newline(indent: number): void {
    this.text("\n" + " ".repeat(Math.max(indent, 0)));
  }

  /** Writes `value` whose container sits at column `indent`; the cursor is where it starts. */
  node(value: YamlValue, indent: number, context: Context): void {
    if (Array.isArray(value)) return this.sequence(value as readonly YamlValue[], indent, context);
    if (value !== null && typeof value === "object") return this.mapping(value as Record<string, YamlValue | undefined>, indent, context);
    if (context === "mapping-value") this.text(" ");
    this.scalar(value as string | number | boolean | null, indent + 2);
    if (context === "document") this.text("\n");
  }

  private mapping(map: Record<string, YamlValue | undefined>, indent: number, context: Context): void {
    const keys = Object.keys(map)
      .filter((key) => map[key] !== undefined)
      .sort(compareYamlKeys);
    if (keys.length === 0) {
      this.text(context === "mapping-value" ? " {}" : "{}");
      if (context === "document") this.text("\n");
      return;
    }
    const childIndent = indent + 2;
    keys.forEach((key, index) => {
      // The first key of a mapping that is a sequence item shares the "- " line.
      if (!(index === 0 && context === "sequence-item")) {
        if (context === "mapping-value" || index > 0) this.newline(childIndent);
      }
      this.scalar(key, childIndent + 2, true);
      this.text(":");
      this.node(map[key] as YamlValue, childIndent, "mapping-value");
    });
    if (context === "document") this.text("\n");
  }

  private sequence(items: readonly YamlValue[], indent: number, context: Context): void {
    if (items.length === 0) {
      this.text(context === "mapping-value" ? " []" : "[]");
      if (context === "document") this.text("\n");
      return;
    }
    // Sequences under a mapping key are not indented (go-yaml's "indentless" sequences).
    const itemIndent = context === "mapping-value" ? indent : indent + 2;
    items.forEach((item, index) => {
      if (!(index === 0 && context === "sequence-item")) {
        if (context === "mapping-value" || index > 0) this.newline(itemIndent);
      }
      this.text("- ");
      this.node(item, itemIndent, "sequence-item");
    });
    if (context === "document") this.text("\n");
  }

  private scalar(value: string | number | boolean | null, continuationIndent: number, simpleKey = false): void {
    if (value === null) return this.text("null");
    if (typeof value === "boolean") return this.text(String(value));
    if (typeof value === "number") return this.text(formatNumber(value));
    const style = chooseStringStyle(value, simpleKey);
    if (style === "plain") return this.plain(value, continuationIndent, !simpleKey);
    if (style === "single") return this.singleQuoted(value, continuationIndent, !simpleKey);
    if (style === "double") return this.doubleQuoted(value, continuationIndent, !simpleKey);
    return this.literal(value, continuationIndent);
  }

  private plain(value: string, indent: number, allowBreaks: boolean): void {
    const chars = Array.from(value);
    let spaces = false;
    let line = "";
    const flush = () => {
      this.text(line);
      line = "";
    };
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] as string;
      if (ch === " ") {
        if (allowBreaks && !spaces && this.column + line.length > bestWidth && chars[i + 1] !== " ") {
          flush();
          this.newline(indent);
        } else line += ch;
        spaces = true;
      } else {
        line += ch;
        spaces = false;
      }
    }
    flush();
  }

  private singleQuoted(value: string, indent: number, allowBreaks: boolean): void {
    const chars = Array.from(value);
    let spaces = false;
    let line = "'";
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] as string;
      if (ch === " ") {
        if (allowBreaks && !spaces && this.column + line.length > bestWidth && i !== 0 && i !== chars.length - 1 && chars[i + 1] !== " ") {
          this.text(line);
          line = "";
          this.newline(indent);
        } else line += ch;
        spaces = true;
      } else {
        line += ch === "'" ? "''" : ch;
        spaces = false;
      }
    }
    this.text(line + "'");
  }

  private doubleQuoted(value: string, indent: number, allowBreaks: boolean): void {
    const chars = Array.from(value);
    let spaces = false;
    let line = '"';
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] as string;
      const code = ch.codePointAt(0) ?? 0;
      if (!isPrintable(ch) || code === 0xfeff || ch === "\n" || ch === "\r" || ch === '"' || ch === "\\" || code === 0x85 || code === 0x2028 || code === 0x2029) {
        line += escapeDoubleQuoted(ch, code);
        spaces = false;
      } else if (ch === " ") {
        if (allowBreaks && !spaces && this.column + line.length > bestWidth && i !== 0 && i !== chars.length - 1) {
          this.text(line);
          line = "";
          this.newline(indent);
          if (chars[i + 1] === " ") line += "\\";
        } else line += ch;
        spaces = true;
      } else {
        line += ch;
        spaces = false;
      }
    }
    this.text(line + '"');
  }

  private literal(value: string, indent: number): void {
    let header = "|";
    if (value.startsWith(" ") || value.startsWith("\n")) header += "2";
    if (!value.endsWith("\n")) header += "-";
    else if (value.length === 1 || value.endsWith("\n\n")) header += "+";
    this.text(header);
    const lines = value.endsWith("\n") ? value.slice(0, -1).split("\n") : value.split("\n");
    for (const line of lines) {
      if (line === "") this.text("\n");
      else this.newline(indent), this.text(line);
    }
    if (value.endsWith("\n")) {
      // the final break belongs to the scalar; the writer's own newline follows
    }
  }
}

function escapeDoubleQuoted(ch: string, code: number): string {
  switch (ch) {
    case "\0": return "\\0";
    case "\x07": return "\\a";
    case "\b": return "\\b";
    case "\t": return "\\t";
    case "\n": return "\\n";
    case "\x0b": return "\\v";
    case "\f": return "\\f";
    case "\r": return "\\r";
    case "\x1b": return "\\e";
    case '"': return '\\"';
    case "\\": return "\\\\";
  }
  if (code === 0x85) return "\\N";
  if (code === 0xa0) return "\\_";
  if (code === 0x2028) return "\\L";
  if (code === 0x2029) return "\\P";
  if (code <= 0xff) return "\\x" + code.toString(16).toUpperCase().padStart(2, "0");
  if (code <= 0xffff) return "\\u" + code.toString(16).toUpperCase().padStart(4, "0");
  return "\\U" + code.toString(16).toUpperCase().padStart(8, "0");
}
