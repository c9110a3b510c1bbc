/**
 * The project the golden test, the benchmark and the e2e test scaffold: `uselessctl init` for the
 * useless machine, then `create api` for Machine and Switch, through the same library calls the
 * CLI makes.
 */
import { commitPlan, planCreateApi, planInit } from "../../scaffold/index.js";

/** The commands the project is made with, as a user would type them. */
export const USELESS_COMMANDS: readonly (readonly string[])[] = [
  ["init", "--domain", "container.training", "--project-name", "useless"],
  ["create", "api", "--group", "useless", "--version", "v1alpha1", "--kind", "Machine"],
  ["create", "api", "--group", "useless", "--version", "v1alpha1", "--kind", "Switch"],
];

/**
 * The dependency the golden project declares: init writes the copy of uselessctl it runs from,
 * whose path differs from machine to machine, so the golden project names a tarball beside it.
 */
export const GOLDEN_USELESSCTL_DEPENDENCY = "file:../uselessctl-0.1.0.tgz";

/** Scaffolds the useless project into `dir` (empty or missing). */
export function scaffoldUselessProject(dir: string): void {
  commitPlan(
    planInit({
      dir,
      domain: "container.training",
      projectName: "useless",
      uselessctlDependency: GOLDEN_USELESSCTL_DEPENDENCY,
    }),
  );
  for (const kind of ["Machine", "Switch"]) {
    commitPlan(planCreateApi({ dir, group: "useless", version: "v1alpha1", kind, resource: true, controller: true }));
  }
}
