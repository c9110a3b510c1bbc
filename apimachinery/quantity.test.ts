import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  canonicalQuantity,
  compareQuantities,
  isWholeQuantity,
  parseQuantity,
  quantityErrors,
  roundUpToMilli,
  formatQuantity,
} from "./quantity.js";

describe("resource.Quantity as kube-apiserver stores it", () => {
  it("writes values in canonical form, keeping the text it judges canonical", () => {
    const cases: [string, string][] = [
      ["1000m", "1"],
      ["0.5", "500m"],
      ["1024Mi", "1Gi"],
      ["1Gi", "1Gi"],
      ["1.5", "1500m"],
      ["1500m", "1500m"],
      ["1000", "1k"],
      ["1e3", "1e3"],
      ["1.5e3", "1500"],
      ["0.1", "100m"],
      ["1.5Gi", "1536Mi"],
      ["0.5Gi", "512Mi"],
      ["1025", "1025"],
      ["1E", "1E"],
      ["-0.5", "-500m"],
      ["0.0000000001", "1n"],
      ["0.001m", "1u"],
      // ParseQuantity keeps these texts as written (the reference stores "+1", "01" and "1.").
      ["+1", "+1"],
      ["01", "01"],
      ["1.", "1."],
      ["8Ei", "9223372036854775807"],
      ["1e999999999", "1e999999999"],
    ];
    for (const [text, stored] of cases) assert.equal(canonicalQuantity(text), stored, text);
  });

  it("reads numbers as Quantity's UnmarshalJSON does and trims strings", () => {
    assert.equal(canonicalQuantity(1.5), "1500m");
    assert.equal(canonicalQuantity(" 2Gi "), "2Gi");
  });

  it("refuses what ParseQuantity refuses, in its words", () => {
    const cases: [string, string][] = [
      ["abc", quantityErrors.formatWrong],
      ["1x", quantityErrors.formatWrong],
      ["", quantityErrors.formatWrong],
      ["1e", quantityErrors.suffix],
      ["1ki", quantityErrors.suffix],
      ["12Mi3", quantityErrors.suffix],
    ];
    for (const [text, message] of cases) assert.throws(() => parseQuantity(text), { message }, text);
    assert.equal(
      quantityErrors.formatWrong,
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });

  it("compares across suffixes and formats", () => {
    const cmp = (a: string, b: string) => compareQuantities(parseQuantity(a), parseQuantity(b));
    assert.equal(cmp("1", "1000m"), 0);
    assert.equal(cmp("1Ki", "1k"), 1);
    assert.equal(cmp("-1", "0"), -1);
    assert.equal(cmp("1e999999999", "1E"), 1);
    assert.equal(cmp("1500u", "2m"), -1);
  });

  it("rounds ResourceList values up to milli-units, away from zero", () => {
    assert.equal(formatQuantity(roundUpToMilli(parseQuantity("1500u"))), "2m");
    assert.equal(formatQuantity(roundUpToMilli(parseQuantity("-1500u"))), "-2m");
    assert.equal(formatQuantity(roundUpToMilli(parseQuantity("01"))), "01");
  });

  it("tells whole quantities from fractional ones", () => {
    assert.equal(isWholeQuantity(parseQuantity("2")), true);
    assert.equal(isWholeQuantity(parseQuantity("2k")), true);
    assert.equal(isWholeQuantity(parseQuantity("1500m")), false);
  });
});
