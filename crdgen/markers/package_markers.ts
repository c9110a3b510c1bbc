/**
 * Package markers written anywhere in a file: `+kubebuilder:rbac` in controllers and
 * `+kubebuilder:webhook` in webhook files, collected from every comment as controller-gen reads
 * a whole package's markers. Each assembler picks the markers it knows by name.
 */
import type * as ts from "typescript";
import type { Checked, Diagnostic } from "../diagnostics.js";
import { collectFromAllComments } from "./collect.js";
import type { MarkerInstance, MarkerRegistry } from "./registry.js";

/** The markers of `sourceFiles`, in file order, with the problems found reading them. */
export function collectPackageMarkers(
  sourceFiles: readonly ts.SourceFile[],
  registry: MarkerRegistry,
): Checked<MarkerInstance[]> {
  const diagnostics: Diagnostic[] = [];
  const markers = sourceFiles.flatMap((sourceFile) => {
    const collected = collectFromAllComments(sourceFile, registry);
    diagnostics.push(...collected.diagnostics);
    return collected.markers;
  });
  return { value: markers, diagnostics };
}
