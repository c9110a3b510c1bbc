import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { goUnmarshalStruct } from "./go_json_struct.js";

describe("Go encoding/json struct decoding", () => {
  const fields = { v: "string", rv: "int64" } as const;
  const decode = (text: string) => goUnmarshalStruct(Buffer.from(text), "pkg.thing", fields);

  it("matches keys case-insensitively, ignoring nulls and unknown keys", () => {
    assert.deepEqual(decode('{"V":"a","RV":7,"x":[1],"v":null}'), { value: { v: "a", rv: 7n }, error: undefined });
    assert.deepEqual(decode("null"), { value: {}, error: undefined });
  });

  it("reports the first type mismatch with Go's wording", () => {
    assert.equal(
      decode('{"v":1,"rv":"x"}').error,
      "json: cannot unmarshal number into Go struct field thing.v of type string",
    );
    assert.equal(
      decode('{"rv":1.5}').error,
      "json: cannot unmarshal number 1.5 into Go struct field thing.rv of type int64",
    );
    assert.equal(
      decode('{"rv":9223372036854775808}').error,
      "json: cannot unmarshal number 9223372036854775808 into Go struct field thing.rv of type int64",
    );
    assert.equal(decode('"s"').error, "json: cannot unmarshal string into Go value of type pkg.thing");
  });
});
