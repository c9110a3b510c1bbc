/**
 * A conversion webhook makes its version the hub: kubebuilder's TypesUpdater marks the kind
 * `+kubebuilder:storageversion` in its types file, so that a CRD served in several versions
 * stores this one. The marker goes right after the kind's `+kubebuilder:object:root=true`.
 */
import { ScaffoldError } from "./errors.js";

const STORAGE_VERSION = "+kubebuilder:storageversion";

/**
 * Returns `content` (the types file `file`) with the storage version marker on `kind`, or
 * unchanged when any kind of the file has one already (a CRD stores one version).
 */
export function withStorageVersionMarker(content: string, kind: string, file: string): string {
  if (content.includes(STORAGE_VERSION)) return content;
  const lines = content.split("\n");
  const declaration = lines.findIndex((line) => new RegExp(`^export interface ${kind}\\b`).test(line));
  let rootMarker = -1;
  // the kind's doc comment: the comment lines right above its declaration
  for (let index = declaration - 1; index >= 0 && /^\s*(\/\*\*|\*)/.test(lines[index] ?? ""); index--) {
    if (/^\s*\*\s*\+kubebuilder:object:root=true\s*$/.test(lines[index] ?? "")) rootMarker = index;
  }
  const markerLine = lines[rootMarker];
  if (declaration < 0 || markerLine === undefined) {
    throw new ScaffoldError(
      "marker-missing",
      `${file}: expected "export interface ${kind}" with "+kubebuilder:object:root=true" in its doc comment, to mark it ${STORAGE_VERSION} for the conversion webhook`,
      { subject: file },
    );
  }
  const indent = /^(\s*\*)/.exec(markerLine)?.[1] ?? " *";
  return [...lines.slice(0, rootMarker + 1), `${indent} ${STORAGE_VERSION}`, ...lines.slice(rootMarker + 1)].join("\n");
}
