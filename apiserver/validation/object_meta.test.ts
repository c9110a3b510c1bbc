import assert from "node:assert/strict";
import { test } from "node:test";
import type { KubeObject } from "../storage/types.js";
import { qualifiedNameErrors } from "../../apimachinery/index.js";
import { validateObjectMeta } from "./object_meta.js";

test("a qualified name's parts are checked in bytes, and an empty name part fails the pattern too", () => {
  assert.deepEqual(qualifiedNameErrors("example.com/").length, 2);
  assert.deepEqual(qualifiedNameErrors("k".repeat(64)), ["name part must be no more than 63 bytes"]);
  assert.match(qualifiedNameErrors("a/b/c")[0] ?? "", /^a valid label key must consist/);
});

test("owner references need every identifying field, finalizers are reported on the list", () => {
  const object = {
    metadata: {
      name: "a",
      namespace: "n",
      generateName: "Bad_",
      finalizers: ["ok", "not ok"],
      ownerReferences: [{ apiVersion: "example.com/", name: "o" }],
    },
  } as unknown as KubeObject;
  const errors = validateObjectMeta(object, { namespaced: true, nameRule: "dns1123Subdomain" });
  assert.deepEqual(
    errors.map((error) => `${error.field} ${error.type}`),
    [
      "metadata.generateName FieldValueInvalid",
      "metadata.ownerReferences[0].apiVersion FieldValueRequired",
      "metadata.ownerReferences[0].kind FieldValueRequired",
      "metadata.ownerReferences[0].uid FieldValueRequired",
      "metadata.finalizers FieldValueInvalid",
    ],
  );
});
