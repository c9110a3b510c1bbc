import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { portNameErrors, portNumberErrors, validatePortNumberOrName, validatePortProtocol } from "./ports.js";

describe("port validation with util/validation's wording", () => {
  it("accepts IANA service names and refuses the rest with each reason", () => {
    assert.deepEqual(portNameErrors("http-alt"), []);
    assert.deepEqual(portNameErrors("Http"), [
      "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
    ]);
    assert.deepEqual(portNameErrors("-a--b-toolongname"), [
      "must be no more than 15 characters",
      "must not contain consecutive hyphens",
      "must not begin or end with a hyphen",
    ]);
    assert.deepEqual(portNameErrors("80"), ["must contain at least one letter (a-z)"]);
  });

  it("checks port numbers, protocols and number-or-name ports", () => {
    assert.deepEqual(portNumberErrors(65535), []);
    assert.deepEqual(portNumberErrors(70000), ["must be between 1 and 65535, inclusive"]);
    assert.deepEqual(validatePortProtocol("tcp", "p"), [
      {
        type: "FieldValueNotSupported",
        field: "p",
        detail: 'Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
      },
    ]);
    assert.deepEqual(validatePortProtocol(undefined, "p"), [
      { type: "FieldValueRequired", field: "p", detail: "Required value" },
    ]);
    assert.deepEqual(validatePortNumberOrName(undefined, "port"), [
      { type: "FieldValueInvalid", field: "port", detail: "Invalid value: 0: must be between 1 and 65535, inclusive" },
    ]);
    assert.deepEqual(validatePortNumberOrName("web", "port"), []);
  });
});
