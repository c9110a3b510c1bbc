/**
 * `generate manifests` as a library call (what `make manifests` runs): finds the project's API,
 * controller and webhook files (project_files.ts), reads its tsconfig.json (compiler_options.ts), runs
 * crdgen's pure pipeline over them, and plans the CRD, role and webhook files the way every scaffold
 * command plans its writes, so that `commitPlan` writes them all or none. A file whose content
 * is already what would be written is left out of the plan, so that make and editors see no
 * change; when any diagnostic is an error the plan is empty.
 *
 * crdgen and the TypeScript compiler are loaded inside the call, so that importing the scaffold
 * library (`init`, `create api`) never loads them.
 *
 * Not here: printing the diagnostics and the exit code (cli/commands/generate.ts), and files
 * the generator no longer writes (a CRD whose kind was removed is left for the user to delete,
 * as controller-gen leaves it).
 */
import type * as crdgen from "../crdgen/index.js";
import { projectCompilerOptions } from "./compiler_options.js";
import { PlanDraft, type FilePlan } from "./plan.js";
import { discoverProjectFiles } from "./project_files.js";

/** The part of crdgen `planManifests` calls; tests pass a stand-in. */
export type ManifestGenerator = Pick<typeof crdgen, "generateManifests">;

/** What to generate from. */
export interface ManifestsOptions {
  /** The project root (`--dir`). */
  readonly dir: string;
  /** Only these files or folders under `dir` (`--paths`); see `discoverProjectFiles`. */
  readonly paths?: readonly string[] | undefined;
  /** controller-gen's maxDescLen: 0 drops descriptions, n cuts them at n characters + "...". */
  readonly maxDescriptionLength?: number | undefined;
  /** The `controller-gen.kubebuilder.io/version` annotation of every CRD; crdgen's default when left out. */
  readonly controllerGenVersion?: string | undefined;
  /** controller-gen's generateEmbeddedObjectMeta: embedded objects' metadata gets its schema. */
  readonly generateEmbeddedObjectMeta?: boolean | undefined;
  /** The generator; crdgen's when left out. */
  readonly generator?: ManifestGenerator | undefined;
}

/** The planned writes of one generation, and what the generator made and found. */
export interface ManifestsPlan {
  /** The files whose content changes; empty when any diagnostic is an error. */
  readonly plan: FilePlan;
  /** Generated files already up to date on disk (paths relative to the root). */
  readonly unchanged: readonly string[];
  /** Every problem found, files relative to the project root. */
  readonly diagnostics: readonly crdgen.Diagnostic[];
  readonly crds: readonly crdgen.CustomResourceDefinition[];
  /** The ClusterRole first, then namespaced Roles; empty without RBAC markers. */
  readonly roles: readonly crdgen.RbacRole[];
  /** The Mutating and ValidatingWebhookConfiguration; empty without webhook markers. */
  readonly webhookConfigurations: readonly crdgen.WebhookConfiguration[];
}

/**
 * Plans `config/crd/bases/*.yaml`, `config/rbac/role.yaml` and `config/webhook/manifests.yaml`
 * from `api/<version>/*.ts`, `controllers/**.ts` and `webhooks/**.ts` under `options.dir`. Throws an `invalid-input` ScaffoldError for a missing
 * project folder, a `--paths` entry that names nothing, a project without API types, or a
 * tsconfig.json that cannot be read; problems in the sources are diagnostics, not throws.
 */
export async function planManifests(options: ManifestsOptions): Promise<ManifestsPlan> {
  const project = discoverProjectFiles({ dir: options.dir, paths: options.paths });
  // crdgen's loader: require, not import (see there), and what to install when it is missing.
  const { default: typescript } = await import("../crdgen/typescript.js");
  const compilerOptions = projectCompilerOptions(typescript, project.rootDir);
  const generator = options.generator ?? (await import("../crdgen/index.js"));
  const result = generator.generateManifests(
    { ...project, ...(compilerOptions ? { compilerOptions } : {}) },
    {
      ...(options.maxDescriptionLength === undefined ? {} : { maxDescriptionLength: options.maxDescriptionLength }),
      ...(options.controllerGenVersion === undefined ? {} : { controllerGenVersion: options.controllerGenVersion }),
      ...(options.generateEmbeddedObjectMeta ? { generateEmbeddedObjectMeta: true } : {}),
    },
  );
  const draft = new PlanDraft(project.rootDir);
  const unchanged: string[] = [];
  if (!result.diagnostics.some((diagnostic) => diagnostic.severity === "error")) {
    for (const file of result.files) {
      if (draft.current(file.path) === file.content) unchanged.push(file.path);
      else draft.put(file.path, file.content, "overwrite");
    }
  }
  return {
    plan: draft.finish(),
    unchanged,
    diagnostics: result.diagnostics,
    crds: result.crds,
    roles: result.roles,
    webhookConfigurations: result.webhookConfigurations,
  };
}
