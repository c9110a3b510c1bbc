import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { LabelSelectorError, parseSelector, selectorFromLabelSelector, selectorFromSet } from "./label_selector.js";

function rejects(selector: string, message: string): void {
  assert.throws(
    () => parseSelector(selector),
    (error: unknown) => error instanceof LabelSelectorError && error.message === message,
    selector,
  );
}

describe("label selectors as labels.Parse reads them", () => {
  it("match with every operator, > and < included", () => {
    const labels = { tier: "back", size: "5" };
    const cases: [string, boolean][] = [
      ["tier in (), size", false],
      ["tier notin (a,,b)", true],
      ["in in (in), !in", false],
      ["size>4,size<6", true],
      ["size>5", false],
      ["tier>1", false],
      ["! x", true],
      ["tier=", false],
      ["x==", false],
      ["tier!=", true],
      [" ", true],
    ];
    for (const [selector, expected] of cases) assert.equal(parseSelector(selector).matches(labels), expected, selector);
  });

  it("word syntax errors as the Go parser does", () => {
    rejects("tier in (", "unable to parse requirement: found '', expected: ',', ')' or identifier");
    rejects("tier in a", "unable to parse requirement: found 'a' expected: '('");
    rejects("tier in (a b)", "unable to parse requirement: found 'b', expected: ',' or ')'");
    rejects("tier in (a,", "unable to parse requirement: found '', expected: ',', or identifier");
    rejects("tier=a=b", "found '=', expected: ',' or 'end of string'");
    rejects("=a", "found '=', expected: !, identifier, or 'end of string'");
    rejects("tier,", "found '', expected: identifier after ','");
    rejects("x!==y", "unable to parse requirement: found '=', expected: identifier");
    rejects("a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt");
  });

  it("validate keys and values with their field paths", () => {
    rejects("/b", 'unable to parse requirement: <nil>: Invalid value: "/b": prefix part must be non-empty');
    rejects(
      "a".repeat(64),
      `unable to parse requirement: <nil>: Invalid value: "${"a".repeat(64)}": name part must be no more than 63 bytes`,
    );
    rejects(
      "tier<x",
      `unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`,
    );
    assert.throws(
      () => parseSelector("x notin (-b,-a)"),
      /^LabelSelectorError: unable to parse requirement: \[values\[0\]\[x\]: Invalid value: "-a": .*, values\[1\]\[x\]: Invalid value: "-b": /,
    );
  });
});

describe("selectors for clients", () => {
  it("render the canonical string form, sorted by key, and match labels", () => {
    const selector = parseSelector("env=prod, tier!=db,app in (b, a),zone notin (x),gpu,!spot,size>4");
    assert.equal(selector.toString(), "app in (a,b),env=prod,gpu,size>4,!spot,tier!=db,zone notin (x)");
    assert.equal(selector.matches({ env: "prod", tier: "web", app: "a", gpu: "1", size: "5" }), true);
    assert.equal(selector.matches({ env: "prod", tier: "web", app: "a", gpu: "1", size: "5", spot: "" }), false);
    assert.equal(selector.matches({ env: "prod", tier: "db", app: "a", gpu: "1", size: "5" }), false);
    assert.equal(parseSelector(selector.toString()).toString(), selector.toString());
    assert.equal(parseSelector("").empty, true);
    assert.equal(parseSelector(undefined).matches(undefined), true);
  });

  it("convert meta/v1 LabelSelectors and label sets, and combine them", () => {
    const selector = selectorFromLabelSelector({
      matchLabels: { a: "1" },
      matchExpressions: [
        { key: "b", operator: "Exists" },
        { key: "c", operator: "NotIn", values: ["y", "x"] },
      ],
    });
    assert.equal(selector.toString(), "a=1,b,c notin (x,y)");
    const combined = selector.add(...selectorFromSet({ "example.com/role": "db" }).requirements);
    assert.equal(combined.toString(), "a=1,b,c notin (x,y),example.com/role=db");
    assert.equal(combined.matches({ a: "1", b: "", "example.com/role": "db" }), true);
    assert.equal(combined.matches({ a: "1", b: "", c: "x", "example.com/role": "db" }), false);
  });

  it("refuse invalid LabelSelectors naming the expression", () => {
    const refuses = (selector: Parameters<typeof selectorFromLabelSelector>[0], message: RegExp) =>
      assert.throws(() => selectorFromLabelSelector(selector), message);
    refuses({ matchExpressions: [{ key: "a", operator: "In" }] }, /^LabelSelectorError: matchExpressions\[0\]\.values/);
    refuses(
      { matchExpressions: [{ key: "a", operator: "Exists", values: ["x"] }] },
      /matchExpressions\[0\]\.values: operator Exists takes no values/,
    );
    refuses(
      { matchExpressions: [{ key: "a", operator: "Equals" as "In", values: ["x"] }] },
      /matchExpressions\[0\]\.operator: "Equals" is not In/,
    );
    refuses({ matchLabels: { "a/b/c": "x" } }, /key: Invalid value: "a\/b\/c": a valid label key/);
    assert.throws(() => selectorFromSet({ a: "-x" }), /values\[0\]\[a\]: Invalid value: "-x"/);
  });
});
