import { test } from "node:test";
import assert from "node:assert/strict";
import { JsonLineDecoder } from "./json_lines.js";

function decodeAll(chunks: Buffer[]): unknown[] {
  const decoder = new JsonLineDecoder();
  const values: unknown[] = [];
  for (const chunk of chunks) decoder.push(chunk, (value) => values.push(value));
  return values;
}

test("lines split anywhere across chunks, even inside a multi-byte character, decode whole", () => {
  const text = '{"type":"ADDED","object":{"name":"caf\u00e9 \u2603"}}\n\n{"type":"DELETED","object":{}}\r\n';
  const bytes = Buffer.from(text, "utf8");
  const expected = [
    { type: "ADDED", object: { name: "caf\u00e9 \u2603" } },
    { type: "DELETED", object: {} },
  ];
  for (let cut = 0; cut <= bytes.length; cut++) {
    for (let second = cut; second <= bytes.length; second += 7) {
      const chunks = [bytes.subarray(0, cut), bytes.subarray(cut, second), bytes.subarray(second)];
      assert.deepEqual(decodeAll(chunks), expected, `cut at ${cut} and ${second}`);
    }
  }
});

test("an unfinished last line waits for its newline", () => {
  assert.deepEqual(decodeAll([Buffer.from('{"a":1}\n{"b":')]), [{ a: 1 }]);
});

test("a line that is not JSON throws, after the lines before it were delivered", () => {
  const decoder = new JsonLineDecoder();
  const values: unknown[] = [];
  assert.throws(() => decoder.push(Buffer.from('{"a":1}\nnot json\n{"b":2}\n'), (v) => values.push(v)), SyntaxError);
  assert.deepEqual(values, [{ a: 1 }]);
});

test("the unfinished line is a copy: reusing the chunk's memory does not change it", () => {
  const decoder = new JsonLineDecoder();
  const values: unknown[] = [];
  const chunk = Buffer.from('{"a":');
  decoder.push(chunk, (v) => values.push(v));
  chunk.fill(0x20);
  decoder.push(Buffer.from("1}\n"), (v) => values.push(v));
  assert.deepEqual(values, [{ a: 1 }]);
});
