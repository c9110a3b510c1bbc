/**
 * The scaffold library behind `uselessctl init` and `uselessctl create api`, modelled on
 * kubebuilder's machinery: validate every name and compute the derived ones once (resource.ts),
 * plan every file a command writes with its final content (plan_init.ts, plan_api.ts, over
 * plan.ts, rendering templates/ through render.ts and inserting at scaffold markers with
 * insert.ts, the PROJECT file through project_file.ts), then write the plan all or nothing
 * (commit.ts). A plan that fails to build has written nothing; so has a commit that fails.
 * `planManifests` (plan_manifests.ts) plans `generate manifests` the same way: it finds the
 * project's files and tsconfig.json, calls crdgen's pure pipeline, and plans its output.
 *
 * Not here: printing, prompting and exit codes (cli/commands/), CRD generation itself (crdgen/).
 */
export { commitPlan, type CommitFileSystem, type CommitOptions, type CommitResult } from "./commit.js";
export { isScaffoldError, ScaffoldError, type ScaffoldErrorCode } from "./errors.js";
export { insertAtMarkers, markerComment, type Insertion } from "./insert.js";
export { type FileAction, type FilePlan, type PlannedFile } from "./plan.js";
export { planCreateApi, type ApiModel, type CreateApiOptions } from "./plan_api.js";
export { planCreateWebhook, type CreateWebhookOptions, type WebhookModel } from "./plan_webhook.js";
export { planEdit, type EditOptions, type EditPlan } from "./plan_edit.js";
export { planManifests, type ManifestGenerator, type ManifestsOptions, type ManifestsPlan } from "./plan_manifests.js";
export { initModel, planInit, type InitModel, type InitOptions } from "./plan_init.js";
export { isVerbatimScaffoldFile, scaffoldDrift, type ScaffoldDrift, type ScaffoldDriftOptions } from "./ownership.js";
export { pluralize } from "../crdgen/crd/pluralize.js";
export {
  formatProjectFile,
  parseProjectFile,
  PROJECT_FILE_NAME,
  readProjectFile,
  type ProjectConfig,
  type ProjectResource,
  type ProjectResourceWebhooks,
} from "./project_file.js";
export { regenerateScaffold, type RegenerateOptions } from "./regenerate.js";
export {
  PROJECT_LAYOUT,
  resourceModel,
  validateProjectInput,
  validateResourceInput,
  type ResourceModel,
} from "./resource.js";
export { renderTemplate } from "./render.js";
