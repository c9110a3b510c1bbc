/**
 * Applies schema markers to a schema node in controller-gen's priority order (Type and
 * XIntOrString first, `+default` then `+kubebuilder:default` last), reporting the markers that do
 * not fit the node as diagnostics at the marker.
 */
import { DiagnosticCode, errorAt, type Diagnostic } from "../diagnostics.js";
import type { MarkerInstance } from "../markers/registry.js";
import type { JSONSchemaProps } from "./model.js";

/** Applies every marker that changes schemas; `path` names the node in diagnostics. */
export function applySchemaMarkers(
  schema: JSONSchemaProps,
  markers: readonly MarkerInstance[],
  path: string,
  diagnostics: Diagnostic[],
): void {
  const applicable = markers
    .map((marker, index) => ({ marker, index }))
    .filter(({ marker }) => marker.definition.applyToSchema !== undefined)
    .sort((a, b) => (a.marker.definition.priority ?? 0) - (b.marker.definition.priority ?? 0) || a.index - b.index);
  for (const { marker } of applicable) {
    const problem = marker.definition.applyToSchema?.(schema, marker.value);
    if (problem !== undefined) {
      diagnostics.push(
        errorAt(
          marker.position,
          DiagnosticCode.markerNotApplicable,
          `+${marker.definition.name} on ${path}: ${problem}`,
          { fieldPath: path },
        ),
      );
    }
  }
}

/** True when one of `markers` is named `name`. */
export function hasMarker(markers: readonly MarkerInstance[], ...names: readonly string[]): boolean {
  return markers.some((marker) => names.includes(marker.definition.name));
}

/** The first marker named one of `names`. */
export function findMarker(
  markers: readonly MarkerInstance[],
  ...names: readonly string[]
): MarkerInstance | undefined {
  return markers.find((marker) => names.includes(marker.definition.name));
}
