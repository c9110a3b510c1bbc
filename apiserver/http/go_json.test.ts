import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { goJsonSyntaxError, goUnmarshalStruct } from "./go_json.js";

const syntax = (text: string | number[]): string | undefined =>
  goJsonSyntaxError(typeof text === "string" ? Buffer.from(text) : Uint8Array.from(text));

describe("Go encoding/json syntax errors", () => {
  it("accepts valid JSON", () => {
    for (const text of ['{"a":[1,-2.5e+3,true,false,null,"x\\u00e9"]}', " 12 ", "[]", "{}"]) assert.equal(syntax(text), undefined, text);
  });

  it("names the first bad byte and where it was met", () => {
    const cases: [string | number[], string][] = [
      ["", "unexpected end of JSON input"],
      ['{"a"', "unexpected end of JSON input"],
      ["x", "invalid character 'x' looking for beginning of value"],
      ['{"a" 1}', "invalid character '1' after object key"],
      ['{"a":1 "b"}', "invalid character '\"' after object key:value pair"],
      ["{1}", "invalid character '1' looking for beginning of object key string"],
      ["[1 2]", "invalid character '2' after array element"],
      ["{} x", "invalid character 'x' after top-level value"],
      ['"\\x"', "invalid character 'x' in string escape code"],
      ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape"],
      ["-x", "invalid character 'x' in numeric literal"],
      ["1.x", "invalid character 'x' after decimal point in numeric literal"],
      ["1ex", "invalid character 'x' in exponent of numeric literal"],
      ["tx", "invalid character 'x' in literal true (expecting 'r')"],
      ["tru", "invalid character ' ' in literal true (expecting 'e')"],
      ["nul", "invalid character ' ' in literal null (expecting 'l')"],
      ["'", "invalid character '\\'' looking for beginning of value"],
      [[0x9e], "invalid character '\\u009e' looking for beginning of value"],
      [[0x01], "invalid character '\\x01' looking for beginning of value"],
      [[0x22, 0x0a], "invalid character '\\n' in string literal"],
      [[0xe9], "invalid character 'é' looking for beginning of value"],
    ];
    for (const [text, message] of cases) assert.equal(syntax(text), message, String(text));
  });
});

describe("Go encoding/json struct decoding", () => {
  const fields = { v: "string", rv: "int64" } as const;
  const decode = (text: string) => goUnmarshalStruct(Buffer.from(text), "pkg.thing", fields);

  it("matches keys case-insensitively, ignoring nulls and unknown keys", () => {
    assert.deepEqual(decode('{"V":"a","RV":7,"x":[1],"v":null}'), { value: { v: "a", rv: 7n }, error: undefined });
    assert.deepEqual(decode("null"), { value: {}, error: undefined });
  });

  it("reports the first type mismatch with Go's wording", () => {
    assert.equal(decode('{"v":1,"rv":"x"}').error, "json: cannot unmarshal number into Go struct field thing.v of type string");
    assert.equal(decode('{"rv":1.5}').error, "json: cannot unmarshal number 1.5 into Go struct field thing.rv of type int64");
    assert.equal(decode('{"rv":9223372036854775808}').error, "json: cannot unmarshal number 9223372036854775808 into Go struct field thing.rv of type int64");
    assert.equal(decode('"s"').error, "json: cannot unmarshal string into Go value of type pkg.thing");
  });
});
