/**
 * Puts this repository's CRDs and samples into the local API server, through client-node: the
 * CRDs by server-side apply (so a changed CRD is updated on the next start) and waited for until
 * Established; the samples created only when absent, so that the machines are found where they
 * were on every later start.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { KubeConfig, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from "@kubernetes/client-node";
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

/** Waits until the API server answers, retrying while it is still coming up. */
export async function waitForApiServer(kubeconfigPath: string, timeoutMs = 30_000): Promise<void> {
  const api = objectsApi(kubeconfigPath);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await api.list("v1", "Namespace");
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`the API server did not answer within ${timeoutMs / 1000} s`, { cause: error });
      await sleep(200);
    }
  }
}

/** Applies the CRDs of `dir` and resolves when every one is Established. */
export async function installCrds(kubeconfigPath: string, dir: string, timeoutMs = 30_000): Promise<string[]> {
  const api = objectsApi(kubeconfigPath);
  const crds = readManifests(dir);
  for (const crd of crds) {
    await api.patch(crd, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply);
  }
  const deadline = Date.now() + timeoutMs;
  for (const crd of crds) {
    for (;;) {
      const current = (await api.read(
        crd as Required<Pick<KubernetesObject, "apiVersion" | "kind">> &
          KubernetesObject & { metadata: { name: string } },
      )) as {
        status?: { conditions?: { type: string; status: string }[] };
      };
      if (current.status?.conditions?.some((c) => c.type === "Established" && c.status === "True")) break;
      if (Date.now() > deadline)
        throw new Error(`CRD ${crd.metadata?.name} was not Established within ${timeoutMs / 1000} s`);
      await sleep(100);
    }
  }
  return crds.map((crd) => crd.metadata?.name ?? "");
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
