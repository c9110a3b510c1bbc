import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readTag, type TagMeaning } from "./tags.js";
import { markerRegistry } from "./table.js";

const read = (name: string, text = "", continuation: string[] = []): TagMeaning[] =>
  readTag({ name, text, continuation }, markerRegistry);

describe("readTag", () => {
  it("reads typescript-json-schema's TJS- prefix as the tag itself", () => {
    assert.deepEqual(read("TJS-type", "integer"), [
      { kind: "markers", markers: ["kubebuilder:validation:Type=integer"] },
    ]);
    assert.deepEqual(read("TJS-required"), [{ kind: "markers", markers: ["required"] }]);
  });

  it("maps draft-07 exclusive bounds to the bound and its flag, draft-04 flags to the flag", () => {
    assert.deepEqual(read("exclusiveMinimum", "0"), [
      {
        kind: "markers",
        markers: ["kubebuilder:validation:Minimum=0", "kubebuilder:validation:ExclusiveMinimum=true"],
      },
    ]);
    assert.deepEqual(read("exclusiveMaximum", "false"), [
      { kind: "markers", markers: ["kubebuilder:validation:ExclusiveMaximum=false"] },
    ]);
  });

  it("applies @items.<tag> and @items {json} to the items markers", () => {
    assert.deepEqual(read("items.exclusiveMinimum", "1"), [
      {
        kind: "markers",
        markers: ["kubebuilder:validation:items:Minimum=1", "kubebuilder:validation:items:ExclusiveMinimum=true"],
      },
    ]);
    assert.deepEqual(read("items", '{"pattern": "^a,b$",', ['"maxLength": 3}']), [
      { kind: "markers", markers: ["kubebuilder:validation:items:Pattern=`^a,b$`"] },
      { kind: "markers", markers: ["kubebuilder:validation:items:MaxLength=3"] },
    ]);
  });

  it("keeps the first of several examples and warns about the rest", () => {
    const [example, warning] = read("examples", '[{"a": 1},', ["2]"]);
    assert.deepEqual(example, { kind: "example", value: { a: 1 } });
    assert.equal(warning?.kind, "problem");
    assert.match(warning?.kind === "problem" ? warning.message : "", /only the first of 2 is kept/);
  });

  it("takes @description over its continuation lines", () => {
    assert.deepEqual(read("description", "first", ["second"]), [{ kind: "description", lines: ["first", "second"] }]);
  });

  it("reads documentation tags as nothing, and warns about unknown ones with a suggestion", () => {
    assert.deepEqual(read("remarks", "anything"), [{ kind: "documentation" }]);
    const [unknown] = read("maxLenght", "3");
    assert.equal(unknown?.kind === "problem" && unknown.severity, "warning");
    assert.equal(unknown?.kind === "problem" && unknown.hint, "did you mean @maxLength?");
  });

  it("refuses @uniqueItems with the CRD way to say it", () => {
    const [refused] = read("uniqueItems", "true");
    assert.equal(refused?.kind === "problem" && refused.severity, "error");
    assert.match(refused?.kind === "problem" ? (refused.hint ?? "") : "", /\+listType=set/);
  });
});
