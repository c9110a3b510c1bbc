import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { goJsonSyntaxError, goJsonTypeName, parseGoJson } from "./go_json.js";

// Expected texts are what Go 1.26's json.Unmarshal returns for the same bytes.
const cases: [input: string, expected: string | undefined][] = [
  ["", "unexpected end of JSON input"],
  [" ", "unexpected end of JSON input"],
  ['{"apiVersion": ', "unexpected end of JSON input"],
  ["[1,2", "unexpected end of JSON input"],
  ['"abc', "unexpected end of JSON input"],
  ["{not json", "invalid character 'n' looking for beginning of object key string"],
  ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
  ['{"a" 1}', "invalid character '1' after object key"],
  ['{"a":1 "b":2}', "invalid character '\"' after object key:value pair"],
  ["[1 2]", "invalid character '2' after array element"],
  ['{"a":[1,2}', "invalid character '}' after array element"],
  ["{} x", "invalid character 'x' after top-level value"],
  ["01", "invalid character '1' after top-level value"],
  ['{"a":1}}', "invalid character '}' after top-level value"],
  ["[1,]", "invalid character ']' looking for beginning of value"],
  ['{"a":\n}', "invalid character '}' looking for beginning of value"],
  ["'x'", "invalid character '\\'' looking for beginning of value"],
  ["\x01", "invalid character '\\x01' looking for beginning of value"],
  ["\x7f", "invalid character '\\x7f' looking for beginning of value"],
  ["\xad", "invalid character '\\u00ad' looking for beginning of value"],
  ["\xc3\xa9", "invalid character 'Ã' looking for beginning of value"],
  ["tru", "invalid character ' ' in literal true (expecting 'e')"],
  ['{"a":tx}', "invalid character 'x' in literal true (expecting 'r')"],
  ["nulL", "invalid character 'L' in literal null (expecting 'l')"],
  ["fals", "invalid character ' ' in literal false (expecting 'e')"],
  ["-", "invalid character ' ' in numeric literal"],
  ["[-a]", "invalid character 'a' in numeric literal"],
  ["1.", "invalid character ' ' after decimal point in numeric literal"],
  ["1.5e", "invalid character ' ' in exponent of numeric literal"],
  ["1e+x", "invalid character 'x' in exponent of numeric literal"],
  ['"a\tb"', "invalid character '\\t' in string literal"],
  ['"\\x"', "invalid character 'x' in string escape code"],
  ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape"],
  ["123", undefined],
  ["[]", undefined],
  [" {} ", undefined],
  ['{"a":[1,-2.5e+3,true,false,null,"\\u00e9"]}', undefined],
];

describe("goJsonSyntaxError", () => {
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} -> ${expected ?? "valid"}`, () => {
      assert.equal(goJsonSyntaxError(Buffer.from(input, "latin1")), expected);
    });
  }
});

describe("parseGoJson and goJsonTypeName", () => {
  it("decodes valid documents and names JSON types as encoding/json does", () => {
    assert.deepEqual(parseGoJson(Buffer.from('{"a":[1]}')), { value: { a: [1] } });
    assert.deepEqual(parseGoJson(Buffer.from("[")), { error: "unexpected end of JSON input" });
    assert.deepEqual([{}, [], "s", 1, true, null].map(goJsonTypeName), [
      "object",
      "array",
      "string",
      "number",
      "bool",
      "null",
    ]);
  });
});

describe("nesting depth", () => {
  const nested = (depth: number) => Buffer.from(`{"foo":${"[".repeat(depth - 1)}${"]".repeat(depth - 1)}}`);

  it("accepts 10,000 levels and refuses the next with encoding/json's scanner error", () => {
    assert.ok("value" in parseGoJson(nested(10_000)));
    assert.deepEqual(parseGoJson(nested(10_001)), { error: "invalid character '[' exceeded max depth" });
  });

  it("reports a syntax error before the depth limit first, as the scanner meets it first", () => {
    const body = Buffer.from(`{"a":x,"foo":${"[".repeat(10_001)}}`);
    assert.deepEqual(parseGoJson(body), { error: "invalid character 'x' looking for beginning of value" });
  });

  it("does not count brackets inside strings", () => {
    const body = Buffer.from(`{"foo":"${"[".repeat(20_000)}"}`);
    assert.ok("value" in parseGoJson(body));
  });
});
