/**
 * Diagnostics: every problem the generator finds, as a value with its position.
 *
 * The generator never throws for bad input and never prints. Diagnostics travel one way: each
 * stage of the pipeline returns them beside its output as a {@link Checked} value, and
 * `generateManifests` gathers them and refuses to produce files when any of them is an error.
 */
import type * as ts from "typescript";

/** One problem found in the user's sources, positioned like a `tsc` diagnostic (1-based). */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  code: `UCTL${number}`;
  severity: "error" | "warning";
  message: string;
  /** Dotted path of the schema field concerned, e.g. `Machine.spec.switches`. */
  fieldPath?: string;
  /** What to write instead, when the fix is mechanical. */
  hint?: string;
}

/**
 * What a pipeline stage returns: its output and every problem found producing it. A stage with
 * errors still returns the output it could build, so that later stages can report their own
 * problems in the same run (as `tsc` reports every error, not the first).
 */
export interface Checked<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

/** The code table: one stable code per kind of problem, grouped by stage. */
export const DiagnosticCode = {
  // markers: grammar and registry
  unknownMarker: "UCTL1001",
  malformedMarker: "UCTL1002",
  wrongTarget: "UCTL1003",
  markerNotApplicable: "UCTL1004",
  conflictingMarkers: "UCTL1005",
  unknownTag: "UCTL1006",
  unsupportedTag: "UCTL1007",
  // schema: types
  noSchema: "UCTL1101",
  unsupportedType: "UCTL1102",
  recursiveType: "UCTL1103",
  invalidDefault: "UCTL1104",
  structural: "UCTL1105",
  // CRD assembly
  missingGroup: "UCTL1201",
  storageVersion: "UCTL1202",
  invalidKind: "UCTL1203",
  duplicateKind: "UCTL1204",
  crdTooLarge: "UCTL1205",
  // program
  typeError: "UCTL1301",
  missingFile: "UCTL1302",
  // webhook assembly
  invalidWebhook: "UCTL1401",
  duplicateWebhookConfiguration: "UCTL1402",
} as const satisfies Record<string, `UCTL${number}`>;

/** Where a diagnostic points: a file plus 1-based line and column. */
export interface Position {
  file: string;
  line: number;
  column: number;
}

/** The position of `node` (its first token, comments skipped), in the form diagnostics use. */
export function positionOf(node: ts.Node, sourceFile = node.getSourceFile()): Position {
  return positionAt(sourceFile, node.getStart(sourceFile));
}

/** The position of character `offset` in `sourceFile`. */
export function positionAt(sourceFile: ts.SourceFile, offset: number): Position {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(offset);
  return { file: sourceFile.fileName, line: line + 1, column: character + 1 };
}

/** Where a diagnostic's optional details come from. */
export interface DiagnosticExtra {
  fieldPath?: string | undefined;
  hint?: string | undefined;
}

function diagnosticAt(severity: Diagnostic["severity"]) {
  return (position: Position, code: Diagnostic["code"], message: string, extra: DiagnosticExtra = {}): Diagnostic => {
    const diagnostic: Diagnostic = { ...position, code, severity, message };
    if (extra.fieldPath !== undefined) diagnostic.fieldPath = extra.fieldPath;
    if (extra.hint !== undefined) diagnostic.hint = extra.hint;
    return diagnostic;
  };
}

/** Builds an error diagnostic at `position`. */
export const errorAt = diagnosticAt("error");

/** Builds a warning diagnostic at `position`. */
export const warningAt = diagnosticAt("warning");

/** Sorts diagnostics by file, line, column, then code, so that output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === "error");
}
