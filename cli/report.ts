/**
 * Prints generator diagnostics the way `tsc` prints its own, so that editors and CI annotators
 * that already understand `file:line:col - error TS1234: message` understand ours too:
 *
 * ```
 * api/v1alpha1/machine_types.ts:12:3 - error UCTL1001: unknown marker +kubebuilder:validation:Minimun
 *   field: spec.switches
 *   hint: did you mean +kubebuilder:validation:Minimum?
 * ```
 *
 * Colour (the same palette as tsc's `--pretty`) is used only when the caller says the stream is a
 * terminal, and never when `NO_COLOR` is set.
 */
import { isAbsolute, relative, resolve } from "node:path";

/** The part of crdgen's `Diagnostic` that the report reads; crdgen's own type satisfies it. */
export interface ReportedDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly fieldPath?: string | undefined;
  readonly hint?: string | undefined;
}

/** How a report is laid out. */
export interface ReportOptions {
  /** Whether to colour the output (a TTY without `NO_COLOR`). */
  readonly color: boolean;
  /** The folder diagnostic paths are shown relative to, as tsc shows them relative to the cwd. */
  readonly cwd: string;
  /** The folder relative diagnostic paths are resolved against (the project root). */
  readonly rootDir: string;
}

const ansi = {
  red: "\u001b[91m",
  yellow: "\u001b[93m",
  cyan: "\u001b[96m",
  grey: "\u001b[90m",
  reset: "\u001b[0m",
} as const;

function paint(options: ReportOptions, colour: keyof typeof ansi, text: string): string {
  return options.color ? `${ansi[colour]}${text}${ansi.reset}` : text;
}

/** Whether a stream should get colour: a terminal, and the user has not asked for none. */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && (env["NO_COLOR"] ?? "") === "" && env["TERM"] !== "dumb";
}

/** The path shown for a diagnostic: relative to the cwd when the file is under it, else absolute. */
export function displayPath(file: string, options: Pick<ReportOptions, "cwd" | "rootDir">): string {
  const absolute = isAbsolute(file) ? file : resolve(options.rootDir, file);
  const fromCwd = relative(options.cwd, absolute);
  return fromCwd === "" || fromCwd.startsWith("..") || isAbsolute(fromCwd) ? absolute : fromCwd;
}

/** One diagnostic as tsc prints one: a location line, then its field path and hint, indented. */
export function formatDiagnostic(diagnostic: ReportedDiagnostic, options: ReportOptions): string {
  const location =
    paint(options, "cyan", displayPath(diagnostic.file, options)) +
    ":" +
    paint(options, "yellow", String(diagnostic.line)) +
    ":" +
    paint(options, "yellow", String(diagnostic.column));
  const severity = paint(options, diagnostic.severity === "error" ? "red" : "yellow", diagnostic.severity);
  const lines = [`${location} - ${severity} ${paint(options, "grey", `${diagnostic.code}:`)} ${diagnostic.message}`];
  if (diagnostic.fieldPath) lines.push(`  field: ${diagnostic.fieldPath}`);
  if (diagnostic.hint) lines.push(`  hint: ${diagnostic.hint}`);
  return lines.join("\n") + "\n";
}

/** Orders diagnostics by the path shown, line and column, so that a report reads top to bottom. */
export function sortDiagnostics<T extends ReportedDiagnostic>(
  diagnostics: readonly T[],
  options: Pick<ReportOptions, "cwd" | "rootDir">,
): T[] {
  const keyed = diagnostics.map((diagnostic) => ({ diagnostic, path: displayPath(diagnostic.file, options) }));
  keyed.sort(
    (a, b) =>
      a.path.localeCompare(b.path) ||
      a.diagnostic.line - b.diagnostic.line ||
      a.diagnostic.column - b.diagnostic.column ||
      a.diagnostic.code.localeCompare(b.diagnostic.code),
  );
  return keyed.map(({ diagnostic }) => diagnostic);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * Every diagnostic, sorted and separated by blank lines as tsc does, then a closing line such as
 * `Found 2 errors in 1 file.` (empty string when there is nothing to report).
 */
export function formatReport(diagnostics: readonly ReportedDiagnostic[], options: ReportOptions): string {
  if (diagnostics.length === 0) return "";
  const body = sortDiagnostics(diagnostics, options)
    .map((diagnostic) => formatDiagnostic(diagnostic, options))
    .join("\n");
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  const warnings = diagnostics.length - errors.length;
  const files = new Set(diagnostics.map((diagnostic) => displayPath(diagnostic.file, options))).size;
  const counts = [
    errors.length > 0 ? plural(errors.length, "error") : "",
    warnings > 0 ? plural(warnings, "warning") : "",
  ]
    .filter(Boolean)
    .join(" and ");
  return `${body}\nFound ${counts} in ${plural(files, "file")}.\n`;
}
