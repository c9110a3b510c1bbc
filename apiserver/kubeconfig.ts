/**
 * The one kubeconfig writer: the file apimachinery's `renderKubeconfig` renders, written with mode
 * 0600 (the token is an admin credential) into a folder created if missing.
 */
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
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
  writeFileSync(path, text, { mode: 0o600 });
  // `mode` applies only when the file is created: an existing kubeconfig keeps its own otherwise.
  chmodSync(path, 0o600);
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(text);
  return kubeConfig;
}
