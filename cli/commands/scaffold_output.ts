/**
 * How the scaffold commands report: one line per file written, then the next step to take.
 */
import type { FilePlan } from "../../scaffold/index.js";

const VERB: Record<FilePlan["files"][number]["action"], string> = {
  create: "created",
  overwrite: "overwrote",
  update: "updated",
};

/** The lines printed after a plan was committed. */
export function describeWrites(plan: FilePlan): string {
  return plan.files.map((file) => `${VERB[file.action].padEnd(10)}${file.path}\n`).join("");
}

/** Parses a `--flag=true|false` value (kubebuilder spells booleans this way). */
export function parseBooleanFlag(flag: string): (value: string) => boolean {
  return (value) => {
    if (value === "true") return true;
    if (value === "false") return false;
    throw new Error(`${flag} must be true or false, not "${value}"`);
  };
}
