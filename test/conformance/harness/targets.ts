/**
 * The servers under comparison: the reference (real kube-apiserver + etcd +
 * kube-controller-manager from `hack/control-plane/`) and the candidate (uselessctl's embedded
 * server), both started through `startTestEnv()` with the conformance CRDs installed.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { KubeConfig } from "@kubernetes/client-node";
import {
  findBinaryAssets,
  MissingBinaryError,
  startTestEnv,
  type ApiServerEndpoint,
  type TestEnv,
} from "uselessctl/testenv";

/** Which role a server plays in the comparison. */
export type TargetName = "kube-apiserver" | "embedded";

/** One running server and how to talk to it. */
export interface Target {
  readonly name: TargetName;
  readonly env: TestEnv;
  readonly endpoint: ApiServerEndpoint;
  readonly kubeConfig: KubeConfig;
  /** The kubectl to drive it with: the reference build's (same release) or the one on PATH. */
  readonly kubectlPath: string | undefined;
}

/** The CRDs every conformance case may use. */
export const CONFORMANCE_CRD_DIRECTORY = fileURLToPath(new URL("../testdata/crds", import.meta.url));

/** Why the reference cannot run here, or `undefined` when its binaries exist. */
export function referenceUnavailableReason(): string | undefined {
  try {
    findBinaryAssets();
    return undefined;
  } catch (error) {
    if (error instanceof MissingBinaryError) return "real control plane not built: run npm run control-plane:build";
    throw error;
  }
}

/** How to reach a started environment's API server with raw HTTP. */
export function endpointOf(env: TestEnv): ApiServerEndpoint {
  const cluster = env.kubeConfig.getCurrentCluster();
  const user = env.kubeConfig.getCurrentUser();
  if (!cluster?.caData || !user?.token) throw new Error(`kubeconfig ${env.kubeconfigPath} lacks CA data or a token`);
  return {
    url: cluster.server,
    caCertificatePem: Buffer.from(cluster.caData, "base64").toString("utf8"),
    token: user.token,
  };
}

function kubectlOnPath(): string | undefined {
  try {
    return execFileSync("sh", ["-c", "command -v kubectl"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The targets that could be started, and a note for each that could not. */
export interface StartedTargets {
  readonly reference: Target | undefined;
  readonly candidate: Target | undefined;
  readonly notes: readonly string[];
  stop(): Promise<void>;
}

async function startTarget(name: TargetName, kubectlPath: string | undefined): Promise<Target> {
  const env = await startTestEnv({
    controlPlane: name === "kube-apiserver" ? "binaries" : "embedded",
    crdDirectoryPaths: [CONFORMANCE_CRD_DIRECTORY],
    useExistingCluster: false,
  });
  return { name, env, endpoint: endpointOf(env), kubeConfig: env.kubeConfig, kubectlPath };
}

/** Starts whichever of the two servers can run here. */
export async function startTargets(): Promise<StartedTargets> {
  const notes: string[] = [];
  let reference: Target | undefined;
  let candidate: Target | undefined;
  let kubectlPath = kubectlOnPath();
  const unavailable = referenceUnavailableReason();
  if (unavailable) notes.push(`kube-apiserver: skipped (${unavailable})`);
  else {
    kubectlPath = findBinaryAssets().paths.kubectl ?? kubectlPath;
    reference = await startTarget("kube-apiserver", kubectlPath);
  }
  try {
    candidate = await startTarget("embedded", kubectlPath);
  } catch (error) {
    await reference?.env.stop();
    throw error;
  }
  return {
    reference,
    candidate,
    notes,
    async stop() {
      await Promise.all([reference?.env.stop(), candidate?.env.stop()]);
    },
  };
}
