/**
 * `npm run bench:scaffold`: how long `uselessctl init` + `create api` Machine + Switch take
 * (issue #5 target: under 2 s in total). Prints figures, never fails on a time.
 *
 * Two measures: the three commands as a user runs them (three processes, each starting node and
 * loading the CLI), and the library calls alone in one warm process (planning and writing).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { scaffoldUselessProject, USELESS_COMMANDS } from "../test/scaffold/useless_project.js";
import { temporaryDir } from "../test/scaffold/dir_snapshot.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The CLI as a process: the built one when dist/ exists, else the sources through tsx. */
function cliCommand(): { label: string; prefix: string[] } {
  const built = join(root, "dist/cli/main.js");
  if (existsSync(built) && existsSync(join(root, "dist/scaffold/index.js")))
    return { label: "dist/cli/main.js", prefix: [built] };
  return {
    label: "cli/main.ts via tsx",
    prefix: ["--conditions=uselessctl-source", "--import", "tsx", join(root, "cli/main.ts")],
  };
}

function timeProcesses(): number[] {
  const cli = cliCommand();
  const totals: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const { dir, remove } = temporaryDir("bench-cli");
    const project = join(dir, "useless");
    try {
      const start = performance.now();
      for (const args of USELESS_COMMANDS) {
        const result = spawnSync(process.execPath, [...cli.prefix, ...args, "--dir", project], {
          cwd: root,
          encoding: "utf8",
        });
        if (result.status !== 0) throw new Error(`uselessctl ${args.join(" ")} failed: ${result.stderr}`);
      }
      totals.push(performance.now() - start);
    } finally {
      remove();
    }
  }
  console.log(
    `cli (${cli.label}): init + 2x create api, 3 processes: median ${median(totals).toFixed(0)} ms over ${ROUNDS} runs (target < 2000 ms)`,
  );
  return totals;
}

function timeLibrary(): void {
  const totals: number[] = [];
  for (let round = 0; round < ROUNDS + 1; round++) {
    const { dir, remove } = temporaryDir("bench-lib");
    try {
      const start = performance.now();
      scaffoldUselessProject(join(dir, "useless"));
      // the first round loads templates and handlebars: report it apart
      if (round === 0) console.log(`library, first run in this process: ${(performance.now() - start).toFixed(1)} ms`);
      else totals.push(performance.now() - start);
    } finally {
      remove();
    }
  }
  console.log(
    `library: init + 2x create api (plan + commit): median ${median(totals).toFixed(1)} ms over ${ROUNDS} warm runs`,
  );
}

timeLibrary();
timeProcesses();
