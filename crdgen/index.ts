/**
 * crdgen: CustomResourceDefinitions, the manager Role and the webhook configurations from
 * TypeScript types and files with controller-gen markers.
 *
 * Entry point: `generateManifests({ rootDir, apiFiles, controllerFiles, webhookFiles, compilerOptions })` runs
 * a pipeline of pure stages over typed values: one `ts.Program` → marker collection (the kinds
 * in API version folders named by `groupversion_info.ts`, the RBAC and webhook markers) →
 * type models → CRD layout (CRD markers) → structural OpenAPI v3 schemas → typed
 * `CustomResourceDefinition`, Role and WebhookConfiguration values → YAML byte-for-byte in controller-gen's layout.
 * Problems come back as `Diagnostic`s (file, line, column, code) beside the result; any error
 * means no files. `markerHelp()` lists every marker and its JSDoc aliases.
 *
 * Not here: finding a project's files, reading its tsconfig.json, writing files and printing
 * diagnostics (`planManifests` in scaffold/ plans the files, `cli/` prints), webhook servers,
 * conversion, and deep-copy generation (TypeScript has no use for it).
 */
import { markerHelpRows, type MarkerHelp } from "./markers/help.js";
import { markerRegistry } from "./markers/table.js";

export { generateManifests, defaultGenerateOptions } from "./generate.js";
export type { GenerateInput, GenerateOptions, GenerateResult } from "./generate.js";
export { maxClientSideApplyBytes } from "./yaml/manifests.js";
export type { GeneratedFile } from "./yaml/manifests.js";
export type { Checked, Diagnostic } from "./diagnostics.js";
export type {
  CustomResourceColumnDefinition,
  CustomResourceDefinition,
  CustomResourceDefinitionMetadata,
  CustomResourceDefinitionNames,
  CustomResourceDefinitionSpec,
  CustomResourceDefinitionVersion,
  CustomResourceSubresources,
  CustomResourceSubresourceScale,
  CustomResourceValidation,
  ResourceScope,
  SelectableField,
} from "./crd/types.js";
export type { ClusterRole, PolicyRule, RbacRole, Role } from "./rbac/types.js";
export type {
  MutatingWebhook,
  MutatingWebhookConfiguration,
  RuleWithOperations,
  ValidatingWebhook,
  ValidatingWebhookConfiguration,
  WebhookClientConfig,
  WebhookConfiguration,
} from "./webhook/types.js";
export type { MarkerHelp } from "./markers/help.js";
export type { JSONSchemaProps } from "./schema/model.js";
export { checkStructural } from "./schema/structural_check.js";
export type { StructuralViolation } from "./schema/structural_check.js";

/** The marker table, one row per marker and target, with the JSDoc tags that alias each. */
export function markerHelp(): MarkerHelp[] {
  return markerHelpRows(markerRegistry);
}
