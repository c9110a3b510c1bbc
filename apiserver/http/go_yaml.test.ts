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
