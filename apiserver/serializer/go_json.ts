/**
 * Go's encoding/json error wording, so that a malformed body gets the message kube-apiserver
 * gives: a byte-by-byte syntax check with the same states and texts as encoding/json's scanner
 * (the first error wins, as json.Unmarshal checks validity before decoding), and the JSON type
 * names of its UnmarshalTypeError.
 */

type Context = "object key" | "object value" | "array value";

/** encoding/json's scanner limit on nested arrays and objects, which bounds what a body can make the decoder do. */
export const maxNestingDepth = 10000;

/** Whether arrays and objects in `data` nest deeper than `limit` (strings skipped; validity not checked). */
export function nestsDeeperThan(data: Uint8Array, limit: number): boolean {
  let depth = 0;
  for (let index = 0; index < data.length; index += 1) {
    const c = data[index];
    if (c === 0x22) {
      for (index += 1; index < data.length && data[index] !== 0x22; index += 1) if (data[index] === 0x5c) index += 1;
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

const whitespace = new Set([0x20, 0x09, 0x0a, 0x0d]);

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

const namedEscapes: Record<number, string> = {
  0x07: "\\a",
  0x08: "\\b",
  0x0c: "\\f",
  0x0a: "\\n",
  0x0d: "\\r",
  0x09: "\\t",
  0x0b: "\\v",
  0x5c: "\\\\",
};

/** encoding/json quoteChar: a byte quoted as strconv.Quote would (bytes >= 0x80 read as Latin-1 runes), in single quotes. */
export function quoteGoChar(c: number): string {
  if (c === 0x27) return "'\\''";
  if (c === 0x22) return "'\"'";
  const named = namedEscapes[c];
  if (named) return `'${named}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, "0")}'`;
  // U+0080..U+00A0 and the soft hyphen are not printable runes for strconv.
  if ((c >= 0x80 && c <= 0xa0) || c === 0xad) return `'\\u00${c.toString(16).padStart(2, "0")}'`;
  return `'${String.fromCharCode(c)}'`;
}

/** The scanner's state: one step function per state, returning the next state or an error text. */
type Step = (c: number) => Step | string;

/** The Go syntax error text for `data`, or undefined when it is one valid JSON value. */
export function goJsonSyntaxError(data: Uint8Array): string | undefined {
  const stack: Context[] = [];
  let endTop = false;
  const invalid = (c: number, context: string): string => `invalid character ${quoteGoChar(c)} ${context}`;

  const endValue: Step = (c) => {
    const top = stack[stack.length - 1];
    if (top === undefined) return endTopLevel(c);
    if (whitespace.has(c)) return endValue;
    if (top === "object key") {
      if (c === 0x3a) {
        stack[stack.length - 1] = "object value";
        return beginValue;
      }
      return invalid(c, "after object key");
    }
    if (top === "object value") {
      if (c === 0x2c) {
        stack[stack.length - 1] = "object key";
        return beginString;
      }
      if (c === 0x7d) {
        stack.pop();
        return stack.length === 0 ? endTopLevel : endValue;
      }
      return invalid(c, "after object key:value pair");
    }
    if (c === 0x2c) return beginValue;
    if (c === 0x5d) {
      stack.pop();
      return stack.length === 0 ? endTopLevel : endValue;
    }
    return invalid(c, "after array element");
  };
  const endTopLevel: Step = (c) => {
    endTop = true;
    return whitespace.has(c) ? endTopLevel : invalid(c, "after top-level value");
  };
  const afterValue = (c: number): Step | string => (stack.length === 0 ? endTopLevel(c) : endValue(c));

  const literal =
    (word: string, index: number): Step =>
    (c) => {
      const expected = word.charCodeAt(index);
      if (c !== expected) return invalid(c, `in literal ${word} (expecting ${quoteGoChar(expected)})`);
      return index + 1 === word.length ? afterValueStep : literal(word, index + 1);
    };
  const afterValueStep: Step = (c) => afterValue(c);

  const inString: Step = (c) => {
    if (c === 0x22) return afterValueStep;
    if (c === 0x5c) return inStringEscape;
    if (c < 0x20) return invalid(c, "in string literal");
    return inString;
  };
  const inStringEscape: Step = (c) => {
    if ([0x62, 0x66, 0x6e, 0x72, 0x74, 0x5c, 0x2f, 0x22].includes(c)) return inString;
    if (c === 0x75) return unicodeEscape(0);
    return invalid(c, "in string escape code");
  };
  const unicodeEscape =
    (seen: number): Step =>
    (c) => {
      if (!isHex(c)) return invalid(c, "in \\u hexadecimal character escape");
      return seen === 3 ? inString : unicodeEscape(seen + 1);
    };

  const negative: Step = (c) => {
    if (c === 0x30) return zero;
    if (c >= 0x31 && c <= 0x39) return digits;
    return invalid(c, "in numeric literal");
  };
  const digits: Step = (c) => (isDigit(c) ? digits : zero(c));
  const zero: Step = (c) => {
    if (c === 0x2e) return dot;
    if (c === 0x65 || c === 0x45) return exponent;
    return afterValue(c);
  };
  const dot: Step = (c) => (isDigit(c) ? fraction : invalid(c, "after decimal point in numeric literal"));
  const fraction: Step = (c) => {
    if (isDigit(c)) return fraction;
    if (c === 0x65 || c === 0x45) return exponent;
    return afterValue(c);
  };
  const exponent: Step = (c) => (c === 0x2b || c === 0x2d ? exponentSign : exponentSign(c));
  const exponentSign: Step = (c) => (isDigit(c) ? exponentDigits : invalid(c, "in exponent of numeric literal"));
  const exponentDigits: Step = (c) => (isDigit(c) ? exponentDigits : afterValue(c));

  const beginValue: Step = (c) => {
    if (whitespace.has(c)) return beginValue;
    switch (c) {
      case 0x7b:
        stack.push("object key");
        return stack.length > maxNestingDepth ? invalid(c, "exceeded max depth") : beginStringOrEmpty;
      case 0x5b:
        stack.push("array value");
        return stack.length > maxNestingDepth ? invalid(c, "exceeded max depth") : beginValueOrEmpty;
      case 0x22:
        return inString;
      case 0x2d:
        return negative;
      case 0x30:
        return zero;
      case 0x74:
        return literal("true", 1);
      case 0x66:
        return literal("false", 1);
      case 0x6e:
        return literal("null", 1);
    }
    if (c >= 0x31 && c <= 0x39) return digits;
    return invalid(c, "looking for beginning of value");
  };
  const beginValueOrEmpty: Step = (c) => {
    if (whitespace.has(c)) return beginValueOrEmpty;
    if (c === 0x5d) return endValue(c);
    return beginValue(c);
  };
  const beginStringOrEmpty: Step = (c) => {
    if (whitespace.has(c)) return beginStringOrEmpty;
    if (c === 0x7d) {
      stack[stack.length - 1] = "object value";
      return endValue(c);
    }
    return beginString(c);
  };
  const beginString: Step = (c) => {
    if (whitespace.has(c)) return beginString;
    if (c === 0x22) return inString;
    return invalid(c, "looking for beginning of object key string");
  };

  let step: Step = beginValue;
  for (const c of data) {
    const next = step(c);
    if (typeof next === "string") return next;
    step = next;
  }
  if (endTop) return undefined;
  // At the end, the scanner steps once more with a space: a value that a space completes is valid,
  // and a literal cut short reports that space (`tru` is "invalid character ' ' in literal true").
  const last = step(0x20);
  if (typeof last === "string") return last;
  return endTop ? undefined : "unexpected end of JSON input";
}

/** The JSON type name encoding/json's UnmarshalTypeError uses for a decoded value. */
export function goJsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (value === null) return "null";
  switch (typeof value) {
    case "object":
      return "object";
    case "boolean":
      return "bool";
    case "number":
      return "number";
    default:
      return "string";
  }
}

/** A JSON document decoded as Go would: the value, or Go's syntax error text. */
export function parseGoJson(data: Uint8Array): { value: unknown } | { error: string } {
  // JSON.parse accepts exactly the grammar Go's scanner does and is many times faster, so the
  // byte-by-byte scan runs only to word the error of a body that does not parse.
  try {
    // JSON.parse has no depth limit; Go's scanner stops at maxNestingDepth, wherever that comes first.
    if (nestsDeeperThan(data, maxNestingDepth)) throw new SyntaxError("exceeded max depth");
    return { value: JSON.parse(Buffer.from(data).toString("utf8")) as unknown };
  } catch {
    return { error: goJsonSyntaxError(data) ?? "unexpected end of JSON input" };
  }
}
