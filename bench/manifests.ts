/**
 * `npm run bench:manifests`: how long `uselessctl generate manifests` takes, beside `tsc --noEmit`
 * over the same files in the same run, on this repository's API and on a synthetic one (50 kinds
 * x 20 fields x 3 nesting levels); and how long `uselessctl --help` takes. Every figure is the
 * wall time of a whole process (Node start-up included), the median of a few runs, with its CPU
 * time (user + system) beside it where GNU time is installed: on a busy shared machine the CPU
 * figures are the steadier ones.
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

/** Wall and CPU (user + system) time of one process, in milliseconds. */
interface ProcessTime {
  readonly wall: number;
  readonly cpu: number | undefined;
}

// GNU time reports the child's CPU time, which a busy shared machine inflates far less than wall time.
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/** Times one process; throws with its output when it fails. */
function timeProcess(args: readonly string[]): ProcessTime {
  const [command, commandArgs] = gnuTime
    ? [gnuTime, ["-f", "cpu-seconds %U %S", process.execPath, ...args]]
    : [process.execPath, [...args]];
  const started = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, { cwd: repo, encoding: "utf8" });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) {
    throw new Error(`node ${args.join(" ")} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  }
  const reported = /cpu-seconds ([\d.]+) ([\d.]+)\s*$/.exec(result.stderr);
  return { wall, cpu: reported ? (Number(reported[1]) + Number(reported[2])) * 1000 : undefined };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (index: number) => sorted[index] ?? Number.NaN;
  return sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

function medianTime(args: readonly string[]): ProcessTime {
  return medianOf(Array.from({ length: runs }, () => timeProcess(args)));
}

function medianOf(samples: readonly ProcessTime[]): ProcessTime {
  const cpus = samples.map((sample) => sample.cpu);
  return {
    wall: median(samples.map((sample) => sample.wall)),
    cpu: cpus.every((cpu) => cpu !== undefined) ? median(cpus as number[]) : undefined,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const format = (time: ProcessTime) =>
  `${seconds(time.wall)}${time.cpu === undefined ? "" : ` (cpu ${seconds(time.cpu)})`}`;

/** Scratch projects to remove at the end. */
const roots: string[] = [];

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
    JSON.stringify(
      { extends: "../../tsconfig.json", include: ["api/**/*.ts", "controllers/*.ts"], exclude: ["**/*.test.ts"] },
      null,
      2,
    ),
  );
  return root;
}

function compare(label: string, root: string): void {
  const generate = medianTime([cli, "generate", "manifests", "--dir", root]);
  const typecheck = medianTime([tsc, "--noEmit", "-p", join(root, "tsconfig.json")]);
  const cpuRatio =
    generate.cpu !== undefined && typecheck.cpu ? ` (cpu ${(generate.cpu / typecheck.cpu).toFixed(2)})` : "";
  console.log(label);
  console.log(`  uselessctl generate manifests  ${format(generate)}`);
  console.log(`  tsc --noEmit                   ${format(typecheck)}`);
  console.log(`  ratio generate / tsc           ${(generate.wall / typecheck.wall).toFixed(2)}${cpuRatio}`);
}

/**
 * What importing the built-in API modules costs a user's `tsc`: the same project type-checked
 * with and without a kind that imports `uselessctl/apis/core/v1` and `uselessctl/apis/apps/v1`,
 * resolved as an installed package resolves them (dist's .d.ts, no source condition); then
 * `generate manifests` beside `tsc` on the project with it.
 */
function compareBuiltinApiImports(): void {
  const projects = { without: scratchProject("apis-without"), with: scratchProject("apis-with") };
  roots.push(projects.without, projects.with);
  for (const root of Object.values(projects)) {
    cpSync(join(repo, "api"), join(root, "api"), { recursive: true });
    writeFileSync(
      join(root, "tsconfig.json"),
      JSON.stringify({
        extends: "../../tsconfig.json",
        compilerOptions: { customConditions: [] },
        include: ["api/**/*.ts"],
        exclude: ["**/*.test.ts"],
      }),
    );
  }
  // a kind whose spec holds a pod template, so that generate manifests walks the built-in types too
  writeFileSync(
    join(projects.with, "api", "v1alpha1", "workload_types.ts"),
    [
      'import type { ObjectMeta, TypeMeta } from "uselessctl";',
      'import type { PodTemplateSpec, ResourceRequirements } from "uselessctl/apis/core/v1";',
      'import { Deployment } from "uselessctl/apis/apps/v1";',
      "export interface WorkloadSpec {",
      "  template: PodTemplateSpec;",
      "  resources?: ResourceRequirements;",
      "}",
      "/** +kubebuilder:object:root=true */",
      "export interface Workload extends TypeMeta {",
      "  metadata?: ObjectMeta;",
      "  spec: WorkloadSpec;",
      "}",
      "export const owned = Deployment;",
      "",
    ].join("\n"),
  );
  // interleaved, so that a change in the machine's load falls on both sides alike
  const samples = { without: [] as ProcessTime[], with: [] as ProcessTime[] };
  for (let run = 0; run < runs; run++) {
    for (const side of ["without", "with"] as const)
      samples[side].push(timeProcess([tsc, "--noEmit", "-p", join(projects[side], "tsconfig.json")]));
  }
  const without = medianOf(samples.without);
  const withApis = medianOf(samples.with);
  const cpuRatio = without.cpu && withApis.cpu ? ` (cpu ${(withApis.cpu / without.cpu).toFixed(2)})` : "";
  console.log("importing uselessctl/apis/core/v1 and apps/v1 (api/ of this repository, dist types)");
  console.log(`  tsc --noEmit without           ${format(without)}`);
  console.log(`  tsc --noEmit with              ${format(withApis)}`);
  console.log(`  ratio with / without           ${(withApis.wall / without.wall).toFixed(2)}${cpuRatio}`);
  compare("the same project with a Workload kind whose spec holds a PodTemplateSpec", projects.with);
}

if (!existsSync(join(repo, "dist", "cli", "main.js"))) {
  console.error("bench:manifests: dist/ is missing; run `npm run build` first (the npm script does).");
  process.exit(1);
}

console.log(`uselessctl bench:manifests: wall time of whole processes, median of ${runs} runs (BENCH_RUNS)`);
console.log(`uselessctl --help                ${format(medianTime([cli, "--help"]))}`);

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

  compareBuiltinApiImports();
} finally {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
}
