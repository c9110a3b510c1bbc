/**
 * `init` into a folder where `npm install` already ran (a package.json, a package-lock.json and
 * node_modules/, as left by `npm install ../uselessctl-0.1.0.tgz`): the scaffold's package.json is
 * merged into the one there instead of refusing the folder or overwriting what it declares.
 *
 * The rules: every dependency already declared stays, with its spec (it is what node_modules
 * holds); the scaffold adds its own entries; `type`, `engines` and `private` are the scaffold's
 * (the project needs them); other fields stay as they were. A script the scaffold also defines
 * must match it, or be npm's placeholder `test`; anything else is refused (or replaced under
 * --force), so a user's script is never lost silently.
 */
import { ScaffoldError } from "./errors.js";
import { byCodeUnits } from "./templates.js";

type Manifest = Record<string, unknown>;

/** The dependency maps npm knows; entries merge instead of replacing the map. */
const DEPENDENCY_FIELDS = ["dependencies", "devDependencies", "optionalDependencies", "peerDependencies"];
/** What the project needs as the scaffold writes it, whatever the folder had. */
const SCAFFOLD_FIELDS = new Set(["type", "engines", "private"]);
/** The `test` script `npm init` writes, which says only that there are no tests. */
const NPM_INIT_TEST = /^echo "Error: no test specified" && exit 1$/;

function parseManifest(text: string, path: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ScaffoldError("invalid-input", `${path}: not valid JSON (${(error as Error).message})`, {
      subject: path,
      cause: error,
    });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ScaffoldError("invalid-input", `${path}: expected a JSON object`, { subject: path });
  }
  return value as Manifest;
}

function stringMap(manifest: Manifest, field: string, path: string): Record<string, string> {
  const value = manifest[field] ?? {};
  const valid =
    typeof value === "object" && !Array.isArray(value) && Object.values(value).every((v) => typeof v === "string");
  if (!valid) {
    throw new ScaffoldError("invalid-input", `${path}: ${field} must be an object of strings`, { subject: path });
  }
  return value as Record<string, string>;
}

/**
 * The package.json `init` writes over `existingText` (the file at `path`); `force` lets the
 * scaffold's scripts replace the folder's.
 * Errors: a ScaffoldError naming the file for invalid JSON, a malformed field, or a script that differs.
 */
export function mergePackageJson(existingText: string, scaffoldText: string, path: string, force: boolean): string {
  const existing = parseManifest(existingText, path);
  const scaffold = parseManifest(scaffoldText, "the scaffold's package.json");
  const merged: Manifest = { ...scaffold };
  for (const [field, value] of Object.entries(existing)) {
    if (
      !(field in scaffold) ||
      !(SCAFFOLD_FIELDS.has(field) || field === "scripts" || DEPENDENCY_FIELDS.includes(field))
    )
      merged[field] = value;
  }
  const scripts = { ...stringMap(existing, "scripts", path) };
  for (const [name, command] of Object.entries(stringMap(scaffold, "scripts", path))) {
    const theirs = scripts[name];
    if (theirs !== undefined && theirs !== command && !force && !(name === "test" && NPM_INIT_TEST.test(theirs))) {
      throw new ScaffoldError(
        "already-exists",
        `${path}: scripts.${name} is ${JSON.stringify(theirs)}, the scaffold's is ${JSON.stringify(command)}; remove or rename yours, or pass --force to replace it`,
        { subject: path },
      );
    }
    scripts[name] = command;
  }
  merged["scripts"] = scripts;
  const declared = new Set<string>();
  for (const field of DEPENDENCY_FIELDS) {
    const theirs = stringMap(existing, field, path);
    const ours = Object.fromEntries(
      Object.entries(stringMap(scaffold, field, path)).filter(([name]) => !declared.has(name)),
    );
    const entries = { ...ours, ...theirs };
    for (const name of Object.keys(entries)) declared.add(name);
    if (Object.keys(entries).length > 0) merged[field] = sortedByName(entries);
  }
  return `${JSON.stringify(merged, null, 2)}\n`;
}

/** The spec `existingText` declares for `name` in dependencies, if any (an unreadable file declares none). */
export function declaredDependency(existingText: string | undefined, name: string): string | undefined {
  if (existingText === undefined) return undefined;
  try {
    const value = (JSON.parse(existingText) as { dependencies?: Record<string, unknown> }).dependencies?.[name];
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

function sortedByName(entries: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).sort(([a], [b]) => byCodeUnits(a, b)));
}
