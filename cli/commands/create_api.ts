/**
 * `uselessctl create api`: scaffolds a kind (types, sample, CRD kustomization entry) and its
 * controller (reconciler, test, registration in main.ts), and records it in PROJECT.
 */
import { createInterface } from "node:readline/promises";
import { Command } from "commander";
import type { CliOutput } from "../output.js";
import { createWebhookCommand } from "./create_webhook.js";
import { describeWrites, parseBooleanFlag } from "./scaffold_output.js";

interface CreateApiFlags {
  group: string;
  version: string;
  kind: string;
  plural?: string;
  namespaced: boolean;
  resource?: boolean;
  controller?: boolean;
  force?: boolean;
  dir: string;
  templates?: string;
}

/** `create`, the parent of `create api` and `create webhook`. */
export function createCommand(output: CliOutput): Command {
  return new Command("create")
    .description("Scaffold a Kubernetes API or webhook.")
    .addCommand(createApiCommand(output))
    .addCommand(createWebhookCommand(output));
}

function createApiCommand(output: CliOutput): Command {
  return new Command("api")
    .description(
      "Scaffold a kind (api/<version>/<kind>_types.ts) and its controller (controllers/<kind>_controller.ts).",
    )
    .requiredOption("--group <group>", "API group, prefixed to the project's domain (e.g. useless)")
    .requiredOption("--version <version>", "API version (v1, v1alpha1, v2beta1...)")
    .requiredOption("--kind <Kind>", "kind, in PascalCase (e.g. Machine)")
    .option("--plural <plural>", "resource plural (default: from the kind, as kubebuilder pluralizes)")
    .option(
      "--namespaced [bool]",
      "namespaced (true) or cluster-scoped (false)",
      parseBooleanFlag("--namespaced"),
      true,
    )
    .option(
      "--resource [bool]",
      "scaffold the types (prompted on a terminal when not given; default true)",
      parseBooleanFlag("--resource"),
    )
    .option(
      "--controller [bool]",
      "scaffold the controller (prompted on a terminal when not given; default true)",
      parseBooleanFlag("--controller"),
    )
    .option("--force", "scaffold a kind that exists again, overwriting its files")
    .option("--dir <path>", "project root, where PROJECT is (default: the current folder)", process.cwd())
    .option("--templates <dir>", "template folder holding init/ and api/ (default: uselessctl's own)")
    .action(async (flags: CreateApiFlags) => {
      const { commitPlan, planCreateApi } = await import("../../scaffold/index.js");
      const resource = flags.resource ?? (await askYesNo("Create Resource [y/n]"));
      const controller = flags.controller ?? (await askYesNo("Create Controller [y/n]"));
      const plan = planCreateApi({
        dir: flags.dir,
        group: flags.group,
        version: flags.version,
        kind: flags.kind,
        plural: flags.plural,
        namespaced: flags.namespaced,
        resource,
        controller,
        force: flags.force,
        templatesDir: flags.templates,
      });
      commitPlan(plan);
      output.out(describeWrites(plan));
      output.out("\nNext: implement the types and the reconciler, then `make manifests` and `make test`.\n");
    });
}

/** Asks on a terminal, as kubebuilder does; yes without asking in CI or when input is not a TTY. */
async function askYesNo(question: string): Promise<boolean> {
  if (!process.stdin.isTTY || process.env["CI"]) return true;
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    for (;;) {
      const answer = (await prompt.question(`${question} `)).trim().toLowerCase();
      if (answer === "y" || answer === "yes" || answer === "") return true;
      if (answer === "n" || answer === "no") return false;
    }
  } finally {
    prompt.close();
  }
}
