import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { formatGoFloat, formatGoNumber, goJsonMarshal } from "./go_format.js";

describe("Go value formatting", () => {
  it("prints float64 as %v does: exponent from 1e+06 and below 1e-04", () => {
    assert.deepEqual([1.5, 123456, 1e6, 1234567.5, 0.0001, 0.00001, -2e21].map(formatGoFloat), [
      "1.5",
      "123456",
      "1e+06",
      "1.2345675e+06",
      "0.0001",
      "1e-05",
      "-2e+21",
    ]);
    assert.equal(formatGoNumber(1000000), "1000000");
  });

  it("marshals JSON as encoding/json: sorted map keys, HTML characters escaped, struct order kept on request", () => {
    assert.equal(goJsonMarshal({ b: [1, "<a&b>"], a: null }), '{"a":null,"b":[1,"\\u003ca\\u0026b\\u003e"]}');
    assert.equal(goJsonMarshal({ Name: "v1", Served: true }, true), '{"Name":"v1","Served":true}');
  });
});
