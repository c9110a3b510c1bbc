/**
 * The pipeline, run in sequence over typed values: program (one `ts.Program`) → marker
 * collection (kinds, RBAC and webhook markers) → type models → CRD layout → structural schemas →
 * CRD, RBAC and webhook assembly → YAML. Each stage is a function from data to data that returns its output
 * beside its diagnostics (`Checked`); this function only runs them in order, gathers the
 * diagnostics, and produces no file when any of them is an error.
 */
import { relative, sep } from "node:path";
import type ts from "typescript";
import { assembleCrds } from "./crd/assemble.js";
import { modelKinds } from "./crd/kind_models.js";
import { findKinds } from "./crd/kinds.js";
import { layOutCrds } from "./crd/layout.js";
import { buildSchemas, checkStructuralSchemas } from "./crd/schemas.js";
import type { CustomResourceDefinition } from "./crd/types.js";
import { hasErrors, sortDiagnostics, type Checked, type Diagnostic } from "./diagnostics.js";
import { collectPackageMarkers } from "./markers/package_markers.js";
import { markerRegistry } from "./markers/table.js";
import { loadProgram } from "./program.js";
import { assembleRoles } from "./rbac/assemble.js";
import type { ClusterRole, RbacRole } from "./rbac/types.js";
import { assembleWebhookConfigurations } from "./webhook/assemble.js";
import type { WebhookConfiguration } from "./webhook/types.js";
import { renderManifests, type GeneratedFile } from "./yaml/manifests.js";

/** What `generateManifests` reads. */
export interface GenerateInput {
  /** Project root; output paths and diagnostic files are relative to it. */
  rootDir: string;
  /** Absolute paths of `api/<version>/*.ts`. */
  apiFiles: readonly string[];
  /** Absolute paths of `controllers/*.ts` (RBAC markers). */
  controllerFiles: readonly string[];
  /** Absolute paths of the webhook files (`+kubebuilder:webhook` markers); none when left out. */
  webhookFiles?: readonly string[];
  /** The project's compiler options (its tsconfig.json); defaults when left out. */
  compilerOptions?: ts.CompilerOptions;
}

/** Options of a run. */
export interface GenerateOptions {
  /** controller-gen's maxDescLen: 0 drops descriptions, n cuts them at n characters + "...". */
  maxDescriptionLength: number | undefined;
  /** Written to the `controller-gen.kubebuilder.io/version` annotation of every CRD. */
  controllerGenVersion: string;
  /** Also report TypeScript type errors in the API files (UCTL1301); costs a type-check. */
  typeCheck: boolean;
  /**
   * controller-gen's generateEmbeddedObjectMeta: the metadata of embedded objects (a pod
   * template's) gets name, namespace, labels, annotations and finalizers instead of `type: object`.
   */
  generateEmbeddedObjectMeta: boolean;
}

/** Defaults of `GenerateOptions`. */
export const defaultGenerateOptions: GenerateOptions = {
  maxDescriptionLength: undefined,
  controllerGenVersion: "v0.18.0",
  typeCheck: false,
  generateEmbeddedObjectMeta: false,
};

/** What a run produced. */
export interface GenerateResult {
  /** The files to write, sorted by path; none when any diagnostic is an error. */
  files: GeneratedFile[];
  /** Every CRD assembled, also when errors keep the files from being written. */
  crds: CustomResourceDefinition[];
  /** The manager's ClusterRole, when any RBAC marker has no namespace. */
  role: ClusterRole | undefined;
  /** Every Role object (the ClusterRole first, then namespaced Roles), as written to role.yaml. */
  roles: RbacRole[];
  /** The Mutating and ValidatingWebhookConfiguration (in that order), as written to config/webhook/manifests.yaml. */
  webhookConfigurations: WebhookConfiguration[];
  /** Every problem found, sorted by file and position, files relative to `rootDir`. */
  diagnostics: Diagnostic[];
}

/** Generates CRDs, the manager Role and the webhook configurations from a project's API, controller and webhook files. */
export function generateManifests(input: GenerateInput, options: Partial<GenerateOptions> = {}): GenerateResult {
  const settings: GenerateOptions = { ...defaultGenerateOptions, ...options };
  const diagnostics: Diagnostic[] = [];
  const run = <T>(stage: Checked<T>): T => {
    diagnostics.push(...stage.diagnostics);
    return stage.value;
  };

  const { program, controllerFiles, webhookFiles } = run(loadProgram({ ...input, typeCheck: settings.typeCheck }));
  const kinds = run(findKinds(program, input.apiFiles, markerRegistry));
  const kindModels = run(
    modelKinds(program, kinds, markerRegistry, { generateEmbeddedObjectMeta: settings.generateEmbeddedObjectMeta }),
  );
  const layouts = run(layOutCrds(kindModels));
  const withSchemas = run(buildSchemas(layouts, settings));
  // The structural check is the safety net: when earlier stages found errors, its findings
  // would only repeat them less precisely.
  if (!hasErrors(diagnostics)) diagnostics.push(...checkStructuralSchemas(withSchemas));
  const crds = assembleCrds(withSchemas, settings);
  // controller-gen reads RBAC and webhook markers from any package it loads; so do we
  const packageMarkers = run(collectPackageMarkers([...controllerFiles, ...webhookFiles], markerRegistry));
  const roles = assembleRoles(packageMarkers);
  const webhookConfigurations = run(assembleWebhookConfigurations(packageMarkers));
  const files = run(renderManifests(crds, roles, webhookConfigurations));

  const relativeDiagnostics = sortDiagnostics(
    diagnostics.map((diagnostic) => ({ ...diagnostic, file: relativePath(input.rootDir, diagnostic.file) })),
  );
  return {
    files: hasErrors(relativeDiagnostics) ? [] : files,
    crds: crds.map(({ crd }) => crd),
    role: roles.find((role): role is ClusterRole => role.kind === "ClusterRole"),
    roles,
    webhookConfigurations,
    diagnostics: relativeDiagnostics,
  };
}

function relativePath(rootDir: string, file: string): string {
  const path = relative(rootDir, file);
  if (path.startsWith("..")) return file;
  return path.split(sep).join("/");
}
