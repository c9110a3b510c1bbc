/**
 * The resource model: validates the names a user types (`--group`, `--version`, `--kind`,
 * `--domain`, `--project-name`, `--plural`) with kubebuilder's rules, and computes every derived
 * name once (plural, group FQDN, lower-case kind, file names, import paths), so templates only
 * print fields and never compute a name.
 */
import { ScaffoldError } from "./errors.js";
import { pluralize } from "../crdgen/crd/pluralize.js";

/** The layout string written to PROJECT by this version of the scaffold. */
export const PROJECT_LAYOUT = "uselessctl.io/v1-alpha";

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const PASCAL_CASE = /^[A-Z][A-Za-z0-9]*$/;
const VERSION = /^v[1-9][0-9]*((alpha|beta)[1-9][0-9]*)?$/;

/** One problem with one input, before it becomes part of a ScaffoldError's message. */
interface Problem {
  readonly subject: string;
  readonly message: string;
}

/** Why `name` is not a DNS-1123 subdomain (lower-case labels joined by dots), or undefined. */
function subdomainProblem(name: string): string | undefined {
  if (name === "") return "must not be empty";
  if (name.length > 253) return `must be at most 253 characters (it has ${name.length})`;
  const bad = name.split(".").find((label) => !DNS1123_LABEL.test(label) || label.length > 63);
  if (bad !== undefined) {
    return "must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', each dot-separated part starting and ending with a letter or digit";
  }
  return undefined;
}

function throwIfAny(problems: readonly Problem[]): void {
  const first = problems[0];
  if (first === undefined) return;
  const message = problems.map((problem) => `${problem.subject} ${problem.message}`).join("\n");
  throw new ScaffoldError("invalid-input", message, { subject: first.subject });
}

/** The project-wide names `init` asks for. */
export interface ProjectInput {
  readonly domain: string;
  readonly projectName: string;
}

/** Checks a domain and project name; throws one ScaffoldError listing every problem. */
export function validateProjectInput(input: ProjectInput): void {
  const problems: Problem[] = [];
  const domainProblem = subdomainProblem(input.domain);
  if (domainProblem) problems.push({ subject: `--domain "${input.domain}"`, message: domainProblem });
  if (!DNS1123_LABEL.test(input.projectName) || input.projectName.length > 63) {
    problems.push({
      subject: `--project-name "${input.projectName}"`,
      message:
        "must be a DNS-1123 label (at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit); pass --project-name when the folder name is not one",
    });
  }
  throwIfAny(problems);
}

/** What `create api` is asked to scaffold, before validation. */
export interface ResourceInput {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** The project's domain, from PROJECT. */
  readonly domain: string;
  /** Overrides the plural kubebuilder's rules compute from the kind. */
  readonly plural?: string | undefined;
  readonly namespaced: boolean;
  /** The project's layout (PROJECT's `multigroup`): folders per group under api/ and controllers/. */
  readonly multigroup?: boolean | undefined;
}

/** A validated resource with every name the templates and the plan need. */
export interface ResourceModel {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly domain: string;
  readonly namespaced: boolean;
  /** `Cluster` or `Namespaced`, as a CRD's `spec.scope` spells it. */
  readonly scope: "Cluster" | "Namespaced";
  /** `useless.container.training`: the API group as the API server knows it. */
  readonly groupFqdn: string;
  /** `useless.container.training/v1alpha1`: the objects' apiVersion. */
  readonly apiVersion: string;
  readonly kindLower: string;
  readonly plural: string;
  /** `MachineReconciler`: the controller class. */
  readonly reconcilerName: string;
  /** `machine`: the controller's name in logs and metrics. */
  readonly controllerName: string;
  /** `machine-sample`: the sample object's name. */
  readonly sampleName: string;
  /** `useless_v1alpha1_machine.yaml`: the sample's file name in config/samples/. */
  readonly sampleFile: string;
  /** `bases/useless.container.training_machines.yaml`: the CRD as config/crd/kustomization.yaml lists it. */
  readonly crdFile: string;
  /** `api/v1alpha1`, or `api/useless/v1alpha1` in a multi-group project: the version's folder. */
  readonly apiDir: string;
  /** `controllers`, or `controllers/useless` in a multi-group project: the controller's folder. */
  readonly controllerDir: string;
  /** `../test/suite.js`: the project's test suite, from the controller's folder. */
  readonly suiteImportFromControllers: string;
  /** `./controllers/machine_controller.js`: the controller module, from the project root. */
  readonly controllerImportFromRoot: string;
  /** `../api/v1alpha1/index.js`: the version's types, from controllers/. */
  readonly apiImportFromControllers: string;
  /** `./machine_types.js`: the types module, from its version folder. */
  readonly typesImportFromVersion: string;
}

/** Validates a resource's names as kubebuilder does; throws one ScaffoldError listing every problem. */
export function validateResourceInput(input: ResourceInput): void {
  const problems: Problem[] = [];
  const groupProblem = subdomainProblem(input.group);
  if (groupProblem) problems.push({ subject: `--group "${input.group}"`, message: groupProblem });
  else {
    const fqdnProblem = subdomainProblem(`${input.group}.${input.domain}`);
    if (fqdnProblem) problems.push({ subject: `group "${input.group}.${input.domain}"`, message: fqdnProblem });
  }
  if (!VERSION.test(input.version)) {
    problems.push({
      subject: `--version "${input.version}"`,
      message:
        'must be "v" and a number, optionally followed by "alpha" or "beta" and a number (v1, v1alpha1, v2beta3)',
    });
  }
  if (!PASCAL_CASE.test(input.kind)) {
    problems.push({
      subject: `--kind "${input.kind}"`,
      message: 'must be PascalCase: an upper-case letter, then letters and digits (e.g. "Machine")',
    });
  } else if (!DNS1035_LABEL.test(input.kind.toLowerCase()) || input.kind.length > 63) {
    problems.push({
      subject: `--kind "${input.kind}"`,
      message: "must be a DNS-1035 label when lower-cased (at most 63 characters)",
    });
  }
  if (input.plural !== undefined && (!DNS1035_LABEL.test(input.plural) || input.plural.length > 63)) {
    problems.push({
      subject: `--plural "${input.plural}"`,
      message: "must be a DNS-1035 label: lower-case letters, digits and '-', starting with a letter",
    });
  }
  throwIfAny(problems);
}

/** Validates `input` and computes every derived name. */
export function resourceModel(input: ResourceInput): ResourceModel {
  validateResourceInput(input);
  const kindLower = input.kind.toLowerCase();
  const plural = input.plural ?? pluralize(kindLower);
  const groupFqdn = `${input.group}.${input.domain}`;
  const apiDir = input.multigroup ? `api/${input.group}/${input.version}` : `api/${input.version}`;
  const controllerDir = input.multigroup ? `controllers/${input.group}` : "controllers";
  const toRoot = input.multigroup ? "../.." : "..";
  return {
    group: input.group,
    version: input.version,
    kind: input.kind,
    domain: input.domain,
    namespaced: input.namespaced,
    scope: input.namespaced ? "Namespaced" : "Cluster",
    groupFqdn,
    apiVersion: `${groupFqdn}/${input.version}`,
    kindLower,
    plural,
    reconcilerName: `${input.kind}Reconciler`,
    controllerName: kindLower,
    sampleName: `${kindLower}-sample`,
    sampleFile: `${input.group}_${input.version}_${kindLower}.yaml`,
    crdFile: `bases/${groupFqdn}_${plural}.yaml`,
    apiDir,
    controllerDir,
    suiteImportFromControllers: `${toRoot}/test/suite.js`,
    controllerImportFromRoot: `./${controllerDir}/${kindLower}_controller.js`,
    apiImportFromControllers: `${toRoot}/${apiDir}/index.js`,
    typesImportFromVersion: `./${kindLower}_types.js`,
  };
}
