/**
 * `uselessctl create webhook`: scaffolds a kind's defaulting and/or validating webhook (the
 * webhook file, its test, registration in main.ts), the webhook and cert-manager kustomize
 * folders, a conversion webhook's CRD patch, and records them in PROJECT.
 */
import { Command } from "commander";
import type { CliOutput } from "../output.js";
import { describeWrites } from "./scaffold_output.js";

interface CreateWebhookFlags {
  group: string;
  version: string;
  kind: string;
  defaulting?: boolean;
  programmaticValidation?: boolean;
  conversion?: boolean;
  force?: boolean;
  dir: string;
  templates?: string;
}

export function createWebhookCommand(output: CliOutput): Command {
  return new Command("webhook")
    .description(
      "Scaffold a kind's webhooks (webhooks/<version>/<kind>_webhook.ts) and the config/webhook and config/certmanager manifests.",
    )
    .requiredOption("--group <group>", "API group of the kind, as given to `create api` (e.g. useless)")
    .requiredOption("--version <version>", "API version of the kind (v1, v1alpha1, v2beta1...)")
    .requiredOption("--kind <Kind>", "the kind, in PascalCase, as PROJECT records it (e.g. Machine)")
    .option("--defaulting", "scaffold a defaulting (mutating) webhook")
    .option("--programmatic-validation", "scaffold a validating webhook")
    .option("--conversion", "scaffold the CRD's conversion webhook configuration")
    .option("--force", "scaffold the webhook file and its test again over existing ones")
    .option("--dir <path>", "project root, where PROJECT is (default: the current folder)", process.cwd())
    .option("--templates <dir>", "template folder holding webhook/ (default: uselessctl's own)")
    .action(async (flags: CreateWebhookFlags) => {
      const { commitPlan, planCreateWebhook } = await import("../../scaffold/index.js");
      const plan = planCreateWebhook({
        dir: flags.dir,
        group: flags.group,
        version: flags.version,
        kind: flags.kind,
        defaulting: flags.defaulting,
        validation: flags.programmaticValidation,
        conversion: flags.conversion,
        force: flags.force,
        templatesDir: flags.templates,
      });
      commitPlan(plan);
      output.out(describeWrites(plan));
      output.out(
        "\nNext: implement the webhook, then `make manifests` (config/webhook/manifests.yaml) and `make test`.\n",
      );
    });
}
