/**
 * The flagship's webhooks behind a real admission chain: startTestEnv installs
 * config/webhook/manifests.yaml pointing at this test's manager (envtest's WebhookInstallOptions),
 * the manager serves the Machine and Switch validators, and the API server calls them.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { createManager, type Client } from "uselessctl";
import { startTestEnv, type TestEnv } from "uselessctl/testenv";
import { Machine, Switch } from "../../api/v1alpha1/index.js";
import { MachineCustomValidator, setupMachineWebhookWithManager } from "../../webhooks/v1alpha1/machine_webhook.js";
import { setupSwitchWebhookWithManager } from "../../webhooks/v1alpha1/switch_webhook.js";
import { apiClient, crdDirectory } from "../suite.js";

const webhookDirectory = fileURLToPath(new URL("../../config/webhook", import.meta.url));

let env: TestEnv;
let client: Client;
const stopManager = new AbortController();
let managerStopped: Promise<void> | undefined;

before(async () => {
  env = await startTestEnv({ crdDirectoryPaths: [crdDirectory], webhookInstallOptions: { paths: [webhookDirectory] } });
  client = apiClient(env);
  const serving = env.webhookInstallOptions;
  assert.ok(serving);
  const mgr = createManager({
    kubeConfig: env.kubeConfig,
    metricsBindAddress: "0",
    healthProbeBindAddress: "0",
    webhookServer: {
      host: serving.localServingHost,
      port: serving.localServingPort,
      certDir: serving.localServingCertDir,
    },
  });
  setupMachineWebhookWithManager(mgr, { validator: new MachineCustomValidator({ maxSwitches: 3 }) });
  setupSwitchWebhookWithManager(mgr);
  managerStopped = mgr.start(stopManager.signal);
  await mgr.getWebhookServer().ready(AbortSignal.timeout(30_000));
});

after(async () => {
  stopManager.abort();
  await managerStopped;
  await env.stop();
});

const newMachine = (name: string, switches: number): Machine => ({
  apiVersion: Machine.apiVersion,
  kind: Machine.kind,
  metadata: { namespace: "default", name },
  spec: { switches },
});

test("a Machine with more switches than the limit is refused with the webhook's message", async () => {
  await assert.rejects(client.create(newMachine("too-many", 4)), (error: unknown) => {
    assert.ok(error instanceof Error);
    assert.match(
      error.message,
      /admission webhook "vmachine-v1alpha1\.kb\.io" denied the request: Machine\.useless\.container\.training "too-many" is invalid: spec\.switches: Invalid value: 4: must be at most 3/,
    );
    return true;
  });
  await assert.rejects(client.get(Machine, { namespace: "default", name: "too-many" }), /not found/);
});

test("a Machine within the limit is created, and updating it above the limit is refused", async () => {
  const created = await client.create(newMachine("three", 3));
  assert.equal(created.spec.switches, 3);
  await assert.rejects(client.update({ ...created, spec: { switches: 5 } }), /Invalid value: 5: must be at most 3/);
});

test("a Switch labelled for a Machine that does not exist is admitted (the webhook only warns)", async () => {
  const created = await client.create<Switch>({
    apiVersion: Switch.apiVersion,
    kind: Switch.kind,
    metadata: { namespace: "default", name: "stray", labels: { machine: "ghost" } },
    spec: { position: "down" },
  });
  assert.equal(created.metadata?.labels?.["machine"], "ghost");
});
