import assert from "node:assert/strict";
import { test } from "node:test";
import { dns1123LabelErrors } from "./name_validation.js";

test("a DNS label check tells a valid subdomain it must not contain dots (IsDNS1123Label)", () => {
  assert.deepEqual(dns1123LabelErrors("a.b"), ["must not contain dots"]);
  assert.deepEqual(dns1123LabelErrors("ok-name"), []);
  assert.match(dns1123LabelErrors("Bad_Name")[0] ?? "", /^a lowercase RFC 1123 label must consist/);
  assert.deepEqual(dns1123LabelErrors(`${"a".repeat(60)}.bcd`), [
    "must be no more than 63 characters",
    "must not contain dots",
  ]);
});
