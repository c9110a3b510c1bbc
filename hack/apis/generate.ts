/**
 * `npm run apis:generate`: regenerates runtime/apis/k8s/ (imported as "uselessctl/apis/<group>/<version>")
 * and the API server's catalog of the built-in API (apiserver/catalog/generated/) from the Go sources of the API packages kube-apiserver serves, with the Go program beside this
 * file, and formats the output with the repository's prettier configuration, so that what is
 * committed is exactly what the generator writes. Go is needed here only; users import the output.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";

const generatorDir = fileURLToPath(new URL(".", import.meta.url));
const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Where the generated modules are committed. */
export const APIS_DIR = join(repositoryRoot, "runtime", "apis", "k8s");

/** Where the API server's generated catalog of the built-in API is committed. */
export const CATALOG_DIR = join(repositoryRoot, "apiserver", "catalog", "generated");

/** The generator's output directories, each with the directory its files are committed in. */
const outputs = [
  { flag: "-out", dir: APIS_DIR },
  { flag: "-catalog-out", dir: CATALOG_DIR },
] as const;

/** Why the generator cannot run here (no Go toolchain), or undefined when it can. */
export function generatorUnavailableReason(): string | undefined {
  const probe = spawnSync("go", ["version"], { encoding: "utf8" });
  return probe.status === 0 ? undefined : "Go is not installed: the generated API modules are not regenerated";
}

/**
 * The generated modules (runtime/apis/k8s/ and the API server's catalog), formatted, by path
 * relative to the repository (with "/" separators).
 * Errors: throws with the generator's own message when it fails.
 */
export async function renderGenerated(): Promise<Map<string, string>> {
  const scratch = mkdtempSync(join(tmpdir(), "uselessctl-apis-"));
  try {
    const args = outputs.flatMap(({ flag }) => [flag, join(scratch, flag)]);
    const run = spawnSync("go", ["run", ".", ...args], { cwd: generatorDir, encoding: "utf8" });
    if (run.status !== 0) {
      throw new Error(`hack/apis generator failed (exit ${run.status ?? run.signal}): ${run.stderr || run.error}`);
    }
    const options = await prettier.resolveConfig(join(APIS_DIR, "core", "v1.ts"));
    const rendered = new Map<string, string>();
    for (const { flag, dir } of outputs) {
      for (const file of readdirSync(join(scratch, flag), { recursive: true, encoding: "utf8" }).sort()) {
        if (!file.endsWith(".ts")) continue;
        const text = readFileSync(join(scratch, flag, file), "utf8");
        const target = join(dir, file);
        rendered.set(repositoryPath(target), await prettier.format(text, { ...options, filepath: target }));
      }
    }
    return rendered;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function repositoryPath(file: string): string {
  return relative(repositoryRoot, file).split(sep).join("/");
}

function readTree(dir: string, key: (file: string) => string): Map<string, string> {
  const committed = new Map<string, string>();
  for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
    if (file.endsWith(".ts")) committed.set(key(file), readFileSync(join(dir, file), "utf8"));
  }
  return committed;
}

/** The committed runtime modules, by path relative to {@link APIS_DIR}. */
export function readCommittedApis(): Map<string, string> {
  return readTree(APIS_DIR, (file) => file.split(sep).join("/"));
}

/** Every committed generated module, in the same form as {@link renderGenerated}'s. */
export function readCommittedGenerated(): Map<string, string> {
  const committed = new Map<string, string>();
  for (const { dir } of outputs)
    for (const [file, text] of readTree(dir, (name) => repositoryPath(join(dir, name)))) committed.set(file, text);
  return committed;
}

/** Replaces the generated directories with fresh output; nothing is written if generation fails. */
export async function writeGenerated(): Promise<string[]> {
  const rendered = await renderGenerated();
  for (const { dir } of outputs) rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of rendered) {
    const target = join(repositoryRoot, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return [...rendered.keys()];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const unavailable = generatorUnavailableReason();
  if (unavailable) {
    console.error(unavailable);
    process.exit(1);
  }
  try {
    const written = await writeGenerated();
    console.log(
      `wrote ${written.length} modules under ${outputs.map(({ dir }) => repositoryPath(dir)).join("/ and ")}/`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
