import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { StatusError } from "../errors/status.js";
import { metadataFieldGetters, parseFieldSelector, parseLabelSelector } from "./selectors.js";

describe("label selectors", () => {
  const labels = { app: "web", tier: "front" };
  const cases: [string, boolean][] = [
    ["", true],
    ["app=web", true],
    ["app==web", true],
    ["app!=web", false],
    ["app!=db", true],
    ["missing!=x", true],
    ["app in (web, db)", true],
    ["app notin (web)", false],
    ["tier", true],
    ["!tier", false],
    ["!missing", true],
    ["app=web,tier=back", false],
  ];
  for (const [selector, expected] of cases) {
    it(`"${selector}" ${expected ? "matches" : "does not match"} app=web,tier=front`, () => {
      assert.equal(parseLabelSelector(selector).matches(labels), expected);
    });
  }

  it("rejects a malformed selector with 400", () => {
    assert.throws(
      () => parseLabelSelector("app in web"),
      (error: unknown) => error instanceof StatusError && error.code === 400,
    );
  });
});

describe("field selectors", () => {
  const object = { metadata: { name: "a", namespace: "ns" } };
  const unsupported = (field: string) => new Error(field);

  it("matches metadata.name and metadata.namespace with =, == and !=", () => {
    assert.equal(parseFieldSelector("metadata.name=a", metadataFieldGetters, unsupported).matches(object), true);
    assert.equal(
      parseFieldSelector("metadata.namespace==ns,metadata.name!=a", metadataFieldGetters, unsupported).matches(object),
      false,
    );
  });

  it("rejects unknown fields through the caller's error", () => {
    assert.throws(() => parseFieldSelector("spec.x=1", metadataFieldGetters, unsupported), /spec\.x/);
  });
});

describe("parseFieldSelector as fields.ParseSelector", () => {
  const getters = { "metadata.name": (object: { metadata: { name?: string } }) => object.metadata.name };
  const unsupported = (field: string) => new Error(`unsupported ${JSON.stringify(field)}`);
  it("drops terms with neither field nor value, keeps spaces in fields, unescapes values", () => {
    assert.equal(parseFieldSelector("=", getters, unsupported).empty, true);
    assert.equal(parseFieldSelector("metadata.name=a\\,b,=", getters, unsupported).name, "a,b");
    assert.throws(() => parseFieldSelector("metadata.name =a", getters, unsupported), /unsupported "metadata.name "/);
    assert.throws(
      () => parseFieldSelector("metadata.name=a=b", getters, unsupported),
      /unescaped character in value: 61/,
    );
    assert.throws(() => parseFieldSelector("metadata.name=a\\x", getters, unsupported), /invalid escape sequence: \\x/);
    assert.throws(() => parseFieldSelector(" ", getters, unsupported), /can't understand ' '/);
  });
});
