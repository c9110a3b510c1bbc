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
import { checkStructural } from "./schema/structural_check.js";

const update = process.env["UPDATE_GOLDEN"] === "1";

function compareGolden(path: string, actual: string): void {
  if (update) {
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `${path} is missing; run UPDATE_GOLDEN=1 npm test and review it`);
  assert.equal(
    actual,
    readFileSync(path, "utf8"),
    `${path} differs; if the change is intended, run UPDATE_GOLDEN=1 npm test and review the diff`,
  );
}

describe("valid fixtures", () => {
  for (const name of fixtureCases("valid")) {
    it(`${name} generates expected.yaml with no errors and structural schemas`, () => {
      const caseDir = join(testdataRoot, "valid", name);
      const result = generateFixture(caseDir);
      const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
      assert.deepEqual(errors, [], renderDiagnostics(errors));
      compareGolden(join(caseDir, "expected.yaml"), renderDiagnostics(result.diagnostics) + renderFiles(result));
      for (const crd of result.crds) {
        for (const version of crd.spec.versions) {
          assert.deepEqual(
            checkStructural(version.schema.openAPIV3Schema),
            [],
            `${name} ${version.name} is not structural`,
          );
        }
      }
    });
  }
});

/** The error each invalid case exists for: its code and the words of its message. */
const expectedErrors: Record<string, { code: string; message: RegExp }[]> = {
  unknown_marker: [{ code: "UCTL1001", message: /^unknown marker \+kubebuilder:validation:Minimun$/ }],
  malformed_argument: [
    { code: "UCTL1002", message: /Minimum: expected a number, got "one"/ },
    { code: "UCTL1002", message: /missing required argument rule/ },
    { code: "UCTL1002", message: /unknown argument "severity"/ },
    { code: "UCTL1002", message: /printcolumn is missing required argument JSONPath/ },
  ],
  wrong_target: [
    { code: "UCTL1003", message: /\+kubebuilder:subresource:status cannot be used on a field; it applies to: type/ },
  ],
  wrong_type: [
    { code: "UCTL1004", message: /must apply minimum to a numeric value, found string/ },
    { code: "UCTL1004", message: /must apply listType to an array, found string/ },
  ],
  no_schema: [
    { code: "UCTL1101", message: /callback: a function has no schema/ },
    { code: "UCTL1101", message: /id: a symbol has no JSON form/ },
    { code: "UCTL1101", message: /anything has no schema: any needs \+kubebuilder:pruning:PreserveUnknownFields/ },
    { code: "UCTL1101", message: /opaque has no schema: unknown needs/ },
  ],
  optional_and_required: [{ code: "UCTL1005", message: /name is marked both \+optional and \+required/ }],
  missing_group: [{ code: "UCTL1201", message: /^kind Widget has no API group$/ }],
  two_storage_versions: [{ code: "UCTL1202", message: /has 2 storage versions \(v1, v2\)/ }],
  no_storage_version: [{ code: "UCTL1202", message: /has no storage version/ }],
  invalid_default: [
    {
      code: "UCTL1104",
      message:
        /default of Widget.spec.position does not validate against its schema: must be one of "up", "down", got "sideways"/,
    },
  ],
  recursive_type: [
    { code: "UCTL1103", message: /type TreeNode refers to itself/ },
    { code: "UCTL1103", message: /type Tree refers to itself/ },
    { code: "UCTL1103", message: /type Chain refers to itself/ },
  ],
  jsdoc_tags: [
    { code: "UCTL1007", message: /^@ignore leaves out properties, not a type$/ },
    { code: "UCTL1007", message: /^@uniqueItems is not supported: kube-apiserver refuses uniqueItems/ },
    { code: "UCTL1007", message: /^@\$ref is not supported: a structural schema cannot hold \$ref$/ },
    { code: "UCTL1007", message: /^@additionalProperties is not supported/ },
    { code: "UCTL1007", message: /^@contains is not supported/ },
    { code: "UCTL1007", message: /^@items.default is not supported: @default has no form for the items of an array$/ },
    { code: "UCTL1007", message: /^@items takes a JSON object of item keywords, got "not-json"$/ },
    { code: "UCTL1007", message: /^@asType is not supported/ },
    { code: "UCTL1007", message: /^@discriminator is not supported: unions of object types/ },
  ],
  not_structural: [{ code: "UCTL1105", message: /uniqueItems cannot be true/ }],
  kind_shape: [{ code: "UCTL1203", message: /kind Widget lacks apiVersion, kind, metadata/ }],
  type_error: [{ code: "UCTL1301", message: /has no exported member 'NoSuchType'/ }],
  invalid_webhook: [
    { code: "UCTL1401", message: /^invalid \+kubebuilder:webhook argument sideEffects: "Some" is not allowed/ },
    { code: "UCTL1401", message: /argument sideEffects: missing/ },
    { code: "UCTL1401", message: /argument url: path and url cannot both be given/ },
    { code: "UCTL1401", message: /argument path: one of path and url is required/ },
    { code: "UCTL1401", message: /argument matchPolicy: "Sometimes" is not one of "Exact", "Equivalent"/ },
    { code: "UCTL1401", message: /argument timeoutSeconds: must be between 1 and 30, got 31/ },
    { code: "UCTL1401", message: /argument failurePolicy: "Retry" is not one of "Fail", "Ignore"/ },
    { code: "UCTL1401", message: /argument verbs: "patch" is not one of "CREATE"/ },
    { code: "UCTL1401", message: /argument webhookVersions: unsupported webhook version "v1beta1"/ },
    { code: "UCTL1401", message: /argument admissionReviewVersions: at least one version is required/ },
    { code: "UCTL1401", message: /argument reinvocationPolicy: "Always" is not one of "Never", "IfNeeded"/ },
    { code: "UCTL1401", message: /argument servicePort: must be between 1 and 65535, got 70000/ },
    { code: "UCTL1401", message: /argument name: another mutating webhook is already named "mm.kb.io"/ },
    { code: "UCTL1002", message: /\+kubebuilder:webhook is missing required argument name/ },
    { code: "UCTL1002", message: /unknown argument "patch"/ },
    { code: "UCTL1402", message: /a second mutating configuration/ },
  ],
  unsupported_types: [
    { code: "UCTL1102", message: /enum Mixed mixes string and number members/ },
    { code: "UCTL1102", message: /the generic type Box needs a type argument for T/ },
    { code: "UCTL1102", message: /\{ a: string \} has no property b/ },
    { code: "UCTL1102", message: /Partial<…> needs an object type, and string is not one/ },
    { code: "UCTL1101", message: /shape has no structural schema: a union of different types/ },
  ],
};

describe("invalid fixtures", () => {
  for (const name of fixtureCases("invalid")) {
    it(`${name} reports expected.txt and writes no file`, () => {
      const caseDir = join(testdataRoot, "invalid", name);
      const result = generateFixture(caseDir);
      assert.ok(
        result.diagnostics.some((diagnostic) => diagnostic.severity === "error"),
        `${name} reported no error`,
      );
      assert.deepEqual(result.files, []);
      const expected = expectedErrors[name];
      assert.ok(expected, `add the expected errors of ${name} to expectedErrors`);
      for (const { code, message } of expected) {
        assert.ok(
          result.diagnostics.some(
            (diagnostic) =>
              diagnostic.severity === "error" &&
              diagnostic.code === code &&
              message.test(diagnostic.message) &&
              diagnostic.line > 0,
          ),
          `${name}: no ${code} error matching ${message}\n${renderDiagnostics(result.diagnostics)}`,
        );
      }
      compareGolden(join(caseDir, "expected.txt"), renderDiagnostics(result.diagnostics));
    });
  }
});
