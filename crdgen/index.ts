/**
 * crdgen: CustomResourceDefinitions and the manager Role from TypeScript types with
 * controller-gen markers.
 *
 * Entry point: `generateManifests({ rootDir, apiFiles, controllerFiles })` builds one
 * `ts.Program`, finds the kinds (`+kubebuilder:object:root=true` interfaces in API version
 * folders named by `groupversion_info.ts`), models their types, turns the models into structural
 * OpenAPI v3 schemas, assembles CRDs and RBAC roles, and writes YAML byte-for-byte in
 * controller-gen's layout. Problems come back as `Diagnostic`s (file, line, column, code); any
 * error means no files. `markerHelp()` lists every marker and its JSDoc aliases.
 *
 * Not here: discovering files, writing them and printing diagnostics (that is `cli/`), webhooks,
 * conversion, and deep-copy generation (TypeScript has no use for it).
 */
import { markerHelpRows, type MarkerHelp } from "./markers/help.js";
import { markerRegistry } from "./markers/table.js";

export { generateManifests, defaultGenerateOptions, maxClientSideApplyBytes } from "./generate.js";
export type { GenerateInput, GenerateOptions, GenerateResult } from "./generate.js";
export type { Diagnostic } from "./diagnostics.js";
export type { MarkerHelp } from "./markers/help.js";
export type { JSONSchemaProps } from "./schema/model.js";
export { checkStructural } from "./schema/structural_check.js";
export type { StructuralViolation } from "./schema/structural_check.js";

/** The marker table, one row per marker and target, with the JSDoc tags that alias each. */
export function markerHelp(): MarkerHelp[] {
  return markerHelpRows(markerRegistry);
}
