/**
 * The pipeline: program → kinds → type models → schemas → CRDs and Roles → YAML. Each stage is a
 * function from data to data; diagnostics from every stage are gathered and, if any is an error,
 * no file is produced.
 */
import { relative, sep } from "node:path";
import type ts from "typescript";
import { assembleCrds } from "./crd/assemble.js";
import { findKinds } from "./crd/kinds.js";
import { DiagnosticCode, hasErrors, positionOf, sortDiagnostics, warningAt, type Diagnostic } from "./diagnostics.js";
import { collectFromAllComments } from "./markers/collect.js";
import { markerRegistry } from "./markers/table.js";
import { loadProgram } from "./program.js";
import { assembleRoles } from "./rbac/assemble.js";
import { createModelContext } from "./schema/from_typescript.js";
import type { JSONSchemaProps } from "./schema/model.js";
import { checkStructural } from "./schema/structural_check.js";
import { toYamlDocument, type YamlValue } from "./yaml/emit.js";

/** What `generateManifests` reads. */
export interface GenerateInput {
  /** Project root; output paths and diagnostic files are relative to it. */
  rootDir: string;
  /** Absolute paths of `api/<version>/*.ts`. */
  apiFiles: readonly string[];
  /** Absolute paths of `controllers/*.ts` (RBAC markers). */
  controllerFiles: readonly string[];
  /** Compiler options; else `<rootDir>/tsconfig.json` if present, else defaults. */
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
}

/** Defaults of `GenerateOptions`. */
export const defaultGenerateOptions: GenerateOptions = {
  maxDescriptionLength: undefined,
  controllerGenVersion: "v0.18.0",
  typeCheck: false,
};

/** What a run produced. */
export interface GenerateResult {
  files: { path: string; content: string }[];
  crds: object[];
  role: object | undefined;
  /** Every Role object (the ClusterRole first, then namespaced Roles), as written to role.yaml. */
  roles: object[];
  diagnostics: Diagnostic[];
}

/** Above this size a CRD cannot be applied client-side (the last-applied annotation limit). */
export const maxClientSideApplyBytes = 262_144;

/** Generates CRDs and the manager Role from a project's API and controller files. */
export function generateManifests(input: GenerateInput, options: Partial<GenerateOptions> = {}): GenerateResult {
  const settings: GenerateOptions = { ...defaultGenerateOptions, ...options };
  const loaded = loadProgram({ ...input, typeCheck: settings.typeCheck });
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];

  const found = findKinds(loaded.program, input.apiFiles, markerRegistry);
  diagnostics.push(...found.diagnostics);
  const context = createModelContext(loaded.program, markerRegistry);
  const assembled = assembleCrds(found.kinds, context, settings);
  diagnostics.push(...assembled.diagnostics, ...context.diagnostics);

  const files: GenerateResult["files"] = [];
  // The structural check is the safety net: when earlier stages found errors, its findings
  // would only repeat them less precisely.
  const checkSchemas = !hasErrors(diagnostics);
  for (const crd of assembled.crds) {
    const position = positionOf(crd.declaration.name);
    for (const version of (
      crd.object["spec"] as { versions: { name: string; schema: { openAPIV3Schema: JSONSchemaProps } }[] }
    ).versions) {
      for (const violation of checkSchemas ? checkStructural(version.schema.openAPIV3Schema) : []) {
        diagnostics.push({
          ...position,
          code: DiagnosticCode.structural,
          severity: "error",
          message: `the schema of ${crd.kind} ${version.name} is not structural at ${violation.path || "the root"}: ${violation.message}`,
        });
      }
    }
    const content = toYamlDocument(crd.object as YamlValue);
    if (Buffer.byteLength(content) > maxClientSideApplyBytes) {
      diagnostics.push(
        warningAt(
          position,
          DiagnosticCode.crdTooLarge,
          `the CRD for ${crd.kind} is ${Buffer.byteLength(content)} bytes, over the ${maxClientSideApplyBytes} bytes kubectl client-side apply can store`,
          {
            hint: "set maxDescriptionLength (--max-description-length) and install with kubectl apply --server-side",
          },
        ),
      );
    }
    files.push({ path: `config/crd/bases/${crd.group}_${crd.plural}.yaml`, content });
  }

  const rbacMarkers = loaded.controllerFiles.flatMap((sourceFile) => {
    const collected = collectFromAllComments(sourceFile, markerRegistry);
    diagnostics.push(...collected.diagnostics);
    return collected.markers;
  });
  const roles = assembleRoles(rbacMarkers);
  if (roles.length > 0)
    files.push({
      path: "config/rbac/role.yaml",
      content: roles.map((role) => toYamlDocument(role as YamlValue)).join(""),
    });

  const relativeDiagnostics = sortDiagnostics(
    diagnostics.map((diagnostic) => ({ ...diagnostic, file: relativePath(input.rootDir, diagnostic.file) })),
  );
  const failed = hasErrors(relativeDiagnostics);
  return {
    files: failed ? [] : files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    crds: assembled.crds.map((crd) => crd.object),
    role: roles.find((role) => role["kind"] === "ClusterRole"),
    roles,
    diagnostics: relativeDiagnostics,
  };
}

function relativePath(rootDir: string, file: string): string {
  const path = relative(rootDir, file);
  if (path.startsWith("..")) return file;
  return path.split(sep).join("/");
}
