/**
 * The kubeconfig for one API server: one cluster, one user with a bearer token, one context, as
 * YAML that kubectl, client-go and client-node read. Rendering only: writing it (mode 0600, since
 * the token is an admin credential) is the caller's job.
 */
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
  /** The context's default namespace. */
  readonly namespace: string;
}

/** Defaults of {@link renderKubeconfig}. */
export const DEFAULT_KUBECONFIG_NAMES: KubeconfigNames = {
  cluster: "uselessctl",
  user: "uselessctl-admin",
  context: "uselessctl",
  namespace: "default",
};

/** The kubeconfig YAML for `endpoint`. */
export function renderKubeconfig(endpoint: ApiServerEndpoint, names: Partial<KubeconfigNames> = {}): string {
  const { cluster, user, context, namespace } = { ...DEFAULT_KUBECONFIG_NAMES, ...names };
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
    contexts: [{ name: context, context: { cluster, user, namespace } }],
    "current-context": context,
    preferences: {},
  });
}
