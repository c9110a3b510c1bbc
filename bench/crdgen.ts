/**
 * `npm run bench:crdgen`: process wall time of a CRD generation run beside `tsc --noEmit` over
 * the same files, on crdgen's largest fixture and on a synthetic API of 50 kinds × 20 fields ×
 * 3 nesting levels. Both run as compiled JavaScript (as the published `uselessctl` bin and `tsc`
 * do), so that neither pays for on-the-fly TypeScript loading. Prints figures and the ratio;
 * never fails on a time (issue #2 targets a ratio <= 1.0).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fixtureFiles } from "../crdgen/internal/fixtures.js";
import { writeSyntheticApi } from "./crdgen_synthetic.js";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const runs = Number(process.env["BENCH_RUNS"] ?? 3);
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const compiled = join(root, ".uselessctl", "bench-dist");

// Compile the runner and crdgen once, as `npm run build` would for the bin.
const build = spawnSync(process.execPath, [
  tsc, "--outDir", compiled, "--rootDir", root, "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022",
  "--strict", "--skipLibCheck", "--types", "node", join(root, "bench", "crdgen_run.ts"),
], { cwd: root, encoding: "utf8" });
if (build.status !== 0) throw new Error(`compiling the bench runner failed:\n${build.stdout}${build.stderr}`);

function wallTime(command: string, args: string[]): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: root, encoding: "utf8" });
    const elapsed = performance.now() - start;
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
    best = Math.min(best, elapsed);
  }
  return best;
}

function compare(label: string, projectDir: string, apiFiles: string[]): void {
  // tsc over exactly the same files, with the options the generator uses (the repository's).
  const tsconfig = join(projectDir, "tsconfig.bench.json");
  writeFileSync(tsconfig, JSON.stringify({ extends: join(root, "tsconfig.json"), compilerOptions: { types: [] }, include: [], files: apiFiles }));
  const generate = wallTime(process.execPath, [join(compiled, "bench", "crdgen_run.js"), tsconfig, projectDir, ...apiFiles]);
  const typecheck = wallTime(process.execPath, [tsc, "--noEmit", "-p", tsconfig]);
  rmSync(tsconfig);
  console.log(`${label}: generate ${generate.toFixed(0)} ms, tsc --noEmit ${typecheck.toFixed(0)} ms, ratio ${(generate / typecheck).toFixed(2)} (best of ${runs})`);
}

const fixture = join(root, "crdgen", "testdata", "valid", "crd_features");
compare("crdgen fixture crd_features", fixture, fixtureFiles(fixture).apiFiles);

const synthetic = join(root, ".uselessctl", "bench", "synthetic");
rmSync(synthetic, { recursive: true, force: true });
mkdirSync(synthetic, { recursive: true });
compare("synthetic 50 kinds x 20 fields x 3 levels", synthetic, writeSyntheticApi(synthetic, { kinds: 50, fields: 20, depth: 3 }));
rmSync(synthetic, { recursive: true, force: true });
