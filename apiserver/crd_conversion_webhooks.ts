/**
 * Points CRDs' conversion webhooks at the test's own webhook server, as envtest's
 * ModifyConversionWebhooks does before installing them: `https://<host:port>/convert` with the
 * local CA, review versions v1 and v1beta1. Which CRDs: those whose kinds are named convertible
 * (envtest asks its scheme for Hub/Convertible types; any other CRD loses its conversion, so that a
 * manifest's webhook does not point nowhere), or, when no kinds are named, those whose manifests
 * ask for Webhook conversion (kubebuilder's webhook_in_<plural>.yaml patch). A CRD that preserves
 * unknown fields is left alone, as the API server refuses a webhook for it.
 */
import type { V1CustomResourceDefinition } from "@kubernetes/client-node";

/** Where the test's webhook server listens (startTestEnv's `env.webhookInstallOptions`). */
export interface ConversionWebhookServing {
  readonly localServingHost: string;
  readonly localServingPort: number;
  /** PEM of the CA that signed the server's certificate. */
  readonly localServingCAData: string | Uint8Array;
}

/** A kind whose CRD gets the local conversion webhook (a hub/spoke kind of the test's scheme). */
export interface ConvertibleKind {
  readonly group: string;
  readonly kind: string;
}

/**
 * The URL of `path` on the test's webhook server: `https://host:port/path`, an IPv6 host in
 * brackets (Go's net.JoinHostPort). Admission and conversion webhooks are both rewritten to it.
 */
export function localServingUrl(
  serving: Pick<ConversionWebhookServing, "localServingHost" | "localServingPort">,
  path: string,
): string {
  const host = serving.localServingHost;
  const hostPort = host.includes(":") ? `[${host}]:${serving.localServingPort}` : `${host}:${serving.localServingPort}`;
  return `https://${hostPort}${path.startsWith("/") ? "" : "/"}${path}`;
}

/** The CRDs with their conversion rewritten (copies; the input is not changed). */
export function withLocalConversionWebhooks(
  crds: readonly V1CustomResourceDefinition[],
  serving: ConversionWebhookServing | undefined,
  convertibleKinds?: readonly ConvertibleKind[],
): V1CustomResourceDefinition[] {
  if (!serving || !serving.localServingCAData.length) return [...crds];
  const url = localServingUrl(serving, "/convert");
  const caBundle = Buffer.from(serving.localServingCAData).toString("base64");
  return crds.map((crd) => {
    const spec = crd.spec;
    if (!spec || spec.preserveUnknownFields) return crd;
    const named = convertibleKinds?.some((kind) => kind.group === spec.group && kind.kind === spec.names?.kind);
    if (convertibleKinds && !named) {
      const { conversion: _dropped, ...rest } = spec;
      return { ...crd, spec: rest };
    }
    if (!convertibleKinds && spec.conversion?.strategy !== "Webhook") return crd;
    return {
      ...crd,
      spec: {
        ...spec,
        conversion: {
          strategy: "Webhook",
          webhook: { conversionReviewVersions: ["v1", "v1beta1"], clientConfig: { url, caBundle } },
        },
      },
    };
  });
}
