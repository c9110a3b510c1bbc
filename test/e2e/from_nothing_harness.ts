/**
 * What the from-nothing e2e tests share: running a command as a newcomer would (failing the
 * test with its output), and the tarball `npm pack` makes of this checkout, its dist/ rebuilt
 * when a library source is newer.
 */
import assert from "node:assert/strict";
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** npm as a newcomer runs it, but preferring its cache: offline when the cache has everything. */
export const NPM_QUIET = ["--prefer-offline", "--no-audit", "--no-fund"];

/** The checkout's root. */
export const root = fileURLToPath(new URL("../..", import.meta.url));

/** Runs a command, failing the test with its output when it fails; returns its standard output. */
export function step(command: string, args: readonly string[], options: SpawnSyncOptions & { cwd: string }): string {
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 300_000, ...options });
  const output = `${String(result.stdout ?? "")}\n${String(result.stderr ?? "")}`.trim();
  assert.equal(result.status, 0, `${command} ${args.join(" ")} (in ${options.cwd}) failed:\n${output.slice(-4000)}`);
  return String(result.stdout ?? "");
}

/** The newest modification time of any .ts file below the toolkit's library folders. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
        newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const folder of ["cli", "scaffold", "crdgen", "runtime", "apiserver", "apimachinery"]) walk(join(root, folder));
  return newest;
}

/** The tarball `npm pack` makes of this checkout (its dist/ built when stale), in `dir`. */
export function packCheckout(dir: string): string {
  const marker = join(root, "dist/cli/main.js");
  if (!existsSync(marker) || statSync(marker).mtimeMs < newestSource()) {
    step(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root });
  }
  // --ignore-scripts: prepare would build dist/ again, which is fresh
  const name = step("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", dir], { cwd: root }).trim();
  return join(dir, name.split("\n").at(-1) ?? name);
}
