/**
 * JSON values as go-yaml v3 marshals a yaml.Node decoded from JSON with its styles cleared (what
 * gnostic stores in an OpenAPI `Any`): block style, two-space indentation, sequences of mappings
 * with the first key on the dash line, strings plain unless plain would read as something else.
 */

/** Strings go-yaml would resolve to another type or cannot write plain. */
function needsQuotes(text: string): boolean {
  if (text === "") return true;
  if (/^(?:true|false|null|~|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN)$/i.test(text)) return true;
  if (/^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/.test(text)) return true;
  if (/^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$/.test(text) && /[0-9]/.test(text)) return true;
  if (/^0[xob]/i.test(text)) return true;
  if (/^[\s]|[\s]$/.test(text)) return true;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) && !/^[-?:][^\s]/.test(text)) return true;
  if (/^[,[\]{}#&*!|>'"%@`]/.test(text)) return true;
  if (/: |:$| #|[\n\r\t]/.test(text)) return true;
  return false;
}

function scalar(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  const text = String(value);
  if (!needsQuotes(text)) return text;
  // go-yaml single-quotes what only its indicators spoil, and double-quotes the rest.
  if (
    /^[\x20-\x7e]*$/.test(text) &&
    !/^(?:true|false|null|~|yes|no|on|off|y|n)$/i.test(text) &&
    !/^[-+.0-9]/.test(text) &&
    text !== ""
  )
    return `'${text.replace(/'/g, "''")}'`;
  return JSON.stringify(text);
}

function isCollection(value: unknown): value is Record<string, unknown> | unknown[] {
  return (
    value !== null &&
    typeof value === "object" &&
    (Array.isArray(value) ? value.length > 0 : Object.keys(value).length > 0)
  );
}

function emptyCollection(value: unknown): string | undefined {
  if (Array.isArray(value) && value.length === 0) return "[]";
  if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0)
    return "{}";
  return undefined;
}

function lines(value: unknown, indent: string): string[] {
  const out: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isCollection(item)) {
        const [first = "", ...rest] = lines(item, `${indent}  `);
        out.push(`${indent}- ${first.slice(indent.length + 2)}`, ...rest);
      } else out.push(`${indent}- ${emptyCollection(item) ?? scalar(item)}`);
    }
    return out;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (isCollection(item)) out.push(`${indent}${scalar(key)}:`, ...lines(item, `${indent}  `));
    else out.push(`${indent}${scalar(key)}: ${emptyCollection(item) ?? scalar(item)}`);
  }
  return out;
}

/** The YAML document go-yaml writes for a JSON value, with its final line break. */
export function goYamlOfJson(value: unknown): string {
  if (!isCollection(value)) return `${emptyCollection(value) ?? scalar(value)}\n`;
  return `${lines(value, "").join("\n")}\n`;
}
