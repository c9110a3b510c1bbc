// The operator's command line (main.ts): bad flags are refused before anything connects, with
// the flag named and the usage printed. Issue #6.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ROOT } from "./operator_harness.js";

const run = promisify(execFile);

async function operator(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--conditions=uselessctl-source", "--import", "tsx", "main.ts", ...args],
      {
        cwd: ROOT,
        // A kubeconfig that names nothing: any attempt to connect would fail differently.
        env: { ...process.env, KUBECONFIG: "/nonexistent/kubeconfig" },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

test("bad flags exit 2 naming the flag and printing the usage", async () => {
  const cases: [string[], RegExp][] = [
    [["--flip-delay=soon"], /^--flip-delay: expected a duration such as 5s, 500ms, 1m30s or 0 \(got "soon"\)/],
    [["--max-concurrent-reconciles=0"], /^--max-concurrent-reconciles: expected a whole number >= 1/],
    [["--no-such-flag"], /Unknown option '--no-such-flag'/],
  ];
  const results = await Promise.all(cases.map(([args]) => operator(...args)));
  results.forEach((result, index) => {
    const [args, message] = cases[index]!;
    assert.equal(result.code, 2, `${args.join(" ")}: ${result.stderr}`);
    assert.match(result.stderr, message);
    assert.match(result.stderr, /Usage: main\.ts \[flags\]/);
  });
});

test("--help prints the flags and exits 0", async () => {
  const result = await operator("--help");
  assert.equal(result.code, 0);
  for (const flag of [
    "--flip-delay",
    "--flip-interval",
    "--max-concurrent-reconciles",
    "--leader-elect",
    "--health-probe-bind-address",
  ]) {
    assert.ok(result.stdout.includes(flag), flag);
  }
});
