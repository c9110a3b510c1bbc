/**
 * The syntax errors Go's encoding/json reports, for bodies and tokens kube-apiserver decodes with
 * it: a byte-at-a-time scanner with the same states, so the first bad byte and the words around
 * it ("invalid character 'x' after object key") come out as kube-apiserver's messages do.
 */

type Step = (scanner: Scanner, c: number) => void;

const PARSE_OBJECT_KEY = 0;
const PARSE_OBJECT_VALUE = 1;
const PARSE_ARRAY_VALUE = 2;
const MAX_NESTING_DEPTH = 10_000;

class Scanner {
  step: Step = beginValue;
  readonly parseState: number[] = [];
  endTop = false;
  error: string | undefined;

  fail(c: number, context: string): void {
    this.step = () => undefined;
    this.error ??= `invalid character ${quoteChar(c)} ${context}`;
  }

  push(c: number, state: number): void {
    this.parseState.push(state);
    if (this.parseState.length > MAX_NESTING_DEPTH) this.fail(c, "exceeded max depth");
  }

  pop(): void {
    this.parseState.pop();
    if (this.parseState.length === 0) {
      this.step = endTop;
      this.endTop = true;
    } else this.step = endValue;
  }
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
const ch = (text: string): number => text.charCodeAt(0);

/** Go's quoteChar: the byte as strconv.Quote shows the rune of the same value, in single quotes. */
export function quoteChar(c: number): string {
  if (c === ch("'")) return `'\\''`;
  if (c === ch('"')) return `'"'`;
  const escapes: Record<number, string> = { 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r", 0x5c: "\\\\" };
  const escaped = escapes[c];
  if (escaped) return `'${escaped}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, "0")}'`;
  // U+0080..U+00A0 and the soft hyphen are not printable in Go's unicode tables.
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) return `'\\u${c.toString(16).padStart(4, "0")}'`;
  return `'${String.fromCharCode(c)}'`;
}

function beginValueOrEmpty(s: Scanner, c: number): void {
  if (isSpace(c)) return;
  if (c === ch("]")) return endValue(s, c);
  beginValue(s, c);
}

function beginValue(s: Scanner, c: number): void {
  if (isSpace(c)) return;
  if (c === ch("{")) {
    s.step = beginStringOrEmpty;
    return s.push(c, PARSE_OBJECT_KEY);
  }
  if (c === ch("[")) {
    s.step = beginValueOrEmpty;
    return s.push(c, PARSE_ARRAY_VALUE);
  }
  const next: Record<number, Step> = { [ch('"')]: inString, [ch("-")]: negative, [ch("0")]: zero, [ch("t")]: literal("true"), [ch("f")]: literal("false"), [ch("n")]: literal("null") };
  const step = next[c] ?? (isDigit(c) ? nonZero : undefined);
  if (step) s.step = step;
  else s.fail(c, "looking for beginning of value");
}

function beginStringOrEmpty(s: Scanner, c: number): void {
  if (isSpace(c)) return;
  if (c === ch("}")) {
    s.parseState[s.parseState.length - 1] = PARSE_OBJECT_VALUE;
    return endValue(s, c);
  }
  beginString(s, c);
}

function beginString(s: Scanner, c: number): void {
  if (isSpace(c)) return;
  if (c === ch('"')) s.step = inString;
  else s.fail(c, "looking for beginning of object key string");
}

function endValue(s: Scanner, c: number): void {
  const depth = s.parseState.length;
  if (depth === 0) {
    s.step = endTop;
    s.endTop = true;
    return endTop(s, c);
  }
  if (isSpace(c)) {
    s.step = endValue;
    return;
  }
  const state = s.parseState[depth - 1];
  if (state === PARSE_OBJECT_KEY) {
    if (c !== ch(":")) return s.fail(c, "after object key");
    s.parseState[depth - 1] = PARSE_OBJECT_VALUE;
    s.step = beginValue;
  } else if (state === PARSE_OBJECT_VALUE) {
    if (c === ch(",")) {
      s.parseState[depth - 1] = PARSE_OBJECT_KEY;
      s.step = beginString;
    } else if (c === ch("}")) s.pop();
    else s.fail(c, "after object key:value pair");
  } else if (c === ch(",")) s.step = beginValue;
  else if (c === ch("]")) s.pop();
  else s.fail(c, "after array element");
}

function endTop(s: Scanner, c: number): void {
  if (!isSpace(c)) s.fail(c, "after top-level value");
}

function inString(s: Scanner, c: number): void {
  if (c === ch('"')) s.step = endValue;
  else if (c === ch("\\")) s.step = inStringEscape;
  else if (c < 0x20) s.fail(c, "in string literal");
}

function inStringEscape(s: Scanner, c: number): void {
  if ('bfnrt\\/"'.includes(String.fromCharCode(c))) s.step = inString;
  else if (c === ch("u")) s.step = unicodeEscape(4);
  else s.fail(c, "in string escape code");
}

function unicodeEscape(remaining: number): Step {
  return (s, c) => {
    if (!isHex(c)) return s.fail(c, "in \\u hexadecimal character escape");
    s.step = remaining > 1 ? unicodeEscape(remaining - 1) : inString;
  };
}

function negative(s: Scanner, c: number): void {
  if (c === ch("0")) s.step = zero;
  else if (isDigit(c)) s.step = nonZero;
  else s.fail(c, "in numeric literal");
}

function nonZero(s: Scanner, c: number): void {
  if (isDigit(c)) return;
  zero(s, c);
}

function zero(s: Scanner, c: number): void {
  if (c === ch(".")) s.step = dot;
  else if (c === ch("e") || c === ch("E")) s.step = exponent;
  else endValue(s, c);
}

function dot(s: Scanner, c: number): void {
  if (isDigit(c)) s.step = fraction;
  else s.fail(c, "after decimal point in numeric literal");
}

function fraction(s: Scanner, c: number): void {
  if (isDigit(c)) return;
  if (c === ch("e") || c === ch("E")) s.step = exponent;
  else endValue(s, c);
}

function exponent(s: Scanner, c: number): void {
  if (c === ch("+") || c === ch("-")) s.step = exponentSign;
  else exponentSign(s, c);
}

function exponentSign(s: Scanner, c: number): void {
  if (isDigit(c)) s.step = exponentDigits;
  else s.fail(c, "in exponent of numeric literal");
}

function exponentDigits(s: Scanner, c: number): void {
  if (!isDigit(c)) endValue(s, c);
}

/** The states after the first letter of `true`, `false` or `null`. */
function literal(word: string, index = 1): Step {
  return (s, c) => {
    const expected = word.charCodeAt(index);
    if (c !== expected) return s.fail(c, `in literal ${word} (expecting '${word[index]}')`);
    s.step = index + 1 < word.length ? literal(word, index + 1) : endValue;
  };
}

/** Go's `json: ...` syntax error text for `data`, or undefined when it is valid JSON. */
export function goJsonSyntaxError(data: Uint8Array): string | undefined {
  const scanner = new Scanner();
  for (const byte of data) {
    scanner.step(scanner, byte);
    if (scanner.error) return scanner.error;
  }
  if (scanner.endTop) return undefined;
  scanner.step(scanner, 0x20);
  if (scanner.endTop) return scanner.error;
  return scanner.error ?? "unexpected end of JSON input";
}

/** The Go types a struct field can have here. */
export type GoFieldType = "string" | "int64";

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** Top-level members of a syntactically valid JSON object, with each value's source text. */
function objectMembers(text: string): [string, string][] {
  const members: [string, string][] = [];
  let index = 1;
  const skipSpace = (): void => {
    while (index < text.length && " \t\r\n".includes(text[index] ?? "")) index++;
  };
  const valueEnd = (start: number): number => {
    let depth = 0;
    let position = start;
    for (; position < text.length; position++) {
      const c = text[position];
      if (c === '"') {
        for (position++; text[position] !== '"'; position++) if (text[position] === "\\") position++;
        if (depth === 0) return position + 1;
      } else if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") {
        if (depth === 0) return position;
        if (--depth === 0) return position + 1;
      } else if (depth === 0 && (c === "," || " \t\r\n".includes(c ?? ""))) return position;
    }
    return position;
  };
  for (;;) {
    skipSpace();
    if (text[index] === "}") return members;
    const keyEnd = valueEnd(index);
    const key = JSON.parse(text.slice(index, keyEnd)) as string;
    index = keyEnd;
    skipSpace();
    index++; // ':'
    skipSpace();
    const end = valueEnd(index);
    members.push([key, text.slice(index, end)]);
    index = end;
    skipSpace();
    if (text[index] === ",") index++;
  }
}

function jsonKindOf(source: string): string {
  const first = source[0];
  if (first === "{") return "object";
  if (first === "[") return "array";
  if (first === '"') return "string";
  if (first === "t" || first === "f") return "bool";
  return "number";
}

/**
 * Decodes JSON into a Go struct of string and int64 fields as encoding/json.Unmarshal does:
 * syntax errors first, then keys matched exactly or case-insensitively, nulls and unknown keys
 * ignored, and the first type mismatch reported with Go's wording once the whole value is read.
 * @param goType the struct's qualified type name (`storage.continueToken`)
 */
export function goUnmarshalStruct(
  data: Uint8Array,
  goType: string,
  fields: Readonly<Record<string, GoFieldType>>,
): { value: Record<string, string | bigint>; error: string | undefined } {
  const syntax = goJsonSyntaxError(data);
  if (syntax) return { value: {}, error: syntax };
  const text = Buffer.from(data).toString("utf8").trim();
  const value: Record<string, string | bigint> = {};
  if (text === "null") return { value, error: undefined };
  if (!text.startsWith("{")) return { value, error: `json: cannot unmarshal ${jsonKindOf(text)} into Go value of type ${goType}` };
  const structName = goType.slice(goType.lastIndexOf(".") + 1);
  let error: string | undefined;
  const names = Object.keys(fields);
  for (const [key, source] of objectMembers(text)) {
    const name = names.find((candidate) => candidate === key) ?? names.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
    if (name === undefined || source === "null") continue;
    const type = fields[name];
    const kind = jsonKindOf(source);
    const mismatch = (what: string): void => {
      error ??= `json: cannot unmarshal ${what} into Go struct field ${structName}.${name} of type ${type}`;
    };
    if (type === "string") {
      if (kind === "string") value[name] = JSON.parse(source) as string;
      else mismatch(kind);
    } else if (kind !== "number") mismatch(kind);
    else if (!/^-?\d+$/.test(source) || BigInt(source) > INT64_MAX || BigInt(source) < INT64_MIN) mismatch(`number ${source}`);
    else value[name] = BigInt(source);
  }
  return { value, error };
}
