/**
 * encoding/json.Unmarshal into a small Go struct, for tokens kube-apiserver decodes that way (the
 * list continue token): the same syntax check first, then Go's field matching and type-mismatch
 * wording.
 */
import { goJsonSyntaxError, goJsonTypeName } from "./go_json.js";
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
  if (!text.startsWith("{"))
    return {
      value,
      error: `json: cannot unmarshal ${goJsonTypeName(JSON.parse(text))} into Go value of type ${goType}`,
    };
  const structName = goType.slice(goType.lastIndexOf(".") + 1);
  let error: string | undefined;
  const names = Object.keys(fields);
  for (const [key, source] of objectMembers(text)) {
    const name =
      names.find((candidate) => candidate === key) ??
      names.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
    if (name === undefined || source === "null") continue;
    const type = fields[name];
    const decoded = JSON.parse(source) as unknown;
    const kind = goJsonTypeName(decoded);
    const mismatch = (what: string): void => {
      error ??= `json: cannot unmarshal ${what} into Go struct field ${structName}.${name} of type ${type}`;
    };
    if (type === "string") {
      if (typeof decoded === "string") value[name] = decoded;
      else mismatch(kind);
    } else if (kind !== "number") mismatch(kind);
    else if (!/^-?\d+$/.test(source) || BigInt(source) > INT64_MAX || BigInt(source) < INT64_MIN)
      mismatch(`number ${source}`);
    else value[name] = BigInt(source);
  }
  return { value, error };
}
