/**
 * The `/version` document. The Kubernetes version is the one place the release is named; it moves
 * to `apiserver/kubernetes_version.ts` (#8) when that lands.
 */

/** The Kubernetes release whose API this server speaks. TODO(#8): import from ../kubernetes_version.js. */
export const kubernetesVersion = "v1.32.4";

export function versionInfo(version: string = kubernetesVersion): Record<string, string> {
  const match = /^v(\d+)\.(\d+)/.exec(version);
  return {
    major: match?.[1] ?? "1",
    minor: match?.[2] ?? "0",
    gitVersion: version,
    gitCommit: "0000000000000000000000000000000000000000",
    gitTreeState: "clean",
    buildDate: "1970-01-01T00:00:00Z",
    goVersion: "uselessctl-embedded",
    compiler: "gc",
    platform: `${process.platform}/${process.arch === "x64" ? "amd64" : process.arch}`,
  };
}
