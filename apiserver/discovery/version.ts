/**
 * The `/version` document: the release the reference control plane is built from
 * (`../kubernetes_version.ts`, checked against `hack/control-plane/go.mod`).
 */
import { KUBERNETES_VERSION } from "../kubernetes_version.js";

export function versionInfo(): Record<string, string> {
  return {
    major: KUBERNETES_VERSION.major,
    minor: KUBERNETES_VERSION.minor,
    gitVersion: KUBERNETES_VERSION.gitVersion,
    gitCommit: "0000000000000000000000000000000000000000",
    gitTreeState: "clean",
    buildDate: "1970-01-01T00:00:00Z",
    goVersion: "uselessctl-embedded",
    compiler: "gc",
    platform: `${process.platform}/${process.arch === "x64" ? "amd64" : process.arch}`,
  };
}
