/**
 * The runtime's webhook server called by an API server (issue 17.3, 17.5): startTestEnv installs
 * config/webhook-style configurations pointing at the test's manager (envtest's
 * WebhookInstallOptions), and the manager's webhooks default a ConfigMap and a custom resource,
 * refuse one with the validator's message while a warning reaches the client, and convert a CRD
 * served in two versions through /convert.
 *
 * On the REAL kube-apiserver (skipped where the binaries are not built) and on the local server.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpsRequest, type RequestOptions } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ConfigMap,
  createClient,
  createKubeConfigTransport,
  createManager,
  defineGroupVersion,
  discardLogger,
  fieldError,
  invalid,
  webhookManagedBy,
  type Client,
  type KubernetesObject,
  type Manager,
} from "uselessctl";
import { installCrds, localClientConfig, startTestEnv, type TestEnv } from "uselessctl/testenv";
import { referenceUnavailableReason } from "../conformance/harness/targets.js";
import { eventually } from "../helpers/eventually.js";

const unavailable = referenceUnavailableReason();
if (unavailable) console.log(`# webhook_server: ${unavailable}; skipping the kube-apiserver suite`);

const group = "webhooke2e.example.com";
interface Gadget extends KubernetesObject {
  spec: { replicas?: number; color?: string };
}
interface GadgetV1alpha1 extends KubernetesObject {
  spec: { count?: number; colour?: string };
}
const Gadget = defineGroupVersion({ group, version: "v1" }).kind<Gadget>({ kind: "Gadget", plural: "gadgets" });
const GadgetV1alpha1 = defineGroupVersion({ group, version: "v1alpha1" }).kind<GadgetV1alpha1>({
  kind: "Gadget",
  plural: "gadgets",
});

const WEBHOOK_MANIFESTS = `---
apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata:
  name: mutating-webhook-configuration
webhooks:
- admissionReviewVersions: [v1]
  clientConfig:
    service: { name: webhook-service, namespace: system, path: /mutate--v1-configmap }
  failurePolicy: Fail
  name: mconfigmap.kb.io
  objectSelector: { matchLabels: { webhook-e2e: "yes" } }
  rules:
  - { apiGroups: [""], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [configmaps] }
  sideEffects: None
- admissionReviewVersions: [v1]
  clientConfig:
    service: { name: webhook-service, namespace: system, path: /mutate-webhooke2e-example-com-v1-gadget }
  failurePolicy: Fail
  name: mgadget.kb.io
  rules:
  - { apiGroups: [${group}], apiVersions: [v1], operations: [CREATE, UPDATE], resources: [gadgets] }
  sideEffects: None
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: validating-webhook-configuration
webhooks:
- admissionReviewVersions: [v1]
  clientConfig:
    service: { name: webhook-service, namespace: system, path: /validate-webhooke2e-example-com-v1-gadget }
  failurePolicy: Fail
  name: vgadget.kb.io
  rules:
  - { apiGroups: [${group}], apiVersions: [v1], operations: [CREATE, UPDATE, DELETE], resources: [gadgets] }
  sideEffects: None
`;

function gadgetCrd(conversionClientConfig: object): object {
  const schema = (properties: object) => ({
    openAPIV3Schema: {
      type: "object",
      properties: { spec: { type: "object", properties } },
    },
  });
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `gadgets.${group}` },
    spec: {
      group,
      names: { kind: "Gadget", listKind: "GadgetList", plural: "gadgets", singular: "gadget" },
      scope: "Namespaced",
      conversion: {
        strategy: "Webhook",
        webhook: { conversionReviewVersions: ["v1"], clientConfig: conversionClientConfig },
      },
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          schema: schema({ replicas: { type: "integer" }, color: { type: "string" } }),
        },
        {
          name: "v1alpha1",
          served: true,
          storage: false,
          schema: schema({ count: { type: "integer" }, colour: { type: "string" } }),
        },
      ],
    },
  };
}

/** A raw JSON request through the kubeconfig, with the answer's Warning headers. */
async function kubeCall(
  env: TestEnv,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown>; warnings: string[] }> {
  const cluster = env.kubeConfig.getCurrentCluster();
  const options: RequestOptions = {
    method,
    headers: { "content-type": "application/json", accept: "application/json" },
  };
  await env.kubeConfig.applyToHTTPSOptions(options);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(new URL(path, cluster?.server), options, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => {
        const warning = res.headers["warning"];
        const warnings = (Array.isArray(warning) ? warning : warning ? [warning] : []).map((w) =>
          w.replace(/^299 - "(.*)"$/, "$1"),
        );
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown>, warnings });
      });
    });
    req.on("error", reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

function webhookSuite(controlPlane: "binaries" | "embedded", skip: string | undefined): void {
  describe(`the manager's webhooks called by the ${controlPlane} API server`, { skip }, () => {
    let env: TestEnv;
    let mgr: Manager;
    let running: Promise<void>;
    let client: Client;
    let manifests: string;
    const namespace = "default";
    /** Why a part cannot run on this server yet (the local server before it calls that kind of webhook). */
    const webhookCalls = (path: string) =>
      mgr.getMetrics().valueOf("controller_runtime_webhook_requests_total", { webhook: path });

    before(async () => {
      manifests = mkdtempSync(join(tmpdir(), "webhook-e2e-"));
      writeFileSync(join(manifests, "manifests.yaml"), WEBHOOK_MANIFESTS);
      env = await startTestEnv({
        controlPlane,
        controllerManager: false,
        webhookInstallOptions: { paths: [manifests] },
      });
      const serving = env.webhookInstallOptions;
      assert.ok(serving);
      await installCrds(env.kubeConfig, {
        crds: [gadgetCrd(localClientConfig({ service: { path: "/convert" } }, serving)) as never],
      });
      mgr = createManager({
        kubeConfig: env.kubeConfig,
        logger: discardLogger,
        webhookServer: {
          host: serving.localServingHost,
          port: serving.localServingPort,
          certDir: serving.localServingCertDir,
        },
      });
      webhookManagedBy(mgr)
        .for(ConfigMap)
        .withDefaulter({
          default: (ctx, cm) => {
            cm.data = { ...cm.data, defaultedBy: ctx.request.userInfo.username ?? "" };
          },
        })
        .complete();
      webhookManagedBy(mgr)
        .for(Gadget)
        .withDefaulter({
          default: (_ctx, gadget) => {
            gadget.spec.color ??= "blue";
          },
        })
        .withValidator({
          validateCreate: (_ctx, gadget) => {
            if ((gadget.spec.replicas ?? 0) > 10) {
              throw invalid(Gadget, gadget.metadata?.name ?? "", [
                fieldError.invalid("spec.replicas", gadget.spec.replicas, "a gadget has at most 10 replicas"),
              ]);
            }
            return gadget.spec.replicas === 0 ? ["a gadget with 0 replicas does nothing"] : undefined;
          },
          validateUpdate: () => undefined,
          validateDelete: () => undefined,
        })
        .withConversion([
          {
            kind: GadgetV1alpha1,
            convertTo: (old: GadgetV1alpha1): Gadget => ({
              spec: { replicas: old.spec.count, ...(old.spec.colour ? { color: old.spec.colour } : {}) },
            }),
            convertFrom: (hub: Gadget): GadgetV1alpha1 => ({
              spec: { count: hub.spec.replicas, ...(hub.spec.color ? { colour: hub.spec.color } : {}) },
            }),
          },
        ])
        .complete();
      mgr.addReadyzCheck("webhook", mgr.getWebhookServer().startedChecker());
      running = mgr.start();
      await mgr.getWebhookServer().ready(new AbortController().signal);
      client = createClient({ transport: createKubeConfigTransport({ kubeConfig: env.kubeConfig }) });
      const probe = (name: string) =>
        client.create<ConfigMap>({
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: { name, namespace, labels: { "webhook-e2e": "yes" } },
        });
      // kube-apiserver reads webhook configurations through an informer: wait until it has them
      // (the local server reads them at each request: its first probe is defaulted).
      let attempt = 0;
      await eventually("the API server calls the webhooks", async () => (await probe(`probe-${attempt++}`)).data);
    });

    after(async () => {
      await mgr?.stop();
      await running?.catch(() => undefined);
      await env?.stop();
      rmSync(manifests, { recursive: true, force: true });
    });

    test("a created ConfigMap is defaulted by the mutating webhook (the user's name added)", async () => {
      const created = await client.create<ConfigMap>({
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: "defaulted", namespace, labels: { "webhook-e2e": "yes" } },
        data: { a: "1" },
      });
      assert.deepEqual(created.data, { a: "1", defaultedBy: "admin" });
    });

    test("a custom resource is defaulted; a refused one carries the validator's message; a warning reaches the client", async () => {
      const path = `/apis/${group}/v1/namespaces/${namespace}/gadgets`;
      const gadget = (name: string, replicas: number) => ({
        apiVersion: `${group}/v1`,
        kind: "Gadget",
        metadata: { name, namespace },
        spec: { replicas },
      });
      const ok = await kubeCall(env, "POST", path, gadget("zero", 0));
      assert.equal(ok.status, 201, JSON.stringify(ok.body));
      assert.deepEqual(ok.body["spec"], { replicas: 0, color: "blue" });
      assert.deepEqual(ok.warnings, ["a gadget with 0 replicas does nothing"]);

      const refused = await kubeCall(env, "POST", path, gadget("big", 11));
      assert.equal(refused.status, 422);
      assert.equal(
        refused.body["message"],
        `admission webhook "vgadget.kb.io" denied the request: Gadget.${group} "big" is invalid: spec.replicas: Invalid value: 11: a gadget has at most 10 replicas`,
      );
      assert.equal(refused.body["reason"], "Invalid");
    });

    test("the CRD served in two versions converts through /convert, both ways", async () => {
      const created = await kubeCall(env, "POST", `/apis/${group}/v1alpha1/namespaces/${namespace}/gadgets`, {
        apiVersion: `${group}/v1alpha1`,
        kind: "Gadget",
        metadata: { name: "old", namespace },
        spec: { count: 3, colour: "red" },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.deepEqual(created.body["spec"], { count: 3, colour: "red" });
      const asV1 = await client.get(Gadget, { namespace, name: "old" });
      assert.ok((await webhookCalls("/convert")) > 0, "the read went through the conversion webhook");
      assert.equal(asV1.apiVersion, `${group}/v1`);
      assert.deepEqual(asV1.spec, { replicas: 3, color: "red" });
      const stored = await client.create<Gadget>({
        apiVersion: `${group}/v1`,
        kind: "Gadget",
        metadata: { name: "new", namespace },
        spec: { replicas: 4, color: "green" },
      });
      const asOld = await kubeCall(env, "GET", `/apis/${group}/v1alpha1/namespaces/${namespace}/gadgets/new`);
      assert.equal(asOld.body["apiVersion"], `${group}/v1alpha1`);
      assert.deepEqual(asOld.body["spec"], { count: 4, colour: "green" });
      assert.equal((asOld.body["metadata"] as { uid?: string }).uid, stored.metadata?.uid);
    });
  });
}

webhookSuite("binaries", unavailable);
webhookSuite("embedded", undefined);
