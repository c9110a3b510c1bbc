/**
 * Golden files: every case in crdgen/testdata/valid generates exactly expected.yaml, and every
 * case in crdgen/testdata/invalid reports exactly expected.txt (all diagnostics, with positions)
 * and writes nothing. `UPDATE_GOLDEN=1 npm test` rewrites them; review the diff before committing.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fixtureCases, generateFixture, renderDiagnostics, renderFiles, testdataRoot } from "./internal/fixtures.js";
import type { JSONSchemaProps } from "./schema/model.js";
import { checkStructural } from "./schema/structural_check.js";

const update = process.env["UPDATE_GOLDEN"] === "1";

function compareGolden(path: string, actual: string): void {
  if (update) {
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `${path} is missing; run UPDATE_GOLDEN=1 npm test and review it`);
  assert.equal(actual, readFileSync(path, "utf8"), `${path} differs; if the change is intended, run UPDATE_GOLDEN=1 npm test and review the diff`);
}

describe("valid fixtures", () => {
  for (const name of fixtureCases("valid")) {
    it(`${name} generates expected.yaml with no errors and structural schemas`, () => {
      const caseDir = join(testdataRoot, "valid", name);
      const result = generateFixture(caseDir);
      const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
      assert.deepEqual(errors, [], renderDiagnostics(errors));
      compareGolden(join(caseDir, "expected.yaml"), renderDiagnostics(result.diagnostics) + renderFiles(result));
      for (const crd of result.crds as { spec: { versions: { name: string; schema: { openAPIV3Schema: JSONSchemaProps } }[] } }[]) {
        for (const version of crd.spec.versions) {
          assert.deepEqual(checkStructural(version.schema.openAPIV3Schema), [], `${name} ${version.name} is not structural`);
        }
      }
    });
  }
});

describe("invalid fixtures", () => {
  for (const name of fixtureCases("invalid")) {
    it(`${name} reports expected.txt and writes no file`, () => {
      const caseDir = join(testdataRoot, "invalid", name);
      const result = generateFixture(caseDir);
      assert.ok(result.diagnostics.some((diagnostic) => diagnostic.severity === "error"), `${name} reported no error`);
      assert.deepEqual(result.files, []);
      compareGolden(join(caseDir, "expected.txt"), renderDiagnostics(result.diagnostics));
    });
  }
});
