/**
 * The paired fixtures: `testdata/<area>/<name>/` holds one API (or, in the rbac and webhook
 * areas, one controller or webhook package) written twice, in Go for controller-gen and in TypeScript for crdgen. A
 * fixture's CRDs are the files named after the groups its `groupversion_info.go` files declare.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const repositoryRoot = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
/** test/crdgen-conformance/testdata, the root of the fixtures' Go module. */
export const fixturesRoot = join(repositoryRoot, "test", "crdgen-conformance", "testdata");

/** The areas of the report, in its order. */
export const AREAS = ["markers", "types", "crd", "multi-version", "rbac", "webhook", "builtin-types"] as const;
export type Area = (typeof AREAS)[number];

/**
 * The crd generator's options a fixture runs with, from its `options.json` (none: the defaults):
 * each is controller-gen's `crd:<name>=<value>` and crdgen's option of the same name.
 */
export interface FixtureOptions {
  generateEmbeddedObjectMeta?: boolean;
}

const optionNames = new Set<keyof FixtureOptions>(["generateEmbeddedObjectMeta"]);

/** One paired fixture. */
export interface Fixture {
  area: Area;
  name: string;
  dir: string;
  /** API groups declared by its version folders (none for rbac and webhook fixtures). */
  groups: string[];
  options: FixtureOptions;
}

function readOptions(dir: string): FixtureOptions {
  const file = join(dir, "options.json");
  if (!existsSync(file)) return {};
  const options = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  for (const [name, value] of Object.entries(options)) {
    if (!optionNames.has(name as keyof FixtureOptions) || typeof value !== "boolean")
      throw new Error(`${file}: ${name} is not a boolean crd option (known: ${[...optionNames].join(", ")})`);
  }
  return options as FixtureOptions;
}

/** controller-gen's crd generator argument for `options`. */
export function controllerGenCrdArgument(options: FixtureOptions): string {
  const settings = Object.entries({ allowDangerousTypes: true, ...options }).map(([name, value]) => `${name}=${value}`);
  return `crd:${settings.join(",")}`;
}

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Every fixture, by area then name. */
export function listFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const area of AREAS) {
    let names: string[];
    try {
      names = readdirSync(join(fixturesRoot, area), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const dir = join(fixturesRoot, area, name);
      const groups = new Set<string>();
      for (const file of filesUnder(dir, "groupversion_info.go")) {
        const group = /\+groupName=(\S+)/.exec(readFileSync(file, "utf8"))?.[1];
        if (group) groups.add(group);
      }
      fixtures.push({ area, name, dir, groups: [...groups], options: readOptions(dir) });
    }
  }
  return fixtures;
}

/** True for the areas whose fixtures hold package markers (RBAC, webhooks) rather than an API. */
export function isPackageMarkerArea(area: Area): area is "rbac" | "webhook" {
  return area === "rbac" || area === "webhook";
}

/** The TypeScript files of a fixture. */
export function typescriptFiles(fixture: Fixture): string[] {
  return filesUnder(fixture.dir, ".ts");
}
