/**
 * Marker argument types and controller-gen's argument grammar.
 *
 * `+name=value` (one anonymous argument) or `+name:field=value,field=value`. A value is a bare
 * token, a quoted string ("…" with Go escapes, or `…` raw), a list `{a,b}` or `a;b`, a map
 * `{key: value}`, or for the `any` type whatever controller-gen's guess makes of it
 * (number, bool, list, map, then string). The grammar knows no marker names.
 */

/** The type of one marker argument, mirroring controller-gen's ArgumentType. */
export type ArgumentType =
  | { kind: "string" | "int" | "number" | "bool" | "any" | "json" | "raw" }
  | { kind: "list"; item: ArgumentType }
  | { kind: "map"; item: ArgumentType };

/** A parsed argument value: what JSON can hold. */
export type ArgumentValue = string | number | boolean | null | ArgumentValue[] | { [key: string]: ArgumentValue };

/** Thrown inside the parser only; turned into a diagnostic by the caller. */
export class ArgumentSyntaxError extends Error {
  override name = "ArgumentSyntaxError";
}

/** A cursor over the argument text of one marker. */
export class ArgumentScanner {
  readonly text: string;
  offset: number;

  constructor(text: string, offset = 0) {
    this.text = text;
    this.offset = offset;
  }

  skipSpaces(): void {
    while (this.offset < this.text.length && /\s/.test(this.text[this.offset] as string)) this.offset++;
  }

  /** The next non-space character, or "" at the end. */
  peek(): string {
    this.skipSpaces();
    return this.text[this.offset] ?? "";
  }

  expect(char: string, what: string): void {
    if (this.peek() !== char) {
      throw new ArgumentSyntaxError(`expected ${what} at "${this.text.slice(this.offset) || "end of marker"}"`);
    }
    this.offset++;
  }

  atEnd(): boolean {
    return this.peek() === "";
  }
}

/** Parses one value of type `type` at the scanner's position. */
export function parseArgument(scanner: ArgumentScanner, type: ArgumentType, inList = false): ArgumentValue {
  switch (type.kind) {
    case "raw": {
      const rest = scanner.text.slice(scanner.offset);
      scanner.offset = scanner.text.length;
      return rest;
    }
    case "json": {
      const rest = scanner.text.slice(scanner.offset).trim();
      scanner.offset = scanner.text.length;
      // Kubernetes' `+default=ref(Constant)`: no value here (controller-gen ignores it too)
      if (/^ref\(.*\)$/.test(rest)) return null;
      try {
        return JSON.parse(rest) as ArgumentValue;
      } catch {
        throw new ArgumentSyntaxError(`expected a JSON value, got ${JSON.stringify(rest)}`);
      }
    }
    case "string":
      return parseString(scanner, false);
    case "int":
    case "number":
      return parseNumber(scanner, type.kind);
    case "bool": {
      const word = parseBareToken(scanner, false);
      if (word === "true") return true;
      if (word === "false") return false;
      throw new ArgumentSyntaxError(`expected true or false, got ${JSON.stringify(word)}`);
    }
    case "list":
      return parseList(scanner, type.item);
    case "map":
      return parseMap(scanner, type.item);
    case "any":
      return parseArgument(scanner, guessType(scanner, !inList), inList);
  }
}

function parseNumber(scanner: ArgumentScanner, kind: "int" | "number"): number {
  const token = parseBareToken(scanner, false);
  const pattern = kind === "int" ? /^-?\d+$/ : /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  if (!pattern.test(token)) {
    throw new ArgumentSyntaxError(
      `expected ${kind === "int" ? "an integer" : "a number"}, got ${JSON.stringify(token)}`,
    );
  }
  return Number(token);
}

/** A bare token: everything up to the next `,` `;` `}` (and `:` inside map keys), trimmed. */
function parseBareToken(scanner: ArgumentScanner, inMapKey: boolean): string {
  scanner.skipSpaces();
  const start = scanner.offset;
  let end = start;
  while (scanner.offset < scanner.text.length) {
    const char = scanner.text[scanner.offset] as string;
    if (char === "," || char === ";" || char === "}" || (inMapKey && char === ":")) break;
    if (char === '"' || char === "`") {
      // quoted runs inside bare tokens (JSONPath filters) are kept verbatim
      skipQuoted(scanner);
      end = scanner.offset;
      continue;
    }
    scanner.offset++;
    if (!/\s/.test(char)) end = scanner.offset;
  }
  scanner.offset = Math.max(scanner.offset, end);
  return scanner.text.slice(start, end);
}

function skipQuoted(scanner: ArgumentScanner): void {
  const quote = scanner.text[scanner.offset];
  scanner.offset++;
  while (scanner.offset < scanner.text.length && scanner.text[scanner.offset] !== quote) {
    if (quote === '"' && scanner.text[scanner.offset] === "\\") scanner.offset++;
    scanner.offset++;
  }
  if (scanner.offset >= scanner.text.length) throw new ArgumentSyntaxError("unterminated quoted string");
  scanner.offset++;
}

function parseString(scanner: ArgumentScanner, inMapKey: boolean): string {
  const first = scanner.peek();
  if (first === '"' || first === "`" || first === "'") {
    const start = scanner.offset;
    skipQuoted(scanner);
    const quoted = scanner.text.slice(start, scanner.offset);
    if (first === "`") return quoted.slice(1, -1);
    if (first === "'") return quoted.slice(1, -1);
    try {
      return JSON.parse(
        quoted.replace(/\\([abfv])/g, (_m, c: string) => ({ a: "\\u0007", b: "\\b", f: "\\f", v: "\\u000b" })[c] ?? c),
      ) as string;
    } catch {
      throw new ArgumentSyntaxError(`invalid quoted string ${quoted}`);
    }
  }
  return parseBareToken(scanner, inMapKey);
}

function parseList(scanner: ArgumentScanner, item: ArgumentType): ArgumentValue[] {
  const values: ArgumentValue[] = [];
  if (scanner.peek() === "{") {
    scanner.offset++;
    while (scanner.peek() !== "}" && !scanner.atEnd()) {
      values.push(parseArgument(scanner, item, true));
      if (scanner.peek() === "}") break;
      scanner.expect(",", "a comma or a closing brace");
    }
    scanner.expect("}", "a closing brace");
    return values;
  }
  // legacy form: a;b;c
  while (!["", ",", "}"].includes(scanner.peek())) {
    values.push(parseArgument(scanner, item, true));
    const next = scanner.peek();
    if (next === "," || next === "}" || next === "") break;
    scanner.expect(";", "a semicolon");
  }
  return values;
}

function parseMap(scanner: ArgumentScanner, item: ArgumentType): { [key: string]: ArgumentValue } {
  const result: { [key: string]: ArgumentValue } = {};
  scanner.expect("{", "an opening brace");
  while (scanner.peek() !== "}" && !scanner.atEnd()) {
    const key = parseString(scanner, true);
    scanner.expect(":", "a colon");
    result[key] = parseArgument(scanner, item, false);
    if (scanner.peek() === "}") break;
    scanner.expect(",", "a comma or a closing brace");
  }
  scanner.expect("}", "a closing brace");
  return result;
}

/** controller-gen's guessType: quoted → string, `{` → map or list, true/false, numbers, else string. */
function guessType(scanner: ArgumentScanner, allowList: boolean): ArgumentType {
  const rest = scanner.text.slice(scanner.offset).trimStart();
  const first = rest[0] ?? "";
  if (first === '"' || first === "'" || first === "`")
    return allowList && hasLegacySeparator(scanner) ? { kind: "list", item: { kind: "string" } } : { kind: "string" };
  if (first === "{") {
    const probe = new ArgumentScanner(rest, 1);
    if (probe.peek() === "}") return { kind: "map", item: { kind: "any" } };
    const itemType = guessType(probe, false);
    if (itemType.kind === "string") {
      try {
        parseString(probe, true);
        if (probe.peek() === ":") return { kind: "map", item: { kind: "any" } };
      } catch {
        // not a map key; fall through to a list
      }
    }
    return { kind: "list", item: itemType };
  }
  let scalar: ArgumentType = { kind: "string" };
  const token = new ArgumentScanner(rest);
  const word = parseBareToken(token, false);
  if (word === "true" || word === "false") scalar = { kind: "bool" };
  else if (/^-?\d+$/.test(word)) scalar = { kind: "int" };
  else if (/^-?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$/.test(word)) scalar = { kind: "number" };
  if (allowList && token.peek() === ";") return { kind: "list", item: scalar };
  return scalar;
}

function hasLegacySeparator(scanner: ArgumentScanner): boolean {
  const probe = new ArgumentScanner(scanner.text, scanner.offset);
  parseString(probe, false);
  return probe.peek() === ";";
}

/** A one-line description of an argument type, for help and error messages. */
export function describeArgumentType(type: ArgumentType): string {
  switch (type.kind) {
    case "list":
      return `${describeArgumentType(type.item)} list ({a,b} or a;b)`;
    case "map":
      return `map of ${describeArgumentType(type.item)}`;
    case "json":
      return "JSON value";
    case "raw":
      return "text";
    case "any":
      return "value";
    case "int":
      return "integer";
    default:
      return type.kind;
  }
}
