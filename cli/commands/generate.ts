/**
 * `uselessctl generate manifests`: CRDs from `api/<version>/*.ts` and the manager ClusterRole
 * from `+kubebuilder:rbac` markers in `controllers/*.ts` (what `make manifests` runs).
 *
 * The command only talks: it finds the project's files, hands them to crdgen's
 * `generateManifests`, prints the diagnostics tsc-style, and writes the files atomically, or
 * nothing at all when any diagnostic is an error. crdgen and the TypeScript compiler are imported
 * inside the action, so that `uselessctl --help` never loads them.
 */
import { createRequire } from "node:module";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import type ts from "typescript";
import type * as crdgen from "../../crdgen/index.js";
import { discoverProjectFiles } from "../project_files.js";
import { formatReport, wantsColor } from "../report.js";
import { writeFilesAtomically } from "../write_files.js";
import { formatMarkerTable } from "../marker_table.js";

/** The part of crdgen's public API this command calls. */
export type ManifestGenerator = Pick<typeof crdgen, "generateManifests" | "markerHelp">;

/** A stream the command prints to. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Everything the command touches outside its arguments; tests replace parts of it. */
export interface GenerateEnvironment {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** The folder paths are shown relative to. */
  readonly cwd: () => string;
  /** Loads the generator; the default imports crdgen lazily. */
  readonly loadGenerator: () => Promise<ManifestGenerator>;
  /** Loads the compiler options of the project at a root; the default reads its tsconfig.json. */
  readonly loadCompilerOptions: (rootDir: string) => Promise<ts.CompilerOptions | undefined>;
}

const defaultEnvironment: GenerateEnvironment = {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: () => process.cwd(),
  loadGenerator: () => import("../../crdgen/index.js"),
  loadCompilerOptions: async (rootDir) => {
    const { projectCompilerOptions } = await import("../compiler_options.js");
    // require, not import: importing the 9 MB CommonJS typescript.js from ESM makes Node scan it
    // for named exports, which costs seconds on a loaded machine (crdgen loads it the same way).
    const typescript = createRequire(import.meta.url)("typescript") as typeof ts;
    return projectCompilerOptions(typescript, rootDir);
  },
};

/**
 * Ends the command with an exit code after it has printed why; `cli/main.ts` maps any
 * CommanderError to its exit code without printing again.
 */
export class CommandFailed extends CommanderError {
  constructor(message: string, exitCode = 1) {
    super(exitCode, "uselessctl.failed", message);
  }
}

/** Prints why the command failed, then ends it with exit code 1. */
function fail(env: GenerateEnvironment, message: string): never {
  env.stderr.write(`generate manifests: ${message}\n`);
  throw new CommandFailed(message);
}

interface ManifestsFlags {
  readonly dir: string;
  readonly paths?: string[];
  readonly maxDescriptionLength?: number;
  readonly controllerGenVersion?: string;
  readonly helpMarkers?: boolean;
}

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value))
    throw new InvalidArgumentError(`expected a whole number of characters (0 or more), got "${value}".`);
  return Number(value);
}

function controllerGenVersion(value: string): string {
  if (!/^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(value))
    throw new InvalidArgumentError(`expected a controller-gen release such as v0.23.0, got "${value}".`);
  return value;
}

function commaList(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(",")
      .map((path) => path.trim())
      .filter(Boolean),
  ];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

async function printMarkerHelp(env: GenerateEnvironment): Promise<void> {
  const generator = await env.loadGenerator();
  env.stdout.write(formatMarkerTable(generator.markerHelp()));
}

async function generateManifests(flags: ManifestsFlags, env: GenerateEnvironment): Promise<void> {
  if (flags.helpMarkers) return printMarkerHelp(env);
  let project;
  try {
    project = discoverProjectFiles({ dir: flags.dir, paths: flags.paths });
  } catch (error) {
    fail(env, (error as Error).message);
  }
  const [generator, compilerOptions] = await Promise.all([
    env.loadGenerator(),
    env.loadCompilerOptions(project.rootDir),
  ]);
  const result = generator.generateManifests(
    { ...project, ...(compilerOptions ? { compilerOptions } : {}) },
    {
      ...(flags.maxDescriptionLength === undefined ? {} : { maxDescriptionLength: flags.maxDescriptionLength }),
      ...(flags.controllerGenVersion === undefined ? {} : { controllerGenVersion: flags.controllerGenVersion }),
    },
  );

  const reportOptions = { cwd: env.cwd(), rootDir: project.rootDir, color: wantsColor(env.stderr) };
  env.stderr.write(formatReport(result.diagnostics, reportOptions));
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) {
    fail(env, "nothing was written.");
  }

  let outcome;
  try {
    outcome = writeFilesAtomically(project.rootDir, result.files);
  } catch (error) {
    fail(env, `${(error as Error).message}; nothing was written.`);
  }
  const role = result.role ? " and the manager ClusterRole" : "";
  env.stdout.write(
    `generate manifests: ${plural(result.crds.length, "CRD")}${role}: ` +
      `${plural(outcome.written.length, "file")} written, ${outcome.unchanged.length} unchanged` +
      `${outcome.written.length > 0 ? ` (${outcome.written.join(", ")})` : ""}.\n`,
  );
}

/** The `generate` command and its `manifests` subcommand. */
export function generateCommand(overrides: Partial<GenerateEnvironment> = {}): Command {
  const env: GenerateEnvironment = { ...defaultEnvironment, ...overrides };
  const generate = new Command("generate").description("Generate files from the project's sources.");
  generate
    .command("manifests")
    .description("Write config/crd/bases/*.yaml and config/rbac/role.yaml from api/ and controllers/.")
    .option("--dir <path>", "project root", ".")
    .option("--paths <paths>", "only read these files or folders under --dir (comma-separated, repeatable)", commaList)
    .option(
      "--max-description-length <n>",
      "truncate field descriptions to n characters (0 drops them), as controller-gen's maxDescLen",
      nonNegativeInteger,
    )
    .option(
      "--controller-gen-version <version>",
      "the controller-gen.kubebuilder.io/version annotation written on every CRD (e.g. v0.23.0)",
      controllerGenVersion,
    )
    .option("--help-markers", "print every marker the generator understands (controller-gen -w), then exit")
    .action((flags: ManifestsFlags) => generateManifests(flags, env));
  return generate;
}
