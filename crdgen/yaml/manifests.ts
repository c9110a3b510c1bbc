/**
 * The YAML stage: the assembled CRDs, roles and webhook configurations become the files controller-gen would write,
 * `config/crd/bases/<group>_<plural>.yaml`, `config/rbac/role.yaml` and
 * `config/webhook/manifests.yaml`, sorted by path, with a
 * warning for a CRD too large for client-side apply.
 */
import type { AssembledCrd } from "../crd/assemble.js";
import { DiagnosticCode, warningAt, type Checked, type Diagnostic } from "../diagnostics.js";
import type { RbacRole } from "../rbac/types.js";
import type { WebhookConfiguration } from "../webhook/types.js";
import { toYamlDocument } from "./emit.js";

/** One generated file, its path relative to the project root (posix). */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** Above this size a CRD cannot be applied client-side (the last-applied annotation limit). */
export const maxClientSideApplyBytes = 262_144;

/**
 * Writes every CRD to its own file, every role to role.yaml and every webhook configuration to
 * config/webhook/manifests.yaml (no file for an empty list).
 */
export function renderManifests(
  crds: readonly AssembledCrd[],
  roles: readonly RbacRole[],
  webhookConfigurations: readonly WebhookConfiguration[],
): Checked<GeneratedFile[]> {
  const diagnostics: Diagnostic[] = [];
  const files: GeneratedFile[] = crds.map(({ crd, position }) => {
    const content = toYamlDocument(crd);
    const bytes = Buffer.byteLength(content);
    if (bytes > maxClientSideApplyBytes) {
      diagnostics.push(
        warningAt(
          position,
          DiagnosticCode.crdTooLarge,
          `the CRD for ${crd.spec.names.kind} is ${bytes} bytes, over the ${maxClientSideApplyBytes} bytes kubectl client-side apply can store`,
          {
            hint: "set maxDescriptionLength (--max-description-length) and install with kubectl apply --server-side",
          },
        ),
      );
    }
    return { path: `config/crd/bases/${crd.spec.group}_${crd.spec.names.plural}.yaml`, content };
  });
  const documents = (path: string, objects: readonly object[]) => {
    if (objects.length > 0) files.push({ path, content: objects.map((object) => toYamlDocument(object)).join("") });
  };
  documents("config/rbac/role.yaml", roles);
  documents("config/webhook/manifests.yaml", webhookConfigurations);
  return { value: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), diagnostics };
}
