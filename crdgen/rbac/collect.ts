/**
 * The RBAC half of marker collection: every `+kubebuilder:rbac` marker written in any comment of
 * the controller files, as controller-gen reads them from a whole package.
 */
import type * as ts from "typescript";
import type { Checked, Diagnostic } from "../diagnostics.js";
import { collectFromAllComments } from "../markers/collect.js";
import type { MarkerInstance, MarkerRegistry } from "../markers/registry.js";

/** The markers of `controllerFiles`, in file order, with the problems found reading them. */
export function collectRbacMarkers(
  controllerFiles: readonly ts.SourceFile[],
  registry: MarkerRegistry,
): Checked<MarkerInstance[]> {
  const diagnostics: Diagnostic[] = [];
  const markers = controllerFiles.flatMap((sourceFile) => {
    const collected = collectFromAllComments(sourceFile, registry);
    diagnostics.push(...collected.diagnostics);
    return collected.markers;
  });
  return { value: markers, diagnostics };
}
