/**
 * The `uselessctl` command: builds the commander program and maps failures to exit codes.
 *
 * Every command is a factory in `cli/commands/` that parses its flags, calls one library
 * function and prints the result. Commands import their libraries lazily, so that `--help` and
 * `--version` never load the TypeScript compiler.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Command, CommanderError } from "commander";
import { clusterCommand } from "./commands/cluster.js";
import { createCommand } from "./commands/create_api.js";
import { editCommand } from "./commands/edit.js";
import { generateCommand } from "./commands/generate.js";
import { initCommand } from "./commands/init.js";
import { uiCommand } from "./commands/ui.js";
import { type CliOutput, processOutput } from "./output.js";

/** Reads this package's version from its package.json, wherever the CLI was started from. */
function packageVersion(): string {
  const here = fileURLToPath(import.meta.url);
  // cli/main.ts in the source tree, dist/cli/main.js once built: package.json is above either.
  for (const candidate of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, `file://${here}`), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "uselessctl" && pkg.version) return pkg.version;
    } catch {
      // not this one; try the next candidate
    }
  }
  return "unknown";
}

/** Builds the full command tree; exported so tests can drive it without spawning a process. */
export function buildProgram(output: CliOutput = processOutput): Command {
  const program = new Command("uselessctl")
    .description(
      "Build Kubernetes operators in TypeScript: CRDs from types, scaffolding, a runtime and a local API server.",
    )
    .version(packageVersion())
    // `create api --version v1alpha1` must reach the subcommand, not print uselessctl's version.
    .enablePositionalOptions()
    .addCommand(initCommand(output))
    .addCommand(createCommand(output))
    .addCommand(editCommand(output))
    .addCommand(generateCommand())
    .addCommand(clusterCommand())
    .addCommand(uiCommand())
    .showHelpAfterError()
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .exitOverride();
  // addCommand() does not pass settings down: without this a parse error in a subcommand would
  // call process.exit instead of becoming the exit code `run` returns.
  const inherit = (parent: Command): void => {
    for (const command of parent.commands) {
      command.copyInheritedSettings(parent);
      inherit(command);
    }
  };
  inherit(program);
  return program;
}

/** Runs the CLI with `argv` (as `process.argv`) and resolves to the process exit code. */
export async function run(argv: readonly string[], output: CliOutput = processOutput): Promise<number> {
  try {
    await buildProgram(output).parseAsync([...argv]);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    output.err(`uselessctl: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await run(process.argv);
}
