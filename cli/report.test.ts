import { test } from "node:test";
import assert from "node:assert/strict";
import { displayPath, formatDiagnostic, formatReport, wantsColor, type ReportedDiagnostic } from "./report.js";

const plain = { color: false, cwd: "/work/project", rootDir: "/work/project" };
const unknownMarker: ReportedDiagnostic = {
  file: "/work/project/api/v1alpha1/switch_types.ts",
  line: 20,
  column: 3,
  code: "UCTL1001",
  severity: "error",
  message: "unknown marker +kubebuilder:validation:Minimun",
  fieldPath: "spec.position",
  hint: "did you mean +kubebuilder:validation:Minimum?",
};

test("a diagnostic reads like tsc's: path:line:col - error CODE: message, then field and hint", () => {
  assert.equal(
    formatDiagnostic(unknownMarker, plain),
    "api/v1alpha1/switch_types.ts:20:3 - error UCTL1001: unknown marker +kubebuilder:validation:Minimun\n" +
      "  field: spec.position\n" +
      "  hint: did you mean +kubebuilder:validation:Minimum?\n",
  );
});

test("without field path or hint a diagnostic is one line", () => {
  const { fieldPath: _field, hint: _hint, ...bare } = unknownMarker;
  assert.equal(formatDiagnostic({ ...bare, severity: "warning" }, plain).split("\n").length, 2);
});

test("colour paints the location, severity and code with tsc's palette, and only when asked", () => {
  const coloured = formatDiagnostic(unknownMarker, { ...plain, color: true });
  assert.ok(
    coloured.startsWith(
      "\u001b[96mapi/v1alpha1/switch_types.ts\u001b[0m:\u001b[93m20\u001b[0m:\u001b[93m3\u001b[0m - \u001b[91merror\u001b[0m",
    ),
  );
  assert.ok(!formatDiagnostic(unknownMarker, plain).includes("\u001b"), "no ANSI escape in plain output");
});

test("colour is wanted on a terminal only, and never with NO_COLOR or TERM=dumb", () => {
  assert.equal(wantsColor({ isTTY: true }, {}), true);
  assert.equal(wantsColor({ isTTY: false }, {}), false);
  assert.equal(wantsColor({}, {}), false);
  assert.equal(wantsColor({ isTTY: true }, { NO_COLOR: "1" }), false);
  assert.equal(wantsColor({ isTTY: true }, { TERM: "dumb" }), false);
});

test("paths are shown relative to the cwd; relative paths are taken from the project root", () => {
  assert.equal(displayPath("api/v1/a.ts", { cwd: "/work", rootDir: "/work/project" }), "project/api/v1/a.ts");
  assert.equal(displayPath("/elsewhere/a.ts", { cwd: "/work/project", rootDir: "/work/project" }), "/elsewhere/a.ts");
});

test("a report sorts by path, line and column and ends with the counts", () => {
  const warning: ReportedDiagnostic = {
    ...unknownMarker,
    file: "api/v1alpha1/machine_types.ts",
    severity: "warning",
    line: 99,
  };
  const early: ReportedDiagnostic = { ...unknownMarker, line: 2 };
  const report = formatReport([unknownMarker, warning, early], plain);
  const locations = report
    .split("\n")
    .filter((line) => / - (error|warning) /.test(line))
    .map((line) => line.split(" - ")[0]);
  assert.deepEqual(locations, [
    "api/v1alpha1/machine_types.ts:99:3",
    "api/v1alpha1/switch_types.ts:2:3",
    "api/v1alpha1/switch_types.ts:20:3",
  ]);
  assert.ok(report.endsWith("\nFound 2 errors and 1 warning in 2 files.\n"));
  assert.equal(formatReport([], plain), "");
});
