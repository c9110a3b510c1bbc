/**
 * Which files of a scaffolded project the scaffold keeps owning, and a check that a project's
 * copies still match what the templates produce today.
 *
 * - `verbatim`: written by init / create api and not meant to be edited by hand (PROJECT, the
 *   kustomize bases, the group-version files): they must equal the templates'
 *   output, so templates and a project never drift apart.
 * - `starting point`: scaffolded once, then the user's (types, reconcilers and their tests,
 *   samples, the api index, main.ts, package.json...): compared only for existence.
 * Files `make manifests` writes (config/crd/bases, config/rbac/role.yaml, config/webhook/manifests.yaml) are neither.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { regenerateScaffold } from "./regenerate.js";

/** Paths (posix, relative) of the files a project must keep exactly as scaffolded. */
export function isVerbatimScaffoldFile(path: string): boolean {
  return (
    path === "PROJECT" ||
    /^api\/[^/]+\/groupversion_info\.ts$/.test(path) ||
    path === "test/suite.ts" ||
    /^config\/(crd|samples)\/kustomization\.yaml$/.test(path) ||
    /^config\/(rbac|manager|default|certmanager)\/[^/]+\.yaml$/.test(path) ||
    /^config\/webhook\/(kustomization|service)\.yaml$/.test(path) ||
    /^config\/crd\/(kustomizeconfig\.yaml|patches\/[^/]+\.yaml)$/.test(path)
  );
}

/** How a project differs from its regenerated scaffold. */
export interface ScaffoldDrift {
  /** Scaffold-owned files the project lacks. */
  readonly missing: readonly string[];
  /** Verbatim files whose content differs from the templates' output. */
  readonly differing: readonly string[];
}

/** Options of `scaffoldDrift`. */
export interface ScaffoldDriftOptions {
  readonly projectDir: string;
  /** An empty (or missing) scratch folder to regenerate into. */
  readonly scratchDir: string;
  /** Scaffolded files a project deliberately does without or owns itself (toolkit files, say). */
  readonly ignore?: (path: string) => boolean;
}

/** Regenerates the project's scaffold from its PROJECT file and compares it with the project. */
export function scaffoldDrift(options: ScaffoldDriftOptions): ScaffoldDrift {
  const ignore = options.ignore ?? (() => false);
  const paths = regenerateScaffold({ projectDir: options.projectDir, outputDir: options.scratchDir }).filter(
    (path) => !ignore(path),
  );
  const missing: string[] = [];
  const differing: string[] = [];
  for (const path of paths) {
    const inProject = join(options.projectDir, path);
    if (!existsSync(inProject)) missing.push(path);
    else if (
      isVerbatimScaffoldFile(path) &&
      readFileSync(inProject, "utf8") !== readFileSync(join(options.scratchDir, path), "utf8")
    ) {
      differing.push(path);
    }
  }
  return { missing, differing };
}
