/**
 * Test helpers for the scaffold: temporary folders and a snapshot of every file below a folder,
 * so a test can assert that a refused command changed nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";

/** Every file below `root` (posix relative path → content), folders as `path/` → "". */
export function snapshotDir(root: string, skip: ReadonlySet<string> = new Set(["node_modules"])): Map<string, string> {
  const snapshot = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const path = join(dir, entry.name);
      const key = relative(root, path).split(sep).join("/");
      if (entry.isDirectory()) {
        snapshot.set(`${key}/`, "");
        walk(path);
      } else snapshot.set(key, readFileSync(path, "utf8"));
    }
  };
  walk(root);
  return new Map([...snapshot.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** A new empty temporary folder and a function that removes it. */
export function temporaryDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `uselessctl-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
