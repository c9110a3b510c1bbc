/**
 * Re-running the scaffold for an existing project: reads its PROJECT file and replays `init`,
 * one `create api` per resource and one `create webhook` per resource with webhooks into another folder. Comparing that folder with the project
 * shows whether the project's scaffold-owned files still match the templates (the flagship
 * operator of this repository is checked this way).
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { commitPlan } from "./commit.js";
import { declaredDependency } from "./package_json.js";
import { planCreateApi } from "./plan_api.js";
import { planInit } from "./plan_init.js";
import { planCreateWebhook } from "./plan_webhook.js";
import { readProjectFile } from "./project_file.js";

/** Options of `regenerateScaffold`. */
export interface RegenerateOptions {
  /** The project whose PROJECT file is replayed. */
  readonly projectDir: string;
  /** An empty (or missing) folder to scaffold into. */
  readonly outputDir: string;
  readonly templatesDir?: string | undefined;
}

/** Replays the project's scaffold into `outputDir`; returns every path written, sorted. */
export function regenerateScaffold(options: RegenerateOptions): string[] {
  const projectDir = resolve(options.projectDir);
  const project = readProjectFile(projectDir);
  const dir = resolve(options.outputDir);
  const manifest = join(projectDir, "package.json");
  const dependency = declaredDependency(
    existsSync(manifest) ? readFileSync(manifest, "utf8") : undefined,
    "uselessctl",
  );
  const written = new Set<string>();
  const apply = (files: readonly { path: string }[]): void => files.forEach((file) => written.add(file.path));
  apply(
    commitPlan(
      planInit({
        dir,
        domain: project.domain,
        projectName: project.projectName,
        templatesDir: options.templatesDir,
        uselessctlDependency: dependency,
      }),
    ).files,
  );
  for (const resource of project.resources) {
    const plan = planCreateApi({
      dir,
      group: resource.group,
      version: resource.version,
      kind: resource.kind,
      plural: resource.plural,
      namespaced: resource.api?.namespaced ?? true,
      resource: resource.api !== undefined,
      controller: resource.controller ?? false,
      templatesDir: options.templatesDir,
    });
    apply(commitPlan(plan).files);
  }
  // after every kind, as a project is built: a conversion webhook marks its hub among the versions
  for (const resource of project.resources) {
    if (!resource.webhooks) continue;
    const plan = planCreateWebhook({
      dir,
      group: resource.group,
      version: resource.version,
      kind: resource.kind,
      defaulting: resource.webhooks.defaulting,
      validation: resource.webhooks.validation,
      conversion: resource.webhooks.conversion,
      templatesDir: options.templatesDir,
    });
    apply(commitPlan(plan).files);
  }
  return [...written].sort();
}
