/**
 * `uselessctl generate manifests`: CRDs from `api/<version>/*.ts` and the manager ClusterRole
 * from `+kubebuilder:rbac` markers in `controllers/*.ts`.
 */
import { Command } from "commander";

export function generateCommand(): Command {
  const generate = new Command("generate").description("Generate files from the project's sources.");
  generate
    .command("manifests")
    .description("Write config/crd/bases/*.yaml and config/rbac/role.yaml from api/ and controllers/.")
    .option("--dir <path>", "project root", process.cwd())
    .action(() => {
      throw new Error("generate manifests: not implemented yet (issue #2)");
    });
  return generate;
}
