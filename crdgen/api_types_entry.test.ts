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
  it("loads apimachinery/ instead of the whole runtime when the API files import only API types", () => {
    const files = loadedFiles(fixtureFiles(basic).apiFiles, false);
    assert.ok(files.includes("apimachinery/index.ts"), files.join("\n"));
    assert.ok(!files.includes("runtime/index.ts"), "the runtime entry was loaded");
  });

  it("leaves resolution alone when a type-check is asked for", () => {
    assert.ok(loadedFiles(fixtureFiles(basic).apiFiles, true).includes("runtime/index.ts"));
  });

  it("redirects when the other names an API file imports from the package are only used as values", () => {
    const file = join(scratch, "groupversion_info.ts");
    writeFileSync(
      file,
      'import { defineGroupVersion, type int32 } from "uselessctl";\nexport const GroupVersion = defineGroupVersion({ group: "a.example.com", version: "v1" });\nexport interface A { n?: int32 }\n',
    );
    const files = loadedFiles([file], false);
    assert.ok(files.includes("apimachinery/index.ts") && !files.includes("runtime/index.ts"), files.join("\n"));
  });

  it("leaves resolution alone when such a name is also used as a type or re-exported", () => {
    for (const use of ["export type G = ReturnType<typeof defineGroupVersion>;", "export { defineGroupVersion };"]) {
      const file = join(scratch, "uses.ts");
      writeFileSync(file, `import { defineGroupVersion } from "uselessctl";\n${use}\n`);
      assert.ok(loadedFiles([file], false).includes("runtime/index.ts"), use);
    }
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
