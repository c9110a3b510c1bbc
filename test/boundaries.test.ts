/**
 * The import rules between the toolkit's parts (STYLE.md, principle 4), read from the sources
 * with the TypeScript API: `runtime/` and `apiserver/` meet only over HTTP and a kubeconfig, and
 * share only the pure leaf `apimachinery/` (types, selectors, the kubeconfig), `crdgen/` stays pure, and the flagship operator uses the toolkit only by its package name, as a
 * user's project does.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { test } from "node:test";
import ts from "../crdgen/typescript.js";

const root = fileURLToPath(new URL("..", import.meta.url));

interface Import {
  /** The importing file, relative to the repository root. */
  file: string;
  /** The module specifier as written. */
  specifier: string;
  /** For a relative specifier, the top-level folder (or root file) it lands in. */
  landsIn?: string;
}

function sourceFiles(folder: string): string[] {
  const absolute = join(root, folder);
  return readdirSync(absolute, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts") && !file.split(sep).includes("testdata"))
    .map((file) => join(folder, file));
}

function importsOf(files: string[]): Import[] {
  assert.ok(files.length > 0, "no source files found: the layout moved, and this test with it");
  return files.flatMap((file) =>
    ts
      .preProcessFile(readFileSync(join(root, file), "utf8"), true, true)
      .importedFiles.map(({ fileName: specifier }) => {
        if (!specifier.startsWith(".")) return { file, specifier };
        const target = relative(root, resolve(root, dirname(file), specifier));
        return { file, specifier, landsIn: target.split(sep)[0] };
      }),
  );
}

const describeImports = (imports: Import[]) => imports.map(({ file, specifier }) => `${file} imports ${specifier}`);

test("runtime/ never imports apiserver/ (they meet over HTTP and a kubeconfig)", () => {
  const offending = importsOf(sourceFiles("runtime")).filter(
    ({ specifier, landsIn }) => landsIn === "apiserver" || specifier.startsWith("uselessctl/testenv"),
  );
  assert.deepEqual(describeImports(offending), []);
});

test("apiserver/ never imports runtime/", () => {
  const offending = importsOf(sourceFiles("apiserver")).filter(
    ({ specifier, landsIn }) => landsIn === "runtime" || specifier === "uselessctl",
  );
  assert.deepEqual(describeImports(offending), []);
});

test("apimachinery/ is a pure leaf: itself and js-yaml only, no I/O, neither runtime/ nor apiserver/", () => {
  // Its tests may use node:test and node:assert; the product files may not reach past js-yaml.
  const productFiles = sourceFiles("apimachinery").filter((file) => !file.endsWith(".test.ts"));
  const offending = importsOf(productFiles).filter(({ specifier, landsIn }) =>
    landsIn === undefined ? specifier !== "js-yaml" : landsIn !== "apimachinery",
  );
  assert.deepEqual(describeImports(offending), []);
});

test("runtime/ and apiserver/ reach apimachinery/ only through its index.ts facade", () => {
  const offending = importsOf([...sourceFiles("runtime"), ...sourceFiles("apiserver")]).filter(
    ({ file, specifier, landsIn }) =>
      landsIn === "apimachinery" &&
      relative(root, resolve(root, dirname(file), specifier)) !== join("apimachinery", "index.js"),
  );
  assert.deepEqual(describeImports(offending), []);
});

test("crdgen/ imports only itself, node's built-ins, typescript, js-yaml and re2js", () => {
  // re2js: schema patterns are RE2, checked as the API server's Go regexp checks them
  const allowed = (specifier: string) =>
    specifier.startsWith("node:") || ["typescript", "js-yaml", "re2js"].includes(specifier);
  const offending = importsOf(sourceFiles("crdgen")).filter(({ specifier, landsIn }) =>
    landsIn === undefined ? !allowed(specifier) : landsIn !== "crdgen",
  );
  assert.deepEqual(describeImports(offending), []);
});

test("crdgen/ does no I/O of its own: it reads sources only through the compiler host, and never writes", () => {
  // Finding a project's files, reading tsconfig.json and writing the output is scaffold's
  // planManifests and commitPlan; the test support under crdgen/internal/ reads fixtures.
  const library = sourceFiles("crdgen").filter(
    (file) => !file.endsWith(".test.ts") && !file.startsWith(join("crdgen", "internal")),
  );
  const io = /^node:(fs|fs\/promises|child_process|net|http|https|os|process)$/;
  const offending = importsOf(library).filter(({ specifier }) => io.test(specifier));
  assert.deepEqual(describeImports(offending), []);
});

test("the flagship operator imports the toolkit only by its package name", () => {
  const toolkit = new Set(["apimachinery", "cli", "crdgen", "runtime", "apiserver", "scaffold", "templates"]);
  const flagshipFiles = [...sourceFiles("api"), ...sourceFiles("controllers"), ...sourceFiles("webhooks"), "main.ts"];
  const offending = importsOf(flagshipFiles).filter(({ landsIn }) => landsIn !== undefined && toolkit.has(landsIn));
  assert.deepEqual(describeImports(offending), []);
});

test("ui/ reaches the toolkit only by its package exports, and its pages by URL", () => {
  // The UI server is a client of the API server like any other: no apiserver/ or runtime/ internals.
  const offending = importsOf(sourceFiles("ui")).filter(
    ({ specifier, landsIn }) =>
      (landsIn !== undefined && landsIn !== "ui") || specifier.startsWith("uselessctl/testenv"),
  );
  assert.deepEqual(describeImports(offending), []);
});
