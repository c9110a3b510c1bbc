/**
 * Kubeconfig files for a test environment: one cluster, one user with a bearer token, one
 * context, written with mode 0600 because the token is an admin credential.
 */
import { writeFileSync } from "node:fs";
import { KubeConfig } from "@kubernetes/client-node";
import yaml from "js-yaml";

/** How to reach and authenticate to an API server. */
export interface ApiServerEndpoint {
  readonly url: string;
  readonly caCertificatePem: string;
  readonly token: string;
}

/** The names used inside a generated kubeconfig. */
export interface KubeconfigNames {
  readonly cluster: string;
  readonly user: string;
  readonly context: string;
}

/** Defaults of {@link renderKubeconfig}. */
export const DEFAULT_KUBECONFIG_NAMES: KubeconfigNames = {
  cluster: "uselessctl",
  user: "uselessctl-admin",
  context: "uselessctl",
};

/** The kubeconfig YAML for `endpoint`. */
export function renderKubeconfig(endpoint: ApiServerEndpoint, names: Partial<KubeconfigNames> = {}): string {
  const { cluster, user, context } = { ...DEFAULT_KUBECONFIG_NAMES, ...names };
  return yaml.dump({
    apiVersion: "v1",
    kind: "Config",
    clusters: [
      {
        name: cluster,
        cluster: {
          server: endpoint.url,
          "certificate-authority-data": Buffer.from(endpoint.caCertificatePem).toString("base64"),
        },
      },
    ],
    users: [{ name: user, user: { token: endpoint.token } }],
    contexts: [{ name: context, context: { cluster, user, namespace: "default" } }],
    "current-context": context,
    preferences: {},
  });
}

/** Writes the kubeconfig for `endpoint` to `path` (mode 0600) and returns it loaded. */
export function writeKubeconfig(
  path: string,
  endpoint: ApiServerEndpoint,
  names: Partial<KubeconfigNames> = {},
): KubeConfig {
  const text = renderKubeconfig(endpoint, names);
  writeFileSync(path, text, { mode: 0o600 });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(text);
  return kubeConfig;
}
