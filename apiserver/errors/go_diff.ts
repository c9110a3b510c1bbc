/**
 * k8s.io/apimachinery/pkg/util/diff.Diff as immutability errors print it: both values as Go's
 * json.MarshalIndent(value, "", " ") prints them, compared line by line in go-difflib's unified
 * format with three lines of context and no file header.
 */

/** json.MarshalIndent with a one-space indent, keys in the order given (Go struct field order). */
export function goIndentedJson(value: unknown, indent = ""): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => `${indent} ${goIndentedJson(item, `${indent} `)}`);
    return `[\n${items.join(",\n")}\n${indent}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return "{}";
    const fields = entries.map(
      ([key, item]) => `${indent} ${JSON.stringify(key)}: ${goIndentedJson(item, `${indent} `)}`,
    );
    return `{\n${fields.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

type Opcode = ["equal" | "replace" | "delete" | "insert", number, number, number, number];

/** Matching lines by longest common subsequence, as opcodes (SequenceMatcher.GetOpCodes). */
function opcodes(a: readonly string[], b: readonly string[]): Opcode[] {
  const width = b.length + 1;
  const lengths = new Array<number>((a.length + 1) * width).fill(0);
  const at = (i: number, j: number) => lengths[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i * width + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const matches: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) matches.push([i++, j++]);
    else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  matches.push([a.length, b.length]);
  const codes: Opcode[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, bj] of matches) {
    if (i < ai || j < bj) codes.push([i < ai && j < bj ? "replace" : i < ai ? "delete" : "insert", i, ai, j, bj]);
    if (ai === a.length && bj === b.length) break;
    const previous = codes[codes.length - 1];
    if (previous && previous[0] === "equal" && previous[2] === ai && previous[4] === bj) {
      previous[2]++;
      previous[4]++;
    } else codes.push(["equal", ai, ai + 1, bj, bj + 1]);
    i = ai + 1;
    j = bj + 1;
  }
  return codes;
}

/** SequenceMatcher.GetGroupedOpCodes(3). */
function groupedOpcodes(codes: Opcode[], context: number): Opcode[][] {
  if (codes.length === 0) return [];
  const list = codes.map((code) => [...code] as Opcode);
  const [first, last] = [list[0], list[list.length - 1]];
  if (first?.[0] === "equal") {
    first[1] = Math.max(first[1], first[2] - context);
    first[3] = Math.max(first[3], first[4] - context);
  }
  if (last?.[0] === "equal") {
    last[2] = Math.min(last[2], last[1] + context);
    last[4] = Math.min(last[4], last[3] + context);
  }
  const groups: Opcode[][] = [];
  let group: Opcode[] = [];
  for (const [tag, i1, i2, j1, j2] of list) {
    if (tag === "equal" && i2 - i1 > context * 2) {
      group.push(["equal", i1, Math.min(i2, i1 + context), j1, Math.min(j2, j1 + context)]);
      groups.push(group);
      group = [];
      group.push(["equal", Math.max(i1, i2 - context), i2, Math.max(j1, j2 - context), j2]);
      continue;
    }
    group.push([tag, i1, i2, j1, j2]);
  }
  if (group.length && !(group.length === 1 && group[0]?.[0] === "equal")) groups.push(group);
  return groups;
}

function range(start: number, stop: number): string {
  const length = stop - start;
  if (length === 1) return `${start + 1}`;
  return `${length === 0 ? start : start + 1},${length}`;
}

/** diff.Diff(a, b): the unified diff of the two values' indented JSON. */
export function goDiff(a: unknown, b: unknown): string {
  const lines = (value: unknown) =>
    goIndentedJson(value)
      .split("\n")
      .map((line) => `${line}\n`);
  const left = lines(a);
  const right = lines(b);
  let out = "";
  for (const group of groupedOpcodes(opcodes(left, right), 3)) {
    const [first, last] = [group[0], group[group.length - 1]];
    if (!first || !last) continue;
    out += `@@ -${range(first[1], last[2])} +${range(first[3], last[4])} @@\n`;
    for (const [tag, i1, i2, j1, j2] of group) {
      if (tag === "equal") for (const line of left.slice(i1, i2)) out += ` ${line}`;
      else {
        for (const line of left.slice(i1, i2)) out += `-${line}`;
        for (const line of right.slice(j1, j2)) out += `+${line}`;
      }
    }
  }
  return out;
}
