/**
 * `npm run bench:crdgen`: process wall time of a CRD generation run beside `tsc --noEmit` over
 * the same files, on crdgen's largest fixture and on a synthetic API of 50 kinds × 20 fields ×
 * 3 nesting levels. Both run as compiled JavaScript (as the published `uselessctl` bin and `tsc`
 * do), so that neither pays for on-the-fly TypeScript loading. Prints figures and the ratio;
 * never fails on a time (issue #2 targets a ratio <= 1.0).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fixtureFiles } from "../crdgen/internal/fixtures.js";
import { writeSyntheticApi } from "./crdgen_synthetic.js";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const runs = Number(process.env["BENCH_RUNS"] ?? 3);
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const compiled = join(root, ".uselessctl", "bench-dist");

// Compile the runner and crdgen once, as `npm run build` would for the bin.
const build = spawnSync(
  process.execPath,
  [
    tsc,
    "--outDir",
    compiled,
    "--rootDir",
    root,
    "--module",
    "nodenext",
    "--moduleResolution",
    "nodenext",
    "--target",
    "es2022",
    "--strict",
    "--skipLibCheck",
    "--types",
    "node",
    join(root, "bench", "crdgen_run.ts"),
  ],
  { cwd: root, encoding: "utf8" },
);
if (build.status !== 0) throw new Error(`compiling the bench runner failed:\n${build.stdout}${build.stderr}`);

const timeBinary = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/** Best wall time and best CPU time (user + system, when /usr/bin/time exists) of `runs` runs. */
function measure(command: string, args: string[]): { wall: number; cpu: number | undefined } {
  let wall = Infinity;
  let cpu: number | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = timeBinary
      ? spawnSync(timeBinary, ["-f", "cpu %U %S", command, ...args], { cwd: root, encoding: "utf8" })
      : spawnSync(command, args, { cwd: root, encoding: "utf8" });
    const elapsed = performance.now() - start;
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
    wall = Math.min(wall, elapsed);
    const times = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
    if (times) cpu = Math.min(cpu ?? Infinity, (Number(times[1]) + Number(times[2])) * 1000);
  }
  return { wall, cpu };
}

function compare(label: string, projectDir: string, apiFiles: string[]): void {
  // tsc over exactly the same files, with the options the generator uses (the repository's).
  const tsconfig = join(projectDir, "tsconfig.bench.json");
  writeFileSync(
    tsconfig,
    JSON.stringify({
      extends: join(root, "tsconfig.json"),
      compilerOptions: { types: [] },
      include: [],
      files: apiFiles,
    }),
  );
  // interleaved, so that a load change on the machine affects both alike
  const generate = measure(process.execPath, [
    join(compiled, "bench", "crdgen_run.js"),
    tsconfig,
    projectDir,
    ...apiFiles,
  ]);
  const typecheck = measure(process.execPath, [tsc, "--noEmit", "-p", tsconfig]);
  rmSync(tsconfig);
  const cpu =
    generate.cpu !== undefined && typecheck.cpu !== undefined
      ? `; CPU generate ${generate.cpu.toFixed(0)} ms, tsc ${typecheck.cpu.toFixed(0)} ms, ratio ${(generate.cpu / typecheck.cpu).toFixed(2)}`
      : "";
  console.log(
    `${label}: wall generate ${generate.wall.toFixed(0)} ms, tsc --noEmit ${typecheck.wall.toFixed(0)} ms, ratio ${(generate.wall / typecheck.wall).toFixed(2)}${cpu} (best of ${runs})`,
  );
}

const fixture = join(root, "crdgen", "testdata", "valid", "crd_features");
compare("crdgen fixture crd_features", fixture, fixtureFiles(fixture).apiFiles);

const synthetic = join(root, ".uselessctl", "bench", "synthetic");
rmSync(synthetic, { recursive: true, force: true });
mkdirSync(synthetic, { recursive: true });
compare(
  "synthetic 50 kinds x 20 fields x 3 levels",
  synthetic,
  writeSyntheticApi(synthetic, { kinds: 50, fields: 20, depth: 3 }),
);
rmSync(synthetic, { recursive: true, force: true });
