/**
 * The candidate side: crdgen on the TypeScript twins. All CRD fixtures go through one program
 * (one type-check of the shared "uselessctl" types); when some fixture fails, the run is repeated
 * without the failing ones, since a run with an error writes nothing.
 */
import { basename } from "node:path";
import { fixtureCompilerOptions } from "../../../crdgen/internal/fixtures.js";
import { generateManifests, type Diagnostic } from "../../../crdgen/index.js";
import { fixturesRoot, typescriptFiles, type Fixture } from "./fixtures.js";

/** Which input of generateManifests a fixture's TypeScript files are. */
type FilesRole = "apiFiles" | "controllerFiles" | "webhookFiles";

/** What crdgen produced for one fixture: file name → YAML, or the errors that stopped it. */
export type SideOutput = { files: Map<string, string> } | { failure: string };

function formatErrors(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .filter((diagnostic) => diagnostic.severity === "error")
    .map(
      (diagnostic) =>
        `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.code} ${diagnostic.message}`,
    )
    .join("\n");
}

function generate(fixtures: readonly Fixture[], controllerGenVersion: string, role: FilesRole) {
  const files = fixtures.flatMap(typescriptFiles);
  return generateManifests(
    {
      rootDir: fixturesRoot,
      apiFiles: [],
      controllerFiles: [],
      [role]: files,
      compilerOptions: fixtureCompilerOptions(),
    },
    { controllerGenVersion, ...(role === "apiFiles" ? fixtures[0]?.options : {}) },
  );
}

/**
 * Runs crdgen on CRD fixtures that share their options (fixtures[0]'s); returns each fixture's
 * files by controller-gen's file names.
 */
export function generateCrds(fixtures: readonly Fixture[], controllerGenVersion: string): Map<Fixture, SideOutput> {
  const outputs = new Map<Fixture, SideOutput>();
  let pending = [...fixtures];
  while (pending.length > 0) {
    const result = generate(pending, controllerGenVersion, "apiFiles");
    const failing = pending.filter((fixture) =>
      result.diagnostics.some(
        (diagnostic) =>
          diagnostic.severity === "error" && diagnostic.file.startsWith(`${fixture.area}/${fixture.name}/`),
      ),
    );
    if (failing.length === 0 && result.diagnostics.some((diagnostic) => diagnostic.severity === "error")) {
      for (const fixture of pending) outputs.set(fixture, { failure: formatErrors(result.diagnostics) });
      break;
    }
    for (const fixture of failing) {
      const own = result.diagnostics.filter((diagnostic) =>
        diagnostic.file.startsWith(`${fixture.area}/${fixture.name}/`),
      );
      outputs.set(fixture, { failure: formatErrors(own) });
    }
    if (failing.length === 0) {
      for (const fixture of pending) {
        const own = result.files.filter((file) =>
          fixture.groups.some((group) => basename(file.path).startsWith(`${group}_`)),
        );
        outputs.set(fixture, { files: new Map(own.map((file) => [basename(file.path), file.content])) });
      }
    }
    pending = pending.filter((fixture) => !outputs.has(fixture));
  }
  return outputs;
}

/** Runs crdgen on one RBAC fixture's controller files or one webhook fixture's webhook files. */
export function generatePackageMarkerFiles(fixture: Fixture, controllerGenVersion: string): SideOutput {
  const result = generate(
    [fixture],
    controllerGenVersion,
    fixture.area === "rbac" ? "controllerFiles" : "webhookFiles",
  );
  const errors = formatErrors(result.diagnostics);
  if (errors) return { failure: errors };
  return { files: new Map(result.files.map((file) => [basename(file.path), file.content])) };
}
