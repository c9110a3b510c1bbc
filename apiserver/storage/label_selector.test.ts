import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { StatusError } from "../http/status.js";
import { parseLabelSelector } from "./label_selector.js";

function rejects(selector: string, message: string): void {
  assert.throws(
    () => parseLabelSelector(selector),
    (error: unknown) => error instanceof StatusError && error.code === 400 && error.message === message,
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
    for (const [selector, expected] of cases)
      assert.equal(parseLabelSelector(selector).matches(labels), expected, selector);
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
      () => parseLabelSelector("x notin (-b,-a)"),
      /^StatusError: unable to parse requirement: \[values\[0\]\[x\]: Invalid value: "-a": .*, values\[1\]\[x\]: Invalid value: "-b": /,
    );
  });
});
