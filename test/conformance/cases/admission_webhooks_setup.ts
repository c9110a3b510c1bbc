/**
 * What the admission webhook cases share: a webhook backend per case and server, webhook
 * configurations installed so that they touch only the case (its namespace, no probe objects),
 * and readiness: kube-apiserver sees a configuration only once its informer has, so each install
 * ends when a probe object is denied by the probe webhook added to that configuration.
 */
import assert from "node:assert/strict";
import type { CaseContext } from "../harness/case.js";
import { PROBE_LABEL, PROBE_PATH, startWebhookBackend, type WebhookBackend } from "../harness/webhook_backend.js";
import { configMap, configMapsPath } from "./helpers.js";

export type WebhookKind = "mutating" | "validating";

/** A webhook as a case writes it: `path` on the backend unless it gives its own clientConfig. */
export type CaseWebhook = Record<string, unknown> & { name: string; path?: string };

const CONFIGURATIONS = "/apis/admissionregistration.k8s.io/v1";

function collectionPath(kind: WebhookKind): string {
  return `${CONFIGURATIONS}/${kind}webhookconfigurations`;
}

export interface WebhookSetup {
  readonly backend: WebhookBackend;
  /** Creates or replaces the configuration `name` and waits until the server calls its webhooks. */
  install(kind: WebhookKind, name: string, webhooks: readonly CaseWebhook[]): Promise<void>;
  /** Records the reviews the backend received since the last call, which must be `calls` many. */
  received(label: string, calls: number): void;
}

function withCaseScope(t: CaseContext, backend: WebhookBackend, hook: CaseWebhook): Record<string, unknown> {
  const { path, ...rest } = hook;
  const objectSelector = (rest.objectSelector ?? {}) as { matchExpressions?: unknown[] };
  return {
    clientConfig: { url: backend.url(path ?? "/"), caBundle: backend.caBundle },
    sideEffects: "None",
    admissionReviewVersions: ["v1"],
    namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": t.namespace } },
    ...rest,
    objectSelector: {
      ...objectSelector,
      matchExpressions: [...(objectSelector.matchExpressions ?? []), { key: PROBE_LABEL, operator: "DoesNotExist" }],
    },
  };
}

function probeWebhook(backend: WebhookBackend, token: string): Record<string, unknown> {
  return {
    name: "probe.admission.example.com",
    clientConfig: { url: backend.url(PROBE_PATH), caBundle: backend.caBundle },
    rules: [{ operations: ["CREATE"], apiGroups: [""], apiVersions: ["v1"], resources: ["configmaps"] }],
    objectSelector: { matchLabels: { [PROBE_LABEL]: token } },
    sideEffects: "None",
    admissionReviewVersions: ["v1"],
  };
}

/** Runs `body` with a fresh backend; the case's configurations are deleted afterwards. */
export async function withWebhooks(t: CaseContext, body: (setup: WebhookSetup) => Promise<void>): Promise<void> {
  const backend = await startWebhookBackend();
  const installed: { kind: WebhookKind; name: string }[] = [];
  let probes = 0;
  const setup: WebhookSetup = {
    backend,
    async install(kind, name, webhooks) {
      const configurationName = `${t.namespace}-${name}`;
      const token = `${kind}-${++probes}`;
      const path = `${collectionPath(kind)}/${configurationName}`;
      const existing = await t.send({ path });
      const configuration = {
        apiVersion: "admissionregistration.k8s.io/v1",
        kind: `${kind === "mutating" ? "Mutating" : "Validating"}WebhookConfiguration`,
        metadata: { name: configurationName },
        webhooks: [...webhooks.map((hook) => withCaseScope(t, backend, hook)), probeWebhook(backend, token)],
      };
      const written =
        existing.status === 200
          ? await t.send({ method: "PUT", path, body: configuration })
          : await t.send({ method: "POST", path: collectionPath(kind), body: configuration });
      assert.ok(written.status < 300, `installing ${configurationName}: ${JSON.stringify(written.body)}`);
      if (existing.status !== 200) installed.push({ kind, name: configurationName });
      await t.eventually(`${configurationName} in effect`, async () => {
        const probe = await t.send({
          method: "POST",
          path: `${configMapsPath(t.namespace)}?dryRun=All`,
          body: configMap("probe", {}, { labels: { [PROBE_LABEL]: token } }),
        });
        const message = String((probe.body as { message?: string } | undefined)?.message ?? "");
        return probe.status === 400 && message.endsWith(`probe ${token}`) ? true : undefined;
      });
    },
    received(label, calls) {
      const reviews = backend.take();
      t.record(label, reviews);
      assert.equal(reviews.length, calls, `${label}: ${reviews.map((review) => review.path).join(", ")}`);
    },
  };
  try {
    await body(setup);
  } finally {
    for (const { kind, name } of installed) await t.send({ method: "DELETE", path: `${collectionPath(kind)}/${name}` });
    await backend.close();
  }
}

/** A rule for `resources` of the core group's v1 (or the given group and version). */
export function rule(
  operations: readonly string[],
  resources: readonly string[],
  group = "",
  version = "v1",
): Record<string, unknown> {
  return { operations, apiGroups: [group], apiVersions: [version], resources };
}
