/**
 * `npm run apis:generate`: regenerates runtime/apis/k8s/ (imported as "uselessctl/apis/<group>/<version>")
 * from the Go sources of the API packages kube-apiserver serves, with the Go program beside this
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

/** Why the generator cannot run here (no Go toolchain), or undefined when it can. */
export function generatorUnavailableReason(): string | undefined {
  const probe = spawnSync("go", ["version"], { encoding: "utf8" });
  return probe.status === 0 ? undefined : "Go is not installed: the generated API modules are not regenerated";
}

/**
 * The generated modules, formatted, by path relative to {@link APIS_DIR} (with "/" separators).
 * Errors: throws with the generator's own message when it fails.
 */
export async function renderApis(): Promise<Map<string, string>> {
  const scratch = mkdtempSync(join(tmpdir(), "uselessctl-apis-"));
  try {
    const run = spawnSync("go", ["run", ".", "-out", scratch], { cwd: generatorDir, encoding: "utf8" });
    if (run.status !== 0) {
      throw new Error(`hack/apis generator failed (exit ${run.status ?? run.signal}): ${run.stderr || run.error}`);
    }
    const options = await prettier.resolveConfig(join(APIS_DIR, "core", "v1.ts"));
    const rendered = new Map<string, string>();
    for (const file of readdirSync(scratch, { recursive: true, encoding: "utf8" }).sort()) {
      if (!file.endsWith(".ts")) continue;
      const text = readFileSync(join(scratch, file), "utf8");
      const target = join(APIS_DIR, file);
      rendered.set(file.split(sep).join("/"), await prettier.format(text, { ...options, filepath: target }));
    }
    return rendered;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The committed modules, in the same form as {@link renderApis}'s. */
export function readCommittedApis(): Map<string, string> {
  const committed = new Map<string, string>();
  for (const file of readdirSync(APIS_DIR, { recursive: true, encoding: "utf8" }).sort()) {
    if (file.endsWith(".ts")) committed.set(file.split(sep).join("/"), readFileSync(join(APIS_DIR, file), "utf8"));
  }
  return committed;
}

/** Replaces {@link APIS_DIR} with freshly generated modules; nothing is written if generation fails. */
export async function writeApis(): Promise<string[]> {
  const rendered = await renderApis();
  rmSync(APIS_DIR, { recursive: true, force: true });
  for (const [file, text] of rendered) {
    const target = join(APIS_DIR, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return [...rendered.keys()].map((file) => relative(repositoryRoot, join(APIS_DIR, file)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const unavailable = generatorUnavailableReason();
  if (unavailable) {
    console.error(unavailable);
    process.exit(1);
  }
  try {
    const written = await writeApis();
    console.log(`wrote ${written.length} modules under ${relative(repositoryRoot, APIS_DIR)}/`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
