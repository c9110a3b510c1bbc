import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Every module `file` loads before any command runs: its value imports, followed transitively. */
function staticImportGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    if (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly) continue;
    if (ts.isExportDeclaration(statement) && statement.isTypeOnly) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    if (specifier.text.startsWith(".")) {
      staticImportGraph(resolve(dirname(file), specifier.text.replace(/\.js$/, ".ts")), seen);
    } else {
      seen.add(specifier.text);
    }
  }
  return seen;
}

test("uselessctl --help loads neither the TypeScript compiler nor the generator (they load inside commands)", () => {
  const loaded = [...staticImportGraph(join(repo, "cli", "main.ts"))].map((entry) =>
    entry.startsWith("/") ? relative(repo, entry) : entry,
  );
  assert.ok(loaded.includes("cli/commands/generate.ts"), `the graph was not followed: ${loaded.join(", ")}`);
  const heavy = loaded.filter((entry) =>
    /^(typescript|typescript-json-schema|@kubernetes\/client-node)$|^crdgen\//.test(entry),
  );
  assert.deepEqual(heavy, []);
});
