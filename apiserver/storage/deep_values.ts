/**
 * Serializing, copying and comparing JSON values of any depth without recursion.
 *
 * The decoder accepts bodies nested up to 10,000 levels, as kube-apiserver's does, but V8's
 * JSON.stringify and structuredClone recurse on the native stack and overflow at about 4,000.
 * A stored object that cannot be serialized would fail every later read of its collection, so
 * these fall back to explicit-stack walks when the native ones run out of stack: the common,
 * shallow case keeps the native speed.
 */

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError;
}

type Frame =
  | { kind: "array"; items: readonly unknown[]; index: number; parts: string[] }
  | { kind: "object"; entries: [string, unknown][]; index: number; parts: string[] };

/** The JSON text of a plain JSON value, walked with an explicit stack. */
function stringifyIteratively(root: unknown): string {
  const stack: Frame[] = [];
  let result: string | undefined;
  /** Text of a scalar, or undefined after pushing a frame for a container. */
  const open = (value: unknown): string | undefined => {
    if (Array.isArray(value)) {
      stack.push({ kind: "array", items: value, index: 0, parts: [] });
      return undefined;
    }
    if (value !== null && typeof value === "object") {
      const entries = Object.entries(value).filter(([, field]) => field !== undefined && typeof field !== "function");
      stack.push({ kind: "object", entries, index: 0, parts: [] });
      return undefined;
    }
    return JSON.stringify(value) ?? "null";
  };
  const first = open(root);
  if (first !== undefined) return first;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const length = frame.kind === "array" ? frame.items.length : frame.entries.length;
    if (frame.index === length) {
      stack.pop();
      const text = frame.kind === "array" ? `[${frame.parts.join(",")}]` : `{${frame.parts.join(",")}}`;
      const parent = stack[stack.length - 1];
      if (parent) parent.parts[parent.parts.length - 1] += text;
      else result = text;
      continue;
    }
    const index = frame.index;
    frame.index += 1;
    let value: unknown;
    if (frame.kind === "array") {
      value = frame.items[index];
      frame.parts.push("");
    } else {
      const [key, field] = frame.entries[index] as [string, unknown];
      value = field;
      frame.parts.push(`${JSON.stringify(key)}:`);
    }
    const scalar = open(value);
    if (scalar !== undefined) frame.parts[frame.parts.length - 1] += scalar;
  }
  return result ?? "null";
}

/** JSON.stringify for JSON values of any depth. */
export function stringifyJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "null";
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    return stringifyIteratively(value);
  }
}

/** A deep copy made with an explicit stack; a value reached twice (a shared reference) is copied twice. */
export function copyJsonTree<T>(root: T): T {
  const copyOf = (value: unknown): unknown => {
    if (Array.isArray(value)) return new Array<unknown>(value.length);
    if (value !== null && typeof value === "object") return {};
    return value;
  };
  const result = copyOf(root);
  const pending: [unknown, unknown][] = [[root, result]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [source, target] = next as [Record<string, unknown>, Record<string, unknown>];
    if (source === null || typeof source !== "object") continue;
    for (const [key, value] of Object.entries(source)) {
      const copy = copyOf(value);
      target[key] = copy;
      if (copy !== value) pending.push([value, copy]);
    }
  }
  return result as T;
}

/** A deep copy of a JSON value of any depth. */
export function cloneJson<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    return copyJsonTree(value);
  }
}

/** Deep equality of JSON values (a field set to undefined counts as absent), of any depth. */
export function equalJson(left: unknown, right: unknown): boolean {
  const pending: [unknown, unknown][] = [[left, right]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [a, b] = next;
    if (a === b) continue;
    if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) {
      const other = b as unknown[];
      if (a.length !== other.length) return false;
      a.forEach((item, index) => pending.push([item, other[index]]));
      continue;
    }
    const first = a as Record<string, unknown>;
    const second = b as Record<string, unknown>;
    const firstKeys = Object.keys(first).filter((key) => first[key] !== undefined);
    const secondKeys = Object.keys(second).filter((key) => second[key] !== undefined);
    if (firstKeys.length !== secondKeys.length) return false;
    for (const key of firstKeys) {
      if (!(key in second)) return false;
      pending.push([first[key], second[key]]);
    }
  }
  return true;
}
