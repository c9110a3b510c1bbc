/**
 * Where this copy of uselessctl lives: its package root (found from this module's own location,
 * in the source tree or in dist/), its version and the versions of the tools a scaffolded project
 * pins, and its templates/ folder.
 */
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Facts about the running toolkit that the scaffold writes into a project. */
export interface ToolkitInfo {
  /** The package root (the folder with uselessctl's package.json). */
  readonly root: string;
  readonly version: string;
  /** The default template folder, `<root>/templates`. */
  readonly templatesDir: string;
  /** Semver ranges a project pins for its dev tools, the same ones this package builds with. */
  readonly typescriptRange: string;
  readonly tsxRange: string;
  readonly nodeTypesRange: string;
}

interface PackageJson {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

let cached: ToolkitInfo | undefined;

/** Finds and reads uselessctl's own package.json once. */
export function toolkitInfo(): ToolkitInfo {
  if (cached) return cached;
  // The real path: a linked copy (npm link, a file: folder dependency) is the folder it links to.
  let dir = dirname(realpathSync(fileURLToPath(import.meta.url)));
  for (;;) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, "utf8")) as PackageJson;
      if (pkg.name === "uselessctl") {
        const range = (name: string, fallback: string): string =>
          pkg.dependencies?.[name] ?? pkg.devDependencies?.[name] ?? fallback;
        cached = {
          root: dir,
          version: pkg.version ?? "0.0.0",
          templatesDir: join(dir, "templates"),
          typescriptRange: range("typescript", "~5.9.3"),
          tsxRange: range("tsx", "^4.20.0"),
          nodeTypesRange: range("@types/node", "^20.19.0"),
        };
        return cached;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("uselessctl's package.json was not found above the scaffold module");
    dir = parent;
  }
}
