/** The YAML writer lays out values exactly as go-yaml v2 does under controller-gen. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { compareYamlKeys, formatNumber, toYamlDocument } from "./emit.js";

describe("toYamlDocument", () => {
  it("sorts keys as go-yaml does, indents nested maps and not sequences under keys", () => {
    const text = toYamlDocument({
      spec: { versions: [{ served: true, name: "v1" }], group: "g" },
      apiVersion: "v1",
      kind: "K",
    });
    assert.equal(
      text,
      "---\napiVersion: v1\nkind: K\nspec:\n  group: g\n  versions:\n  - name: v1\n    served: true\n",
    );
  });

  it("writes empty collections in flow style and skips undefined members", () => {
    assert.equal(toYamlDocument({ status: {}, items: [], gone: undefined }), "---\nitems: []\nstatus: {}\n");
  });

  it("quotes strings that would read back as other types, or start with indicators", () => {
    const text = toYamlDocument({
      a: "True",
      b: "",
      c: "124",
      d: "{}",
      e: "- x",
      f: "a: b",
      g: "#x",
      h: "1.5",
      i: "null",
      j: "plain text",
      k: "2024-01-02",
      l: "it's",
    });
    assert.equal(
      text,
      '---\na: "True"\nb: ""\nc: "124"\nd: \'{}\'\ne: \'- x\'\nf: \'a: b\'\ng: \'#x\'\nh: "1.5"\ni: "null"\nj: plain text\nk: "2024-01-02"\nl: it\'s\n',
    );
  });

  it("folds long plain strings after column 80, continuing two spaces deeper (controller-gen's cronjob testdata)", () => {
    const description = "This tests that exported fields are not skipped in the schema generation";
    assert.equal(toYamlDocument({ description }), `---\ndescription: ${description}\n`);
    const deep = { a: { b: { c: { d: { e: { f: { g: { baz: { description } } } } } } } } };
    assert.ok(
      toYamlDocument(deep).endsWith(
        "                description: This tests that exported fields are not skipped in the\n                  schema generation\n",
      ),
    );
  });

  it("writes multi-line strings as literal blocks, with blank lines kept bare", () => {
    assert.equal(toYamlDocument({ d: "first\n\nsecond" }), "---\nd: |-\n  first\n\n  second\n");
    assert.equal(toYamlDocument({ d: "ends with newline\n" }), "---\nd: |\n  ends with newline\n");
    assert.equal(toYamlDocument({ d: "trailing space \nnext" }), '---\nd: "trailing space \\nnext"\n');
  });

  it("writes sequences of maps and nested sequences", () => {
    assert.equal(
      toYamlDocument({ a: [{ x: 1, y: [1, 2] }, [3, 4]] }),
      '---\na:\n- x: 1\n  "y":\n  - 1\n  - 2\n- - 3\n  - 4\n',
    );
  });
});

describe("compareYamlKeys", () => {
  it("puts upper case before lower case and non-letters before letters", () => {
    assert.deepEqual(
      ["description", "JSONPath", "x-kubernetes-list-type", "$ref", "a1", "a10", "a2"].sort(compareYamlKeys),
      ["$ref", "JSONPath", "a1", "a2", "a10", "description", "x-kubernetes-list-type"],
    );
  });
});

describe("formatNumber", () => {
  it("formats like Go's strconv 'g' with the shortest precision", () => {
    assert.equal(formatNumber(1), "1");
    assert.equal(formatNumber(-0.5), "-0.5");
    assert.equal(formatNumber(1234567.5), "1.2345675e+06");
    assert.equal(formatNumber(0.00001), "1e-05");
  });
});
