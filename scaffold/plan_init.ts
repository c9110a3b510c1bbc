/**
 * `init`: plans a new operator project from `templates/init/**` and a fresh PROJECT file.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { ScaffoldError } from "./errors.js";
import { type FilePlan, PlanDraft } from "./plan.js";
import { formatProjectFile, PROJECT_FILE_NAME } from "./project_file.js";
import { PROJECT_LAYOUT, validateProjectInput } from "./resource.js";
import { loadTemplateSet, renderSet } from "./templates.js";
import { declaredDependency, mergePackageJson } from "./package_json.js";
import { toolkitInfo } from "./toolkit.js";
import { uselessctlDependency } from "./toolkit_dependency.js";

/** Options of `planInit`. */
export interface InitOptions {
  /** The project root; created when missing. */
  readonly dir: string;
  readonly domain: string;
  /** Defaults to the folder's name. */
  readonly projectName?: string | undefined;
  /** Scaffold into a non-empty folder, overwriting files the templates produce. */
  readonly force?: boolean | undefined;
  /** A template folder holding init/ and api/, instead of the toolkit's own. */
  readonly templatesDir?: string | undefined;
  /**
   * The project's `uselessctl` dependency. Default: the one the folder's package.json declares,
   * else the running copy of uselessctl (its tarball or folder, or `^<version>` from a registry).
   */
  readonly uselessctlDependency?: string | undefined;
}

/** The names `templates/init/**` print. */
export interface InitModel {
  readonly domain: string;
  readonly projectName: string;
  readonly layout: string;
  /** The namespace config/default deploys into. */
  readonly namespace: string;
  /** The prefix config/default gives every object's name. */
  readonly namePrefix: string;
  /** The Lease name for leader election: stable per project, unique per domain (as kubebuilder's). */
  readonly leaderElectionId: string;
  readonly image: string;
  /** The `uselessctl` dependency spec of package.json. */
  readonly uselessctlDependency: string;
  readonly typescriptRange: string;
  readonly tsxRange: string;
  readonly nodeTypesRange: string;
}

/**
 * Files and folders a folder may already hold without counting as "not empty": git's, and what
 * `npm install ../uselessctl-0.1.0.tgz` leaves (package.json is merged, the rest left to npm).
 */
const IGNORED_ENTRIES = new Set([".git", "node_modules", "package.json", "package-lock.json"]);
const PACKAGE_JSON = "package.json";

/** Validates the options and computes the init model; throws a ScaffoldError on bad input. */
export function initModel(options: InitOptions): InitModel {
  const root = resolve(options.dir);
  const projectName = options.projectName ?? basename(root);
  validateProjectInput({ domain: options.domain, projectName });
  const toolkit = toolkitInfo();
  const hash = createHash("sha256").update(`${projectName}.${options.domain}`).digest("hex").slice(0, 8);
  return {
    domain: options.domain,
    projectName,
    layout: PROJECT_LAYOUT,
    namespace: `${projectName}-system`,
    namePrefix: `${projectName}-`,
    leaderElectionId: `${hash}.${options.domain}`,
    image: "controller:latest",
    uselessctlDependency:
      options.uselessctlDependency ??
      declaredDependency(readIfExists(join(root, PACKAGE_JSON)), "uselessctl") ??
      uselessctlDependency(toolkit, root),
    typescriptRange: toolkit.typescriptRange,
    tsxRange: toolkit.tsxRange,
    nodeTypesRange: toolkit.nodeTypesRange,
  };
}

/** Plans `uselessctl init`: every file of a new project. Writes nothing. */
export function planInit(options: InitOptions): FilePlan {
  const root = resolve(options.dir);
  const model = initModel(options);
  if (!options.force) refuseNonEmpty(root);
  const draft = new PlanDraft(root);
  const onExisting = options.force ? "overwrite" : "refuse";
  for (const file of renderSet(loadTemplateSet(options.templatesDir ?? toolkitInfo().templatesDir, "init"), model)) {
    const existing = file.path === PACKAGE_JSON ? draft.current(PACKAGE_JSON) : undefined;
    if (existing === undefined) draft.put(file.path, file.content, onExisting);
    else {
      const merged = mergePackageJson(existing, file.content, join(root, PACKAGE_JSON), options.force ?? false);
      draft.put(PACKAGE_JSON, merged, "update");
    }
  }
  const project = { domain: model.domain, layout: [model.layout], projectName: model.projectName, resources: [] };
  draft.put(PROJECT_FILE_NAME, formatProjectFile(project), onExisting);
  return draft.finish();
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

function refuseNonEmpty(root: string): void {
  if (!existsSync(root)) return;
  if (!statSync(root).isDirectory()) {
    throw new ScaffoldError("invalid-input", `--dir ${root}: is a file, not a folder`, { subject: root });
  }
  const entries = readdirSync(root).filter((entry) => !IGNORED_ENTRIES.has(entry));
  if (entries.length === 0) return;
  const shown = entries.sort().slice(0, 3).join(", ") + (entries.length > 3 ? ", ..." : "");
  throw new ScaffoldError(
    "directory-not-empty",
    `${root} is not empty (${shown}); init scaffolds into an empty folder, or one holding only what \`npm install\` leaves (package.json, package-lock.json, node_modules/): move ${entries.length > 1 ? "those" : "it"} elsewhere, pick another --dir, or pass --force to scaffold beside ${entries.length > 1 ? "them" : "it"} (overwriting the files the scaffold writes)`,
    { subject: root },
  );
}
