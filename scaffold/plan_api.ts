/**
 * `create api`: plans a resource (types, samples, CRD kustomization entry) and/or its controller
 * (reconciler, its test, registration in main.ts) from `templates/api/**`, plus the PROJECT entry.
 */
import { resolve } from "node:path";
import { ScaffoldError } from "./errors.js";
import { type FilePlan, type OnExisting, PlanDraft } from "./plan.js";
import {
  formatProjectFile,
  PROJECT_FILE_NAME,
  type ProjectConfig,
  type ProjectResource,
  readProjectFile,
} from "./project_file.js";
import { type ResourceModel, resourceModel } from "./resource.js";
import { loadTemplateSet, renderSet, type TemplateFile } from "./templates.js";
import { toolkitInfo } from "./toolkit.js";

/** Options of `planCreateApi`. */
export interface CreateApiOptions {
  /** The project root, holding PROJECT. */
  readonly dir: string;
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly plural?: string | undefined;
  /** Namespaced (the default) or cluster-scoped. */
  readonly namespaced?: boolean | undefined;
  /** Scaffold the types, CRD entry and sample (default true). */
  readonly resource?: boolean | undefined;
  /** Scaffold the controller and register it in main.ts (default true). */
  readonly controller?: boolean | undefined;
  /** Scaffold a kind that exists, overwriting its files. */
  readonly force?: boolean | undefined;
  readonly templatesDir?: string | undefined;
}

/** What `templates/api/**` can print: the resource's names and the project's. */
export interface ApiModel extends ResourceModel {
  readonly projectName: string;
}

/** Which part of `create api` a template belongs to: controllers/ is the controller's, the rest the resource's. */
interface TemplateRule {
  readonly part: "resource" | "controller";
}

/** Files shared by every kind of a version (or project): made once, then only inserted into. */
const SHARED_FILES = new Set(["{{apiDir}}/groupversion_info.ts.hbs", "{{apiDir}}/index.ts.hbs"]);

function ruleFor(template: TemplateFile): TemplateRule {
  const part = template.templatePath.startsWith("{{controllerDir}}/") ? "controller" : "resource";
  return { part };
}

/** Plans `uselessctl create api`. Reads PROJECT and the files it inserts into; writes nothing. */
export function planCreateApi(options: CreateApiOptions): FilePlan {
  const root = resolve(options.dir);
  const project = readProjectFile(root);
  const wantResource = options.resource ?? true;
  const wantController = options.controller ?? true;
  const model: ApiModel = {
    ...resourceModel({
      group: options.group,
      version: options.version,
      kind: options.kind,
      domain: project.domain,
      plural: options.plural,
      namespaced: options.namespaced ?? true,
      multigroup: project.multigroup,
    }),
    projectName: project.projectName,
  };
  if (!wantResource && !wantController) {
    throw new ScaffoldError("invalid-input", "--resource=false and --controller=false: nothing to scaffold", {
      subject: "--resource",
    });
  }
  const previous = project.resources.find((entry) => sameKind(entry, model));
  if (previous && !options.force && ((wantResource && previous.api) || (wantController && previous.controller))) {
    throw new ScaffoldError(
      "already-exists",
      `kind ${model.kind} already exists in ${model.apiVersion} (PROJECT); pass --force to scaffold it again over its files`,
      { subject: "--kind" },
    );
  }
  refusePluralClash(project, model);
  refuseSecondGroup(project, model);

  const draft = new PlanDraft(root);
  const onExisting: OnExisting = options.force ? "overwrite" : "refuse";
  const templates = loadTemplateSet(options.templatesDir ?? toolkitInfo().templatesDir, "api").filter((template) =>
    ruleFor(template).part === "resource" ? wantResource : wantController,
  );
  for (const file of renderSet(templates, model)) {
    draft.put(file.path, file.content, SHARED_FILES.has(file.templatePath) ? "keep" : onExisting);
  }
  if (wantResource) {
    draft.insert(`${model.apiDir}/index.ts`, [
      {
        marker: "exports",
        fragment: `export { ${model.kind}, type ${model.kind}List, type ${model.kind}Spec, type ${model.kind}Status } from "${model.typesImportFromVersion}";`,
      },
    ]);
    draft.insert("config/crd/kustomization.yaml", [{ marker: "crdkustomizeresource", fragment: `- ${model.crdFile}` }]);
    draft.insert("config/samples/kustomization.yaml", [
      { marker: "manifestskustomizesamples", fragment: `- ${model.sampleFile}` },
    ]);
  }
  if (wantController) {
    // No controllers/index.ts with a marker: `generate manifests` reads every controllers/*.ts
    // for +kubebuilder markers, so main.ts imports each controller module itself.
    draft.insert("main.ts", [
      { marker: "imports", fragment: `import { ${model.reconcilerName} } from "${model.controllerImportFromRoot}";` },
      {
        marker: "builder",
        fragment: `new ${model.reconcilerName}({ client: mgr.getClient() }).setupWithManager(mgr);`,
      },
    ]);
  }
  const parts = { resource: wantResource, controller: wantController };
  draft.put(PROJECT_FILE_NAME, formatProjectFile(withResource(project, model, parts)), "update");
  return draft.finish();
}

function sameKind(entry: ProjectResource, model: ResourceModel): boolean {
  return (
    entry.group === model.group &&
    entry.version === model.version &&
    entry.kind === model.kind &&
    entry.domain === model.domain
  );
}

function refusePluralClash(project: ProjectConfig, model: ResourceModel): void {
  const clash = project.resources.find(
    (entry) =>
      !sameKind(entry, model) &&
      entry.group === model.group &&
      entry.version === model.version &&
      entry.plural === model.plural,
  );
  if (clash) {
    throw new ScaffoldError(
      "already-exists",
      `plural "${model.plural}" is already used by kind ${clash.kind} in ${model.apiVersion}; pass another --plural`,
      { subject: "--plural" },
    );
  }
}

/** A single-group project takes one group, as kubebuilder's (its message, and how to switch here). */
function refuseSecondGroup(project: ProjectConfig, model: ResourceModel): void {
  if (project.multigroup || project.resources.length === 0) return;
  if (project.resources.some((entry) => entry.group === model.group)) return;
  const groups = [...new Set(project.resources.map((entry) => entry.group))].join(", ");
  throw new ScaffoldError(
    "invalid-input",
    `--group "${model.group}": multiple groups are not allowed by default, to enable multi-group visit https://kubebuilder.io/migration/multi-group.html ` +
      `(this project's group is ${groups}; \`uselessctl edit --multigroup=true\` switches it to api/<group>/<version>/ for new APIs)`,
    { subject: "--group" },
  );
}

function withResource(
  project: ProjectConfig,
  model: ResourceModel,
  parts: { readonly resource: boolean; readonly controller: boolean },
): ProjectConfig {
  const previous = project.resources.find((entry) => sameKind(entry, model));
  const entry: ProjectResource = {
    api: parts.resource ? { crdVersion: "v1", namespaced: model.namespaced } : previous?.api,
    controller: parts.controller || previous?.controller ? true : undefined,
    domain: model.domain,
    group: model.group,
    kind: model.kind,
    path: model.apiDir,
    plural: model.plural,
    version: model.version,
  };
  const resources = previous
    ? project.resources.map((existing) => (existing === previous ? entry : existing))
    : [...project.resources, entry];
  return { ...project, resources };
}
