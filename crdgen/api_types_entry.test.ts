/** "uselessctl" resolves to its API-types entry only when that provably serves the API files. */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fixtureCompilerOptions, fixtureFiles, repositoryRoot, testdataRoot } from "./internal/fixtures.js";
import { loadProgram } from "./program.js";

const basic = join(testdataRoot, "valid", "basic");
mkdirSync(join(repositoryRoot, ".uselessctl"), { recursive: true });
// inside the repository, so that "uselessctl" resolves to this checkout as in the fixtures
const scratch = mkdtempSync(join(repositoryRoot, ".uselessctl", "crdgen-entry-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const loadedFiles = (apiFiles: string[], typeCheck: boolean) =>
  loadProgram({ apiFiles, controllerFiles: [], compilerOptions: fixtureCompilerOptions(), typeCheck })
    .value.program.getSourceFiles()
    .map((sourceFile) => sourceFile.fileName.slice(repositoryRoot.length + 1));

describe("resolveToApiTypesEntry", () => {
  it("loads runtime/apis instead of the whole runtime when the API files import only API types", () => {
    const files = loadedFiles(fixtureFiles(basic).apiFiles, false);
    assert.ok(files.includes("runtime/apis/index.ts"), files.join("\n"));
    assert.ok(!files.includes("runtime/index.ts"), "the runtime entry was loaded");
  });

  it("leaves resolution alone when a type-check is asked for", () => {
    assert.ok(loadedFiles(fixtureFiles(basic).apiFiles, true).includes("runtime/index.ts"));
  });

  it("leaves resolution alone when an API file imports something else from the package", () => {
    const file = join(scratch, "types.ts");
    writeFileSync(
      file,
      'import type { int32, Manager } from "uselessctl";\nexport interface A { n?: int32; m?: Manager }\n',
    );
    assert.ok(loadedFiles([file], false).includes("runtime/index.ts"));
  });
});
