/**
 * The `/version` document: the release the reference control plane is built from
 * (`../kubernetes_version.ts`, checked against `hack/control-plane/go.mod`). As kube-apiserver's
 * effective version (component-base's NewEffectiveVersion), it emulates its own release and stays
 * compatible with the minor release before it.
 */
import { KUBERNETES_VERSION } from "../kubernetes_version.js";

export function versionInfo(): Record<string, string> {
  return {
    major: KUBERNETES_VERSION.major,
    minor: KUBERNETES_VERSION.minor,
    emulationMajor: KUBERNETES_VERSION.major,
    emulationMinor: KUBERNETES_VERSION.minor,
    minCompatibilityMajor: KUBERNETES_VERSION.major,
    minCompatibilityMinor: String(Number(KUBERNETES_VERSION.minor) - 1),
    gitVersion: KUBERNETES_VERSION.gitVersion,
    gitCommit: "0000000000000000000000000000000000000000",
    gitTreeState: "clean",
    buildDate: "1970-01-01T00:00:00Z",
    goVersion: "uselessctl-embedded",
    compiler: "gc",
    platform: `${process.platform}/${process.arch === "x64" ? "amd64" : process.arch}`,
  };
}
