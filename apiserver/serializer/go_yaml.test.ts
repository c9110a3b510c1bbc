import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseGoYaml } from "./go_yaml.js";

// Expected texts are what sigs.k8s.io/yaml v1.6.0 (go-yaml v2.4.4) returns from YAMLToJSON.
const cases: [input: string, expected: string][] = [
  ["a: [b\n", "yaml: line 1: did not find expected ',' or ']'"],
  ["a: [b", "yaml: line 1: did not find expected ',' or ']'"],
  ["a: {b: c\n", "yaml: line 1: did not find expected ',' or '}'"],
  ["x: 1\na: [b\n\n\n", "yaml: line 4: did not find expected ',' or ']'"],
  ["a: [b, 'c]'\n", "yaml: line 1: did not find expected ',' or ']'"],
  ["a: [{b: c}\n", "yaml: line 1: did not find expected ',' or ']'"],
  ["a: b[1]\nc: {d\n", "yaml: line 2: did not find expected ',' or '}'"],
  ["a: [b # ]\n", "yaml: line 1: did not find expected ',' or ']'"],
  ["a: {b: [c]\n", "yaml: line 1: did not find expected ',' or '}'"],
  ['a: "b\n', "yaml: line 2: found unexpected end of stream"],
  ["a: 'b\n", "yaml: line 2: found unexpected end of stream"],
  ['a:\n  "b', "yaml: line 2: found unexpected end of stream"],
  ["a:\n\t- b\n", "yaml: line 2: found character that cannot start any token"],
  ["a: @b\n", "yaml: found character that cannot start any token"],
  ["a: `b\n", "yaml: found character that cannot start any token"],
  ["a: b: c\n", "yaml: mapping values are not allowed in this context"],
  ["x: 1\na: b: c\n", "yaml: line 2: mapping values are not allowed in this context"],
  ["x: 1\na: @b\n", "yaml: line 2: found character that cannot start any token"],
  ['x: 1\ny: "a\n', "yaml: line 3: found unexpected end of stream"],
  ["a: b\n c: d\n", "yaml: line 2: mapping values are not allowed in this context"],
  ["a: b\n  c: d\n", "yaml: line 2: mapping values are not allowed in this context"],
  ["key: value\n  bad: indent\n", "yaml: line 2: mapping values are not allowed in this context"],
];

describe("parseGoYaml errors", () => {
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${expected}`, () => {
      assert.throws(() => parseGoYaml(input), { message: expected });
    });
  }
});

describe("parseGoYaml", () => {
  it("decodes a document", () => {
    assert.deepEqual(parseGoYaml("a: [b, {c: 1}]\n"), { a: ["b", { c: 1 }] });
  });
});

/** Nested anchors, each level aliasing the previous one nine times ("billion laughs" with `levels` levels). */
function laughs(levels: number): string {
  const names = "abcdefghi".slice(0, levels).split("");
  return names
    .map((name, index) =>
      index === 0
        ? `${name}: &${name} [${Array(9).fill('"lol"').join(",")}]`
        : `${name}: &${name} [${Array(9)
            .fill(`*${names[index - 1]}`)
            .join(",")}]`,
    )
    .join("\n");
}

describe("parseGoYaml bounds", () => {
  // Expected outcomes are go-yaml v2.4.4's (through sigs.k8s.io/yaml v1.6.0 YAMLToJSON).
  it("refuses excessive aliasing as go-yaml does", () => {
    assert.throws(() => parseGoYaml(laughs(9)), { message: "yaml: document contains excessive aliasing" });
    assert.throws(() => parseGoYaml(laughs(4)), { message: "yaml: document contains excessive aliasing" });
  });

  it("expands moderate aliasing into separate copies", () => {
    const value = parseGoYaml(laughs(3)) as Record<string, unknown[][]>;
    assert.equal(value.c?.length, 9);
    assert.notEqual(value.c?.[0], value.c?.[1]);
    const small = parseGoYaml("a: &a [1,2]\nb: *a\nc: *a\n") as Record<string, unknown>;
    assert.deepEqual(small, { a: [1, 2], b: [1, 2], c: [1, 2] });
    assert.notEqual(small.a, small.b);
  });

  it("refuses nesting beyond go-yaml's depth limit with its error", () => {
    const deep = `a: ${"[".repeat(10_001)}${"]".repeat(10_001)}`;
    assert.throws(() => parseGoYaml(deep), { message: "yaml: exceeded max depth of 10000" });
  });
});
