/**
 * `uselessctl edit`: changes the project's layout settings in PROJECT, as `kubebuilder edit`.
 */
import { Command } from "commander";
import type { CliOutput } from "../output.js";
import { describeWrites, parseBooleanFlag } from "./scaffold_output.js";

interface EditFlags {
  multigroup?: boolean;
  dir: string;
}

export function editCommand(output: CliOutput): Command {
  return new Command("edit")
    .description("Change the project's layout in PROJECT (existing files stay where they are).")
    .option(
      "--multigroup [bool]",
      "APIs in api/<group>/<version>/ and controllers in controllers/<group>/, for more than one API group",
      parseBooleanFlag("--multigroup"),
    )
    .option("--dir <path>", "project root, where PROJECT is (default: the current folder)", process.cwd())
    .action(async (flags: EditFlags) => {
      const { commitPlan, planEdit } = await import("../../scaffold/index.js");
      if (flags.multigroup === undefined) throw new Error("edit: nothing to change; pass --multigroup=true|false");
      const { plan, misplaced } = planEdit({ dir: flags.dir, multigroup: flags.multigroup });
      commitPlan(plan);
      output.out(describeWrites(plan) || "PROJECT already says so; nothing to change\n");
      if (misplaced.length > 0) {
        const list = misplaced.map((entry) => `  ${entry.kind} (${entry.group}/${entry.version}) in ${entry.path}/\n`);
        output.out(
          `\nThese APIs do not follow the new layout; move them (and their controllers), then fix the imports:\n${list.join("")}`,
        );
      }
    });
}
