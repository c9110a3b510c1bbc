import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { readCrdFiles } from "./crd_install.js";

const folder = mkdtempSync(join(tmpdir(), "uselessctl-crd-test-"));
after(() => rmSync(folder, { recursive: true, force: true }));

const crd = (name: string) =>
  `apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: ${name}\n`;

test("CRDs are read from every YAML/JSON file of a folder, other kinds and files ignored", () => {
  const crds = join(folder, "crds");
  mkdirSync(crds);
  writeFileSync(
    join(crds, "b.yaml"),
    `${crd("b.example.com")}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n`,
  );
  writeFileSync(join(crds, "a.yml"), crd("a.example.com"));
  writeFileSync(join(crds, "README.md"), "# not a manifest");
  assert.deepEqual(
    readCrdFiles([crds]).map((c) => c.metadata?.name),
    ["a.example.com", "b.example.com"],
  );
});

test("a file that is not YAML is named in the error", () => {
  const bad = join(folder, "bad.yaml");
  writeFileSync(bad, "kind: [unclosed\n");
  assert.throws(() => readCrdFiles([bad]), new RegExp(`${bad}: not valid YAML`));
});

test("a missing path is an error unless errorIfPathMissing is false", () => {
  const missing = join(folder, "nope");
  assert.throws(() => readCrdFiles([missing]), /CRD path .*nope does not exist/);
  assert.deepEqual(readCrdFiles([missing], false), []);
});
