// Which tier a test file belongs to, decided by what it starts (STYLE.md, principle 13):
// unit tests start no server and no process; integration tests start servers in the test's own
// process (the in-process API server, a proxy, an HTTP server); e2e tests start processes.
// scripts/test.mjs runs the tiers; test/test_tiers.test.ts checks that each file sits where its
// tier belongs, so a server-starting test cannot slip into the unit tier.

import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const SKIPPED_FOLDERS = new Set(["node_modules", "dist", ".git", ".uselessctl", "testdata", "templates"]);

/** Every *.test.ts under `root` (relative paths), outside dependencies, builds and scaffold fixtures. */
export function findTestFiles(root, dir = root, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED_FOLDERS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) findTestFiles(root, path, found);
    else if (entry.name.endsWith(".test.ts")) found.push(relative(root, path));
  }
  return found;
}

/** Folders whose tests are that tier whatever they start (an integration test may fork a helper). */
export const TIER_FOLDERS = {
  "test/integration/": "integration",
  "test/e2e/": "e2e",
  "test/conformance/": "conformance",
  // controller-gen against crdgen: a reference suite, like the API server's
  "test/crdgen-conformance/": "conformance",
};

/**
 * Example projects (examples/<name>/) are laid out as `uselessctl init` and `create api` scaffold a
 * project: a controller's tests beside it, whatever they start. Their tier goes by what each file
 * starts, as elsewhere, but they are not held to the repository's test/<tier>/ folders.
 */
export const PROJECT_FOLDERS = ["examples/"];

/** Functions that start a process; any other imported `start*` function starts a server. */
const PROCESS_STARTERS = new Set(["startSupervisedProcess", "startControlPlane", "startCluster"]);

/** The import declarations of a file, read with TypeScript (strings and comments are not imports). */
function importsOf(source) {
  const file = ts.createSourceFile("test.ts", source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return file.statements.filter(ts.isImportDeclaration).map((declaration) => {
    const bindings = declaration.importClause?.namedBindings;
    const names =
      bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => (e.propertyName ?? e.name).text) : [];
    return { from: declaration.moduleSpecifier.text, names };
  });
}

/**
 * What a test file's source starts: "process" (child_process, or a starter that spawns),
 * "server" (a `start*` function of the toolkit or its test helpers, or node's createServer), or
 * "nothing".
 */
export function whatItStarts(source) {
  const imports = importsOf(source);
  if (imports.some(({ from }) => from === "node:child_process" || from === "child_process")) return "process";
  const starters = imports
    .filter(({ from }) => !from.startsWith("node:"))
    .flatMap(({ names }) => names.filter((name) => /^start[A-Z]/.test(name)));
  if (starters.some((name) => PROCESS_STARTERS.has(name))) return "process";
  if (starters.length > 0) return "server";
  const servers = imports.filter(
    ({ from, names }) => /^node:(http|https|net|http2)$/.test(from) && names.includes("createServer"),
  );
  return servers.length > 0 ? "server" : "nothing";
}

/** The tier of a test file (a path relative to the root, `/`-separated) from its folder and source. */
export function tierOf(file, source) {
  const folder = Object.keys(TIER_FOLDERS).find((prefix) => file.startsWith(prefix));
  if (folder) return TIER_FOLDERS[folder];
  const starts = whatItStarts(source);
  return starts === "process" ? "e2e" : starts === "server" ? "integration" : "unit";
}
