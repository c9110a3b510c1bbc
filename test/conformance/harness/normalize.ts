/**
 * What may differ between two correct API servers, and nothing more: uids, timestamps,
 * resourceVersion values, continue tokens, ages and certificate data. Everything else in a
 * response is compared as it is.
 */

const PLACEHOLDER_KEYS: Readonly<Record<string, string>> = {
  uid: "<uid>",
  creationTimestamp: "<timestamp>",
  deletionTimestamp: "<timestamp>",
  lastTransitionTime: "<timestamp>",
  lastHeartbeatTime: "<timestamp>",
  time: "<timestamp>",
  eventTime: "<timestamp>",
  resourceVersion: "<resourceVersion>",
  continue: "<continue>",
  caBundle: "<certificate>",
  "certificate-authority-data": "<certificate>",
};

/** Numbers inside messages that name resource versions (e.g. 410 "too old resource version: 5 (9)"). */
const MESSAGE_PATTERNS: readonly [RegExp, string][] = [
  [/resource ?version:? \d+ \(\d+\)/gi, "resource version: <rv> (<rv>)"],
  [/resource version: \d+, current: \d+/g, "resource version: <rv>, current: <rv>"],
  [/resourceVersion[=:] ?"?\d+"?/g, "resourceVersion=<rv>"],
  [/ResourceVersion in (precondition|object meta): \d+/g, "ResourceVersion in $1: <rv>"],
  [/ResourceVersion in (the precondition|record) \(\d+\)/g, "ResourceVersion in $1 (<rv>)"],
  // A signed token (JWT): its signature and the clock values in it differ on every issue.
  [/\beyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g, "<jwt>"],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, "<uid>"],
  // Each server's webhook backend listens on a port of its own; port 1 is the cases' unreachable one.
  [/https:\/\/127\.0\.0\.1:(?!1\/)\d+/g, "https://127.0.0.1:<port>"],
];

/**
 * Query values in a step's label (its request path) that name a server's resource version or
 * list position: a resourceVersion other than the special "0", and a continue token.
 */
const LABEL_QUERY_PATTERNS: readonly [RegExp, string][] = [
  [/([?&]resourceVersion=)[1-9]\d*/g, "$1<rv>"],
  [/([?&]continue=)[^&\s]+/g, "$1<continue>"],
];

/** A step's label (`GET /path?query`, `WATCH /path?query`) with server-chosen query values replaced. */
export function normalizeLabel(label: string): string {
  return LABEL_QUERY_PATTERNS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), label);
}

/** A human age as kubectl and Table rows print it: "0s", "5m3s", "2d". */
export const AGE_PATTERN = /^(\d+[smhdy])+$|^<invalid>$/;

function normalizeString(value: string): string {
  return MESSAGE_PATTERNS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), value);
}

/** A deep copy of `value` with only the legitimately differing parts replaced by placeholders. */
export function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value === "string") return normalizeString(value);
  if (value === null || typeof value !== "object") return value;
  const object = value as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(object)) {
    const placeholder = PLACEHOLDER_KEYS[key];
    if (placeholder !== undefined && (typeof child === "string" || typeof child === "number") && child !== "") {
      result[key] = placeholder;
    } else if (key === "managedFields" && Array.isArray(child)) {
      result[key] = sortManagedFieldsWithoutTime(child.map(normalize));
    } else {
      result[key] = normalize(child);
    }
  }
  if (object["kind"] === "Table" && Array.isArray(object["rows"]) && Array.isArray(object["columnDefinitions"])) {
    normalizeTableAges(result);
  }
  return result;
}

type ManagedFieldsEntry = Partial<Record<"operation" | "manager" | "apiVersion" | "subresource", string>>;

/**
 * managedFields in kube-apiserver's order (operation, time in seconds, manager, apiVersion,
 * subresource) less the time: two writes a second apart on one server and in the same second on
 * the other are ordered differently, and write times are the clock's, not the server's.
 */
function sortManagedFieldsWithoutTime(entries: unknown[]): unknown[] {
  const keyOf = (entry: unknown): string[] => {
    const fields = (entry ?? {}) as ManagedFieldsEntry;
    return [fields.operation ?? "", fields.manager ?? "", fields.apiVersion ?? "", fields.subresource ?? ""];
  };
  const compare = (a: string[], b: string[]): number => {
    for (let index = 0; index < a.length; index++) {
      if (a[index] !== b[index]) return (a[index] ?? "") < (b[index] ?? "") ? -1 : 1;
    }
    return 0;
  };
  return [...entries].sort((a, b) => compare(keyOf(a), keyOf(b)));
}

/**
 * Age cells of a Table, and cells of date columns (a LimitRange's "Created At"), depend on the
 * clock when each server wrote the object, not on the server.
 */
function normalizeTableAges(table: Record<string, unknown>): void {
  const columns = table["columnDefinitions"] as { name?: string; type?: string }[];
  columns.forEach((column, index) => {
    const placeholder = column.name === "Age" ? "<age>" : column.type === "date" ? "<timestamp>" : undefined;
    if (placeholder === undefined) return;
    for (const row of table["rows"] as { cells?: unknown[] }[]) {
      if (row.cells && index < row.cells.length) row.cells[index] = placeholder;
    }
  });
}

/**
 * What `kubectl diff` prints of its own making: the random temporary directories it writes the
 * live and merged objects to, and those files' modification times.
 */
const KUBECTL_DIFF_PATTERNS: readonly [RegExp, string][] = [
  [/\/(LIVE|MERGED)-\d+\//g, "/$1-<n>/"],
  [/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? [+-]\d{4}/g, "<timestamp>"],
];

/** kubectl's text output with AGE cells (and other durations) replaced. */
export function normalizeKubectlOutput(text: string): string {
  const lines = text.split("\n");
  const header = lines[0] ?? "";
  const ageStart = header.search(/\bAGE\b/);
  return lines
    .map((line) =>
      KUBECTL_DIFF_PATTERNS.reduce(
        (text, [pattern, replacement]) => text.replace(pattern, replacement),
        normalizeString(line),
      )
        .split(/(\s+)/)
        .map((word) => (AGE_PATTERN.test(word) && ageStart >= 0 ? "<age>" : word))
        .join(""),
    )
    .map((line) => line.replace(/\s+/g, " ").trimEnd())
    .join("\n");
}
