/**
 * `edit`: changes a project's layout settings in PROJECT (kubebuilder's `edit --multigroup`).
 * Files already scaffolded stay where they are; new APIs follow the new layout.
 */
import { resolve } from "node:path";
import { type FilePlan, PlanDraft } from "./plan.js";
import { formatProjectFile, PROJECT_FILE_NAME, type ProjectResource, readProjectFile } from "./project_file.js";
import { resourceModel } from "./resource.js";

/** Options of `planEdit`. */
export interface EditOptions {
  /** The project root, holding PROJECT. */
  readonly dir: string;
  /** APIs in `api/<group>/<version>/` and controllers in `controllers/<group>/` from now on. */
  readonly multigroup: boolean;
}

/** The plan, and the APIs whose folders do not follow the new layout (the user moves them). */
export interface EditPlan {
  readonly plan: FilePlan;
  readonly misplaced: readonly ProjectResource[];
}

/** Plans `uselessctl edit`. Reads PROJECT; writes nothing. */
export function planEdit(options: EditOptions): EditPlan {
  const root = resolve(options.dir);
  const project = readProjectFile(root);
  const draft = new PlanDraft(root);
  const edited = { ...project, multigroup: options.multigroup };
  draft.put(PROJECT_FILE_NAME, formatProjectFile(edited), "update");
  const misplaced = project.resources.filter((entry) => {
    if (entry.path === undefined) return false;
    const { apiDir } = resourceModel({ ...entry, namespaced: true, multigroup: options.multigroup });
    return entry.path !== apiDir;
  });
  return { plan: draft.finish(), misplaced };
}
