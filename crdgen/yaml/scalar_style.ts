/**
 * How go-yaml v2 (through sigs.k8s.io/yaml, which controller-gen uses) decides the style of a
 * string scalar: plain, single-quoted, double-quoted or literal block. Reproducing the decision is
 * what makes our YAML byte-identical to controller-gen's, which js-yaml's own choices are not.
 */

export type ScalarStyle = "plain" | "single" | "double" | "literal";

const booleanWords = new Set(
  "y Y yes Yes YES on On ON n N no No NO off Off OFF true True TRUE false False FALSE".split(" "),
);
const nullWords = new Set(["", "~", "null", "Null", "NULL"]);
const specialFloats = new Set(".inf .Inf .INF +.inf +.Inf +.INF -.inf -.Inf -.INF .nan .NaN .NAN".split(" "));
// strconv.ParseInt(s, 0, 64): optional sign, base prefix, digits with single underscores.
const goInteger = /^[+-]?(0[xX](_?[0-9a-fA-F])+|0[bB](_?[01])+|0[oO](_?[0-7])+|0(_?[0-7])*|[1-9](_?[0-9])*)$/;
// strconv.ParseFloat accepts decimal and hexadecimal floats with exponents.
const goFloat =
  /^[+-]?((\d(_?\d)*)?\.?\d(_?\d)*([eE][+-]?\d+)?|\d(_?\d)*\.([eE][+-]?\d+)?|0[xX][0-9a-fA-F_.]+[pP][+-]?\d+)$/;
const timestamp = /^\d{4}-\d{1,2}-\d{1,2}(([Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(\.\d*)?([ \t]*(Z|[+-]\d{1,2}(:\d{2})?))?)?$/;
const base60Float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** True when go-yaml would read the plain scalar `text` as something other than a string. */
export function resolvesToNonString(text: string): boolean {
  if (nullWords.has(text) || booleanWords.has(text) || text === "<<") return true;
  const first = text[0] ?? "";
  if (!/[-+.0-9]/.test(first)) return false;
  if (specialFloats.has(text)) return true;
  if (goInteger.test(text) || goFloat.test(text)) return true;
  return timestamp.test(text) || base60Float.test(text);
}

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const isBreak = (ch: string | undefined) =>
  ch === "\n" || ch === "\r" || ch === "\u0085" || ch === "\u2028" || ch === "\u2029";
const isSpace = (ch: string | undefined) => ch === " ";
const isBlankOrEnd = (ch: string | undefined) => ch === undefined || ch === " " || ch === "\t" || isBreak(ch);

/** Whether `ch` is printable in libyaml's sense (tabs and control characters are not). */
export function isPrintable(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x85 ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** yaml_emitter_analyze_scalar, restricted to what block context needs. */
function analyze(value: string): ScalarAnalysis {
  if (value.length === 0) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  const chars = Array.from(value);
  let blockIndicators = value.startsWith("---") || value.startsWith("...");
  let leadingSpace = false,
    leadingBreak = false,
    trailingSpace = false,
    trailingBreak = false;
  let breakSpace = false,
    spaceBreak = false,
    previousSpace = false,
    previousBreak = false;
  let lineBreaks = false,
    specialCharacters = false;
  let precededByWhitespace = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const followedByWhitespace = isBlankOrEnd(chars[i + 1]);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) blockIndicators = true;
      if ((ch === "?" || ch === ":") && followedByWhitespace) blockIndicators = true;
      if (ch === "-" && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ":" && followedByWhitespace) blockIndicators = true;
      if (ch === "#" && precededByWhitespace) blockIndicators = true;
    }
    if (!isPrintable(ch)) specialCharacters = true;
    if (isBreak(ch)) lineBreaks = true;
    if (isSpace(ch)) {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(ch);
  }
  const analysis: ScalarAnalysis = {
    multiline: lineBreaks,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) analysis.blockPlainAllowed = false;
  if (trailingSpace) analysis.blockAllowed = false;
  if (breakSpace) {
    analysis.blockPlainAllowed = false;
    analysis.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    analysis.blockPlainAllowed = false;
    analysis.singleQuotedAllowed = false;
    analysis.blockAllowed = false;
  }
  if (lineBreaks || blockIndicators) analysis.blockPlainAllowed = false;
  return analysis;
}

/**
 * The style go-yaml emits `value` in, as a mapping value or sequence item (`simpleKey` false) or
 * as a mapping key (`simpleKey` true).
 */
export function chooseStringStyle(value: string, simpleKey: boolean): ScalarStyle {
  // Descriptions and names recur across fields and kinds; the choice depends only on them.
  const cache = simpleKey ? keyStyles : valueStyles;
  let style = cache.get(value);
  if (style === undefined) {
    if (cache.size > 50_000) cache.clear();
    cache.set(value, (style = chooseUncached(value, simpleKey)));
  }
  return style;
}

const keyStyles = new Map<string, ScalarStyle>();
const valueStyles = new Map<string, ScalarStyle>();

function chooseUncached(value: string, simpleKey: boolean): ScalarStyle {
  // encoder: strings that contain a newline ask for literal, strings that would read back as
  // another type ask for double quotes, everything else asks for plain.
  let style: ScalarStyle = value.includes("\n") ? "literal" : resolvesToNonString(value) ? "double" : "plain";
  const analysis = analyze(value);
  if (style === "plain") {
    if (!analysis.blockPlainAllowed || (value.length === 0 && simpleKey) || (simpleKey && analysis.multiline))
      style = "single";
  }
  if (style === "literal") {
    if (!analysis.blockAllowed || simpleKey) style = "double";
  }
  if (style === "single" && (!analysis.singleQuotedAllowed || (simpleKey && analysis.multiline))) style = "double";
  return style;
}
