/**
 * `create webhook`: plans a kind's webhook file (its defaulter and/or validator with their
 * `+kubebuilder:webhook` markers, and the setup function main.ts calls), its test, the
 * config/webhook and config/certmanager kustomize folders, the manager's webhook patch and
 * cert-manager replacements in config/default, a conversion webhook's CRD patch, and the PROJECT
 * entry's `webhooks:`, from `templates/webhook/**`, as kubebuilder v4's go and kustomize plugins.
 *
 * The webhook file lands in `webhooks/<version>/<kind>_webhook.ts` (`webhooks/<group>/<version>/`
 * in a multi-group project): kubebuilder v4's `internal/webhook/<version>/`, at the root as this
 * layout keeps `controllers/` (TypeScript has no `internal` packages), and outside `api/`
 * because every file there is read as API types.
 */
import { resolve } from "node:path";
import { ScaffoldError } from "./errors.js";
import { type FilePlan, type OnExisting, PlanDraft } from "./plan.js";
import { withStorageVersionMarker } from "./plan_webhook_storage.js";
import { crdKustomizationInsertions, defaultKustomizationInsertions } from "./plan_webhook_kustomize.js";
import {
  formatProjectFile,
  PROJECT_FILE_NAME,
  type ProjectConfig,
  type ProjectResource,
  type ProjectResourceWebhooks,
  readProjectFile,
} from "./project_file.js";
import { type ResourceModel, resourceModel, validateResourceInput } from "./resource.js";
import { loadTemplateSet, renderSet, type TemplateFile } from "./templates.js";
import { toolkitInfo } from "./toolkit.js";

/** Options of `planCreateWebhook`. */
export interface CreateWebhookOptions {
  /** The project root, holding PROJECT. */
  readonly dir: string;
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** `--defaulting`: a mutating webhook with a CustomDefaulter. */
  readonly defaulting?: boolean | undefined;
  /** `--programmatic-validation`: a validating webhook with a CustomValidator. */
  readonly validation?: boolean | undefined;
  /** `--conversion`: the CRD's conversion webhook (kustomize patches and PROJECT). */
  readonly conversion?: boolean | undefined;
  /** Scaffold the webhook file and its test again over an existing one. */
  readonly force?: boolean | undefined;
  readonly templatesDir?: string | undefined;
}

/** What `templates/webhook/**` can print. */
export interface WebhookModel extends ResourceModel {
  readonly projectName: string;
  readonly defaulting: boolean;
  readonly validation: boolean;
  readonly conversion: boolean;
  /** `webhooks/v1alpha1`, or `webhooks/useless/v1alpha1` in a multi-group project. */
  readonly webhookDir: string;
  /** `/mutate-useless-container-training-v1alpha1-machine`: controller-runtime's generateMutatePath. */
  readonly mutatePath: string;
  /** `/validate-useless-container-training-v1alpha1-machine`: controller-runtime's generateValidatePath. */
  readonly validatePath: string;
  readonly defaulterName: string;
  readonly validatorName: string;
  /** `setupMachineWebhookWithManager`, which main.ts calls. */
  readonly setupFunctionName: string;
  /** `../../api/v1alpha1/index.js`: the version's types, from the webhook's folder. */
  readonly apiImportFromWebhooks: string;
  /** `../../test/suite.js`: the project's test suite, from the webhook's folder. */
  readonly suiteImportFromWebhooks: string;
  /** `../../config/webhook`: the webhook configurations, from the webhook's folder. */
  readonly webhookConfigFromWebhooks: string;
  /** `machineV1alpha1Webhook`: the name main.ts imports the webhook module as. */
  readonly webhookModuleAlias: string;
  /** `./webhooks/v1alpha1/machine_webhook.js`: the webhook module, from the project root. */
  readonly webhookImportFromRoot: string;
  /** `webhook_in_machines.yaml` (`webhook_in_<group>_<plural>.yaml` multi-group), in config/crd/patches/. */
  readonly conversionPatchFile: string;
}

/** Made once by the first webhook of the project (or of the CRD), then kept as the user edits it. */
function isSharedConfig(templatePath: string): boolean {
  return templatePath.startsWith("config/");
}

/** Which templates one run renders: the webhook code only when a defaulter or validator is asked for, the CRD patch only with --conversion. */
function isWanted(template: TemplateFile, asked: WebhookKinds): boolean {
  if (template.templatePath.startsWith("{{webhookDir}}/")) return asked.defaulting || asked.validation;
  if (template.templatePath.startsWith("config/crd/")) return asked.conversion;
  return true;
}

/** Which webhooks a run asks for, or a resource has. */
interface WebhookKinds {
  readonly defaulting: boolean;
  readonly validation: boolean;
  readonly conversion: boolean;
}

/** Plans `uselessctl create webhook`. Reads PROJECT and the files it inserts into; writes nothing. */
export function planCreateWebhook(options: CreateWebhookOptions): FilePlan {
  const root = resolve(options.dir);
  const project = readProjectFile(root);
  validateResourceInput({ ...options, domain: project.domain, namespaced: true });
  const asked: WebhookKinds = {
    defaulting: options.defaulting ?? false,
    validation: options.validation ?? false,
    conversion: options.conversion ?? false,
  };
  if (!asked.defaulting && !asked.validation && !asked.conversion) {
    throw new ScaffoldError(
      "invalid-input",
      "create webhook requires at least one of --defaulting, --programmatic-validation and --conversion",
      { subject: "--defaulting" },
    );
  }
  const resource = project.resources.find(
    (entry) =>
      entry.group === options.group &&
      entry.version === options.version &&
      entry.kind === options.kind &&
      entry.domain === project.domain,
  );
  if (!resource?.api) {
    throw new ScaffoldError(
      "invalid-input",
      `no API found for ${options.group}.${project.domain}/${options.version}, Kind ${options.kind} in ${PROJECT_FILE_NAME}: run \`uselessctl create api\` first`,
      { subject: "--kind" },
    );
  }
  refuseExisting(resource.webhooks, asked, options.force ?? false);
  // kubebuilder merges the webhooks a resource has with the new ones: the file is scaffolded for all of them
  const wanted: WebhookKinds = {
    defaulting: asked.defaulting || (resource.webhooks?.defaulting ?? false),
    validation: asked.validation || (resource.webhooks?.validation ?? false),
    conversion: asked.conversion || (resource.webhooks?.conversion ?? false),
  };
  const model = webhookModel(project, resource, wanted);

  const draft = new PlanDraft(root);
  const onExisting: OnExisting = options.force ? "overwrite" : "refuse";
  const templates = loadTemplateSet(options.templatesDir ?? toolkitInfo().templatesDir, "webhook").filter((template) =>
    isWanted(template, asked),
  );
  for (const file of renderSet(templates, model)) {
    draft.put(file.path, file.content, isSharedConfig(file.templatePath) ? "keep" : onExisting);
  }
  const parts = {
    ...asked,
    crdName: `${model.plural}.${model.groupFqdn}`,
    conversionPatchFile: model.conversionPatchFile,
  };
  draft.insert("config/default/kustomization.yaml", defaultKustomizationInsertions(parts));
  const crdInsertions = crdKustomizationInsertions(parts);
  if (crdInsertions.length > 0) draft.insert("config/crd/kustomization.yaml", crdInsertions);
  if (asked.conversion) {
    const typesFile = `${model.apiDir}/${model.kindLower}_types.ts`;
    const types = draft.current(typesFile);
    if (types === undefined) {
      throw new ScaffoldError(
        "invalid-input",
        `${typesFile}: no types file for ${model.kind}, to mark its storage version`,
        {
          subject: typesFile,
        },
      );
    }
    const marked = withStorageVersionMarker(types, model.kind, typesFile);
    if (marked !== types) draft.put(typesFile, marked, "update");
  }
  if (asked.defaulting || asked.validation) {
    // as kubebuilder's package alias (webhookv1): one kind may have webhooks in several versions
    draft.insert("main.ts", [
      { marker: "imports", fragment: `import * as ${model.webhookModuleAlias} from "${model.webhookImportFromRoot}";` },
      {
        marker: "builder",
        fragment: `if (process.env["ENABLE_WEBHOOKS"] !== "false") ${model.webhookModuleAlias}.${model.setupFunctionName}(mgr);`,
      },
    ]);
  }
  draft.put(PROJECT_FILE_NAME, formatProjectFile(withWebhooks(project, resource, wanted)), "update");
  return draft.finish();
}

/** kubebuilder's refusals: a webhook type the resource has, unless --force. */
function refuseExisting(existing: ProjectResourceWebhooks | undefined, asked: WebhookKinds, force: boolean): void {
  if (force || !existing) return;
  const again = [
    asked.defaulting && existing.defaulting ? "defaulting" : undefined,
    asked.validation && existing.validation ? "validation" : undefined,
    asked.conversion && existing.conversion ? "conversion" : undefined,
  ].find((name) => name !== undefined);
  if (again) {
    throw new ScaffoldError(
      "already-exists",
      `${again} webhook already exists for this resource (PROJECT); pass --force to scaffold its webhook file again`,
      { subject: again === "validation" ? "--programmatic-validation" : `--${again}` },
    );
  }
  if ((existing.defaulting || existing.validation) && (asked.defaulting || asked.validation)) {
    // kubebuilder edits the Go file in place; a TypeScript class cannot be merged safely, so the
    // file is scaffolded again, for every webhook, only when asked to
    throw new ScaffoldError(
      "already-exists",
      "the resource already has a webhook file; pass --force to scaffold it again with every webhook it has (your edits are overwritten)",
      { subject: "--force" },
    );
  }
}

function webhookModel(project: ProjectConfig, resource: ProjectResource, wanted: WebhookKinds): WebhookModel {
  const base = resourceModel({
    group: resource.group,
    version: resource.version,
    kind: resource.kind,
    domain: resource.domain,
    plural: resource.plural,
    namespaced: resource.api?.namespaced ?? true,
    multigroup: project.multigroup,
  });
  const webhookDir = project.multigroup ? `webhooks/${base.group}/${base.version}` : `webhooks/${base.version}`;
  const toRoot = project.multigroup ? "../../.." : "../..";
  const pathSuffix = `${base.groupFqdn.replaceAll(".", "-")}-${base.version}-${base.kindLower}`;
  return {
    ...base,
    projectName: project.projectName,
    ...wanted,
    webhookDir,
    mutatePath: `/mutate-${pathSuffix}`,
    validatePath: `/validate-${pathSuffix}`,
    defaulterName: `${base.kind}CustomDefaulter`,
    validatorName: `${base.kind}CustomValidator`,
    setupFunctionName: `setup${base.kind}WebhookWithManager`,
    apiImportFromWebhooks: `${toRoot}/${base.apiDir}/index.js`,
    suiteImportFromWebhooks: `${toRoot}/test/suite.js`,
    webhookConfigFromWebhooks: `${toRoot}/config/webhook`,
    webhookModuleAlias: `${base.kindLower}${base.version.charAt(0).toUpperCase()}${base.version.slice(1)}Webhook`,
    webhookImportFromRoot: `./${webhookDir}/${base.kindLower}_webhook.js`,
    conversionPatchFile: project.multigroup
      ? `webhook_in_${base.group}_${base.plural}.yaml`
      : `webhook_in_${base.plural}.yaml`,
  };
}

function withWebhooks(project: ProjectConfig, resource: ProjectResource, wanted: WebhookKinds): ProjectConfig {
  const entry: ProjectResource = { ...resource, webhooks: { ...wanted, webhookVersion: "v1" } };
  return { ...project, resources: project.resources.map((existing) => (existing === resource ? entry : existing)) };
}
