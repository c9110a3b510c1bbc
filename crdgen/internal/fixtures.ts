/**
 * Test support for crdgen's golden fixtures: finds a case's files, runs the generator on them
 * with the repository's compiler options, and renders results as the golden files hold them.
 * Used by crdgen's tests only.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type * as ts from "typescript";
import typescript from "../typescript.js";
import type { Diagnostic } from "../diagnostics.js";
import { generateManifests, type GenerateOptions, type GenerateResult } from "../generate.js";

/** The repository root (crdgen/internal/ is two levels below it). */
export const repositoryRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));
/** crdgen/testdata. */
export const testdataRoot = join(repositoryRoot, "crdgen", "testdata");

let cachedOptions: ts.CompilerOptions | undefined;

/** The repository's tsconfig options, without @types/node (fixtures do not use Node APIs). */
export function fixtureCompilerOptions(): ts.CompilerOptions {
  if (!cachedOptions) {
    const parsed = typescript.getParsedCommandLineOfConfigFile(
      join(repositoryRoot, "tsconfig.json"),
      {},
      {
        ...typescript.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
          throw new Error(typescript.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
        },
      },
    );
    if (!parsed) throw new Error("cannot read tsconfig.json");
    cachedOptions = { ...parsed.options, types: [] };
  }
  return cachedOptions;
}

/** The case folders of `valid` or `invalid`, sorted. */
export function fixtureCases(kind: "valid" | "invalid"): string[] {
  return readdirSync(join(testdataRoot, kind), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/**
 * The `.ts` files of a case: files under `controllers/` are controller files, under `webhooks/`
 * webhook files, the rest API files.
 */
export function fixtureFiles(caseDir: string): {
  apiFiles: string[];
  controllerFiles: string[];
  webhookFiles: string[];
} {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      // A project's API files are its own: its dependencies' declaration files are not scanned for kinds.
      if (entry.isDirectory() && entry.name !== "node_modules") walk(path);
      else if (entry.name.endsWith(".ts")) files.push(path);
    }
  };
  walk(caseDir);
  files.sort();
  const under = (folder: string) => (file: string) => file.includes(`${join(caseDir, folder)}/`);
  const [isController, isWebhook] = [under("controllers"), under("webhooks")];
  return {
    apiFiles: files.filter((file) => !isController(file) && !isWebhook(file)),
    controllerFiles: files.filter(isController),
    webhookFiles: files.filter(isWebhook),
  };
}

/** Runs the generator on a case folder, with the case's `options.json` if it has one. */
export function generateFixture(caseDir: string, options: Partial<GenerateOptions> = {}): GenerateResult {
  const optionsFile = join(caseDir, "options.json");
  const caseOptions = existsSync(optionsFile)
    ? (JSON.parse(readFileSync(optionsFile, "utf8")) as Partial<GenerateOptions>)
    : {};
  return generateManifests(
    { rootDir: caseDir, ...fixtureFiles(caseDir), compilerOptions: fixtureCompilerOptions() },
    { ...caseOptions, ...options },
  );
}

/** Every generated file, in path order, each preceded by a `# <path>` comment line. */
export function renderFiles(result: GenerateResult): string {
  return result.files.map((file) => `# ${file.path}\n${file.content}`).join("");
}

/** Diagnostics as `tsc` prints them, one per line, hints indented below. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((diagnostic) => {
      const head = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} - ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`;
      const field = diagnostic.fieldPath ? `\n    field: ${diagnostic.fieldPath}` : "";
      const hint = diagnostic.hint ? `\n    hint: ${diagnostic.hint}` : "";
      return head + field + hint + "\n";
    })
    .join("");
}
