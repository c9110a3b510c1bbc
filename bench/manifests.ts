/**
 * `npm run bench:manifests`: how long `uselessctl generate manifests` takes, beside `tsc --noEmit`
 * over the same files in the same run, on this repository's API and on a synthetic one (50 kinds
 * x 20 fields x 3 nesting levels); and how long `uselessctl --help` takes. Every figure is the
 * wall time of a whole process (Node start-up included), the median of a few runs.
 *
 * Prints figures only; never fails on a time (it fails only when a command itself fails).
 * Expects `npm run build` to have run (the npm script does it), because it measures the published
 * entry point `bin/uselessctl.js`.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultSyntheticApi, writeSyntheticApi } from "./synthetic_api.js";

const repo = fileURLToPath(new URL("..", import.meta.url));
const runs = Number(process.env["BENCH_RUNS"] ?? 3);
const cli = join(repo, "bin", "uselessctl.js");
const tsc = join(repo, "node_modules", "typescript", "bin", "tsc");

/** Wall time of one process in milliseconds; throws with its output when it fails. */
function timeProcess(args: readonly string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: repo, encoding: "utf8" });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`node ${args.join(" ")} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  }
  return elapsed;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function medianTime(args: readonly string[]): number {
  return median(Array.from({ length: runs }, () => timeProcess(args)));
}

const format = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

/**
 * A scratch project inside the repository's ignored `.uselessctl/` folder, so that
 * `import "uselessctl"` resolves to this checkout exactly as it does in `api/`; its tsconfig
 * extends the repository's and lists only the project's own files.
 */
function scratchProject(label: string): string {
  mkdirSync(join(repo, ".uselessctl"), { recursive: true });
  const root = mkdtempSync(join(repo, ".uselessctl", `bench-${label}-`));
  writeFileSync(
    join(root, "tsconfig.json"),
    JSON.stringify({ extends: "../../tsconfig.json", include: ["api/**/*.ts", "controllers/*.ts"], exclude: ["**/*.test.ts"] }, null, 2),
  );
  return root;
}

function compare(label: string, root: string): void {
  const generate = medianTime([cli, "generate", "manifests", "--dir", root]);
  const typecheck = medianTime([tsc, "--noEmit", "-p", join(root, "tsconfig.json")]);
  console.log(
    `${label.padEnd(44)} generate ${format(generate)}   tsc --noEmit ${format(typecheck)}   ratio ${(generate / typecheck).toFixed(2)}`,
  );
}

if (!existsSync(join(repo, "dist", "cli", "main.js"))) {
  console.error("bench:manifests: dist/ is missing; run `npm run build` first (the npm script does).");
  process.exit(1);
}

console.log(`uselessctl bench:manifests (median of ${runs} runs, whole processes)`);
console.log(`${"uselessctl --help".padEnd(44)} ${format(medianTime([cli, "--help"]))}`);

const roots: string[] = [];
try {
  const own = scratchProject("repo");
  roots.push(own);
  for (const folder of ["api", "controllers"]) {
    if (existsSync(join(repo, folder))) cpSync(join(repo, folder), join(own, folder), { recursive: true });
  }
  compare("this repository (api/, controllers/)", own);

  const synthetic = scratchProject("synthetic");
  roots.push(synthetic);
  writeSyntheticApi(synthetic);
  const { kinds, fields, depth } = defaultSyntheticApi;
  compare(`synthetic (${kinds} kinds x ${fields} fields x ${depth} levels)`, synthetic);
} finally {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
}
