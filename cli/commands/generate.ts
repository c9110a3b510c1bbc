/**
 * `uselessctl generate manifests`: CRDs from `api/<version>/*.ts` and the manager ClusterRole
 * from `+kubebuilder:rbac` markers in `controllers/*.ts` (what `make manifests` runs).
 *
 * The command only talks: it parses the flags, calls scaffold's `planManifests` (which finds
 * the files, runs crdgen and plans the writes), prints the diagnostics tsc-style, and commits
 * the plan with the one writer, `commitPlan`, or writes nothing at all when any diagnostic is an
 * error. The libraries are imported inside the action, so that `uselessctl --help` never loads
 * them or the TypeScript compiler.
 */
import { Command, CommanderError, InvalidArgumentError } from "commander";
import type * as crdgen from "../../crdgen/index.js";
import { formatReport, wantsColor } from "../report.js";
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
}

const defaultEnvironment: GenerateEnvironment = {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: () => process.cwd(),
  loadGenerator: () => import("../../crdgen/index.js"),
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
  readonly generateEmbeddedObjectMeta?: boolean;
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
  const [{ commitPlan, isScaffoldError, planManifests }, generator] = await Promise.all([
    import("../../scaffold/index.js"),
    env.loadGenerator(),
  ]);
  let planned;
  try {
    planned = await planManifests({
      dir: flags.dir,
      paths: flags.paths,
      maxDescriptionLength: flags.maxDescriptionLength,
      controllerGenVersion: flags.controllerGenVersion,
      generateEmbeddedObjectMeta: flags.generateEmbeddedObjectMeta,
      generator,
    });
  } catch (error) {
    if (isScaffoldError(error)) fail(env, error.message);
    throw error;
  }

  const reportOptions = { cwd: env.cwd(), rootDir: planned.plan.root, color: wantsColor(env.stderr) };
  env.stderr.write(formatReport(planned.diagnostics, reportOptions));
  if (planned.diagnostics.some((diagnostic) => diagnostic.severity === "error")) {
    fail(env, "nothing was written.");
  }

  try {
    commitPlan(planned.plan);
  } catch (error) {
    if (isScaffoldError(error)) fail(env, error.message);
    throw error;
  }
  const written = planned.plan.files.map((file) => file.path);
  const role = planned.roles.some((role) => role.kind === "ClusterRole") ? " and the manager ClusterRole" : "";
  const webhooks =
    planned.webhookConfigurations.length > 0
      ? `, ${plural(planned.webhookConfigurations.length, "webhook configuration")}`
      : "";
  env.stdout.write(
    `generate manifests: ${plural(planned.crds.length, "CRD")}${role}${webhooks}: ` +
      `${plural(written.length, "file")} written, ${planned.unchanged.length} unchanged` +
      `${written.length > 0 ? ` (${written.join(", ")})` : ""}.\n`,
  );
}

/** The `generate` command and its `manifests` subcommand. */
export function generateCommand(overrides: Partial<GenerateEnvironment> = {}): Command {
  const env: GenerateEnvironment = { ...defaultEnvironment, ...overrides };
  const generate = new Command("generate").description("Generate files from the project's sources.");
  generate
    .command("manifests")
    .description(
      "Write config/crd/bases/*.yaml, config/rbac/role.yaml and config/webhook/manifests.yaml from api/, controllers/ and webhooks/.",
    )
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
    .option(
      "--generate-embedded-object-meta",
      "give the metadata of embedded objects (a pod template's) name, namespace, labels, annotations and finalizers, as controller-gen's crd:generateEmbeddedObjectMeta=true",
    )
    .option("--help-markers", "print every marker the generator understands (controller-gen -w), then exit")
    .action((flags: ManifestsFlags) => generateManifests(flags, env));
  return generate;
}
