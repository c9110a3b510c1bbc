/**
 * The one kubeconfig writer: the file apimachinery's `renderKubeconfig` renders, written with mode
 * 0600 (the token is an admin credential) into a folder created if missing, and replaced in one
 * rename, so that a reader waiting for it (npm start, kubectl) never reads half of one.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { renderKubeconfig, type ApiServerEndpoint, type KubeconfigNames } from "../apimachinery/index.js";

/** Writes the kubeconfig for `endpoint` to `path` (mode 0600) and returns it loaded. */
export function writeKubeconfig(
  path: string,
  endpoint: ApiServerEndpoint,
  names: Partial<KubeconfigNames> = {},
): KubeConfig {
  const text = renderKubeconfig(endpoint, names);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(text);
  return kubeConfig;
}
