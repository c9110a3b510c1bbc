/**
 * Insertion at scaffold markers: a file that later commands extend carries a comment line
 * `// +kubebuilder:scaffold:<name>` (or `# +kubebuilder:scaffold:<name>` in YAML), and each
 * fragment lands just above it, at its indentation, as kubebuilder's machinery does. Inserting a
 * fragment that is already there changes nothing, so re-running a command is harmless.
 */
import { ScaffoldError } from "./errors.js";

/** One fragment (one or more lines, unindented) to put above the marker `name`. */
export interface Insertion {
  readonly marker: string;
  readonly fragment: string;
}

const MARKER_LINE = /^(\s*)(?:\/\/|#)\s*\+kubebuilder:scaffold:([A-Za-z0-9_-]+)\s*$/;

/** The text of a marker line for `name` in a file whose comments start with `commentPrefix`. */
export function markerComment(name: string, commentPrefix: "//" | "#" = "//"): string {
  return `${commentPrefix} +kubebuilder:scaffold:${name}`;
}

/**
 * Returns `content` with every insertion above its marker; `file` names the file in errors.
 * Throws a `marker-missing` ScaffoldError when a marker is not in the file.
 */
export function insertAtMarkers(content: string, insertions: readonly Insertion[], file: string): string {
  let lines = content.split("\n");
  for (const insertion of insertions) {
    const markerIndex = lines.findIndex((line) => MARKER_LINE.exec(line)?.[2] === insertion.marker);
    const markerLine = lines[markerIndex];
    if (markerLine === undefined) {
      throw new ScaffoldError(
        "marker-missing",
        `${file}: no "${markerComment(insertion.marker)}" marker line to insert at; put it back where new code should go`,
        { subject: file },
      );
    }
    const fragmentLines = insertion.fragment.replace(/\n+$/, "").split("\n");
    if (containsBlock(lines, fragmentLines)) continue;
    const indent = MARKER_LINE.exec(markerLine)?.[1] ?? "";
    const indented = fragmentLines.map((line) => (line === "" ? "" : indent + line));
    lines = [...lines.slice(0, markerIndex), ...indented, ...lines.slice(markerIndex)];
  }
  return lines.join("\n");
}

/** True when `block` already appears as consecutive lines of `lines`, ignoring indentation. */
function containsBlock(lines: readonly string[], block: readonly string[]): boolean {
  const wanted = block.map((line) => line.trim());
  const have = lines.map((line) => line.trim());
  for (let start = 0; start + wanted.length <= have.length; start++) {
    if (wanted.every((line, offset) => have[start + offset] === line)) return true;
  }
  return false;
}
