/**
 * `uselessctl init`: scaffolds a new operator project (package.json, Makefile, main.ts, config/,
 * PROJECT...) into an empty folder.
 */
import { Command } from "commander";
import type { CliOutput } from "../output.js";
import { describeWrites } from "./scaffold_output.js";

interface InitFlags {
  domain: string;
  projectName?: string;
  dir: string;
  force?: boolean;
  templates?: string;
}

export function initCommand(output: CliOutput): Command {
  return new Command("init")
    .description("Scaffold a new operator project: package.json, Makefile, main.ts, config/ (kustomize), PROJECT.")
    .requiredOption("--domain <domain>", "domain of the project's API groups (e.g. container.training)")
    .option("--project-name <name>", "project name, a DNS-1123 label (default: the folder's name)")
    .option("--dir <path>", "folder to scaffold into (default: the current folder)", process.cwd())
    .option("--force", "scaffold into a non-empty folder, overwriting files the templates produce")
    .option("--templates <dir>", "template folder holding init/ and api/ (default: uselessctl's own)")
    .action(async (flags: InitFlags) => {
      const { commitPlan, planInit } = await import("../../scaffold/index.js");
      const plan = planInit({
        dir: flags.dir,
        domain: flags.domain,
        projectName: flags.projectName,
        force: flags.force,
        templatesDir: flags.templates,
      });
      commitPlan(plan);
      output.out(describeWrites(plan));
      output.out(
        "\nNext: npm install, then `uselessctl create api --group <group> --version v1alpha1 --kind <Kind>`.\n",
      );
    });
}
