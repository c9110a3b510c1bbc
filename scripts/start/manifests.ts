/**
 * Puts this repository's samples into the local API server, through client-node, each created
 * only when absent, so that the machines are found where they were on every later start. (The
 * CRDs go in through the toolkit's one installer, `installCrds` of "uselessctl/testenv".)
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { KubeConfig, KubernetesObjectApi, type KubernetesObject } from "@kubernetes/client-node";
import { loadAll } from "js-yaml";

const FIELD_MANAGER = "uselessctl-start";

/** Every object of every `*.yaml` in `dir` except kustomization files, in file order. */
export function readManifests(dir: string): KubernetesObject[] {
  return readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file) && !file.startsWith("kustomization"))
    .sort()
    .flatMap((file) =>
      loadAll(readFileSync(join(dir, file), "utf8"))
        .filter((doc): doc is KubernetesObject => typeof doc === "object" && doc !== null)
        .map((doc) => ({ ...doc, metadata: { ...doc.metadata } })),
    );
}

function objectsApi(kubeconfigPath: string): KubernetesObjectApi {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeconfigPath);
  return KubernetesObjectApi.makeApiClient(kubeConfig);
}

function codeOf(error: unknown): number | undefined {
  return (error as { code?: number }).code;
}

/** Creates each sample that does not exist yet (in `default` unless it names a namespace). */
export async function createSamples(
  kubeconfigPath: string,
  dir: string,
): Promise<{ created: string[]; kept: string[] }> {
  const api = objectsApi(kubeconfigPath);
  const result = { created: [] as string[], kept: [] as string[] };
  for (const sample of readManifests(dir)) {
    const name = `${sample.kind?.toLowerCase()}/${sample.metadata?.name}`;
    try {
      await api.create(
        { ...sample, metadata: { namespace: "default", ...sample.metadata } },
        undefined,
        undefined,
        FIELD_MANAGER,
      );
      result.created.push(name);
    } catch (error) {
      if (codeOf(error) !== 409) throw new Error(`creating sample ${name}`, { cause: error });
      result.kept.push(name);
    }
  }
  return result;
}
