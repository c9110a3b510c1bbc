import assert from "node:assert/strict";
import { test } from "node:test";
import { insertAtMarkers } from "./insert.js";

const main = ["function setup() {", "  start();", "  // +kubebuilder:scaffold:builder", "}", ""].join("\n");

test("a fragment lands above its marker, at the marker's indentation", () => {
  const result = insertAtMarkers(main, [{ marker: "builder", fragment: "register(a);\nregister(b);" }], "main.ts");
  assert.equal(
    result,
    [
      "function setup() {",
      "  start();",
      "  register(a);",
      "  register(b);",
      "  // +kubebuilder:scaffold:builder",
      "}",
      "",
    ].join("\n"),
  );
});

test("inserting the same fragment twice changes nothing the second time", () => {
  const once = insertAtMarkers(main, [{ marker: "builder", fragment: "register(a);" }], "main.ts");
  assert.equal(insertAtMarkers(once, [{ marker: "builder", fragment: "register(a);" }], "main.ts"), once);
});

test("YAML markers use # comments", () => {
  const kustomization = "resources:\n# +kubebuilder:scaffold:crdkustomizeresource\n";
  assert.equal(
    insertAtMarkers(
      kustomization,
      [{ marker: "crdkustomizeresource", fragment: "- bases/a.yaml" }],
      "kustomization.yaml",
    ),
    "resources:\n- bases/a.yaml\n# +kubebuilder:scaffold:crdkustomizeresource\n",
  );
});

test("a missing marker is an error naming the file and the marker", () => {
  assert.throws(() => insertAtMarkers("const a = 1;\n", [{ marker: "imports", fragment: "import x;" }], "/p/main.ts"), {
    code: "marker-missing",
    message: /^\/p\/main\.ts: no "\/\/ \+kubebuilder:scaffold:imports" marker line/,
  });
});
