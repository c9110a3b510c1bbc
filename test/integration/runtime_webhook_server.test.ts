/**
 * The runtime's webhook server over real HTTPS (in this process): admission and conversion
 * handlers behind TLS, controller-runtime's webhook metrics, the certificate reloaded when its
 * files change (and kept while a new pair is half written), and the server as a runnable of the
 * manager with its readiness check.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect, type PeerCertificate } from "node:tls";
import {
  ConfigMap,
  createManager,
  discardLogger,
  RuntimeMetrics,
  WebhookServer,
  webhookManagedBy,
  type Transport,
} from "uselessctl";
import { generateServingCertificates, type ServingCertificates } from "../../apiserver/auth/certificates.js";
import { eventually } from "../helpers/eventually.js";

const offline: Transport = {
  request: () => Promise.reject(new Error("offline")),
  watch: () => Promise.reject(new Error("offline")),
};

let certDir: string;
let first: ServingCertificates;

function writePair(pair: ServingCertificates): void {
  writeFileSync(join(certDir, "tls.crt"), pair.certificatePem);
  writeFileSync(join(certDir, "tls.key"), pair.privateKeyPem);
}

before(async () => {
  certDir = mkdtempSync(join(tmpdir(), "webhook-certs-"));
  first = await generateServingCertificates();
  writePair(first);
});
after(() => rmSync(certDir, { recursive: true, force: true }));

function post(port: number, path: string, body: unknown, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        ca,
        agent: false,
        headers: { "content-type": "application/json" },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

function servedCertificate(port: number): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: "127.0.0.1", port, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate());
      socket.end();
    });
    socket.on("error", reject);
  });
}

const review = (uid: string) => ({
  apiVersion: "admission.k8s.io/v1",
  kind: "AdmissionReview",
  request: {
    uid,
    operation: "CREATE",
    userInfo: { username: "admin" },
    object: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } },
  },
});

test("admission over HTTPS through the builder, with controller-runtime's webhook metrics", async () => {
  const mgr = createManager({ transport: offline, logger: discardLogger, webhookServer: { port: 0, certDir } });
  webhookManagedBy(mgr)
    .for(ConfigMap)
    .withDefaulter({
      default: (_ctx, cm) => {
        cm.data = { ...cm.data, defaulted: "yes" };
      },
    })
    .complete();
  const server = mgr.getWebhookServer();
  const checker = server.startedChecker();
  await assert.rejects(async () => checker(), /webhook server has not been started yet/);
  const running = mgr.start();
  try {
    const { port } = await eventually("the webhook server listens", () => server.address());
    await checker();
    const answer = await post(port, "/mutate--v1-configmap", review("u1"), first.caCertificatePem);
    assert.equal(answer.status, 200);
    const { response } = JSON.parse(answer.body) as { response: { uid: string; patch: string } };
    assert.equal(response.uid, "u1");
    assert.equal(
      Buffer.from(response.patch, "base64").toString(),
      '[{"op":"add","path":"/data","value":{"defaulted":"yes"}}]',
    );
    assert.equal((await post(port, "/nothing-here", {}, first.caCertificatePem)).status, 404);
    const metrics: RuntimeMetrics = mgr.getMetrics();
    const labels = { webhook: "/mutate--v1-configmap" };
    assert.equal(await metrics.valueOf("controller_runtime_webhook_requests_total", { ...labels, code: "200" }), 1);
    assert.equal(await metrics.valueOf("controller_runtime_webhook_requests_total", { ...labels, code: "500" }), 0);
    assert.equal(await metrics.valueOf("controller_runtime_webhook_latency_seconds", labels), 1);
    assert.equal(await metrics.valueOf("controller_runtime_webhook_requests_in_flight", labels), 0);
    assert.match(
      await metrics.text(),
      /controller_runtime_webhook_latency_seconds_bucket\{le="1e-8",webhook="\/mutate--v1-configmap"\}/,
    );
  } finally {
    await mgr.stop();
    await running;
  }
  await assert.rejects(async () => servedCertificate(server.address()?.port ?? 0));
});

test("a manager that never asked for its webhook server does not start one; asking once started is an error", async () => {
  const mgr = createManager({
    transport: offline,
    logger: discardLogger,
    webhookServer: { port: 0, certDir: "/nonexistent" },
  });
  const running = mgr.start();
  try {
    await mgr.elected();
    assert.throws(() => mgr.getWebhookServer(), /get the webhook server before the manager starts/);
  } finally {
    await mgr.stop();
    await running;
  }
});

test("the certificate is reloaded when its files change, and a half-written pair is not served", async () => {
  writePair(first);
  const server = new WebhookServer({ port: 0, certDir, certPollIntervalMs: 100 });
  const stop = new AbortController();
  const running = server.start(stop.signal);
  try {
    await server.ready(stop.signal);
    const port = server.address()?.port ?? 0;
    const initial = (await servedCertificate(port)).fingerprint256;
    // Half written: the new certificate with the old key (the key file not written yet).
    const second = await generateServingCertificates();
    writeFileSync(join(certDir, "tls.crt"), second.certificatePem);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal((await servedCertificate(port)).fingerprint256, initial, "a mismatched pair is not served");
    writeFileSync(join(certDir, "tls.key"), second.privateKeyPem);
    await eventually(
      "the new certificate is served",
      async () => (await servedCertificate(port)).fingerprint256 !== initial,
    );
    const served = await post(port, "/x", {}, second.caCertificatePem);
    assert.equal(served.status, 404, "the new pair is trusted through the new CA");
  } finally {
    stop.abort();
    await running;
  }
});

test("with clientCAName a client without a certificate is refused; a missing CA file fails the start", async () => {
  writePair(first);
  writeFileSync(join(certDir, "client-ca.crt"), first.caCertificatePem);
  const server = new WebhookServer({ port: 0, certDir, clientCAName: "client-ca.crt" });
  const stop = new AbortController();
  const running = server.start(stop.signal);
  try {
    await server.ready(stop.signal);
    await assert.rejects(post(server.address()?.port ?? 0, "/x", {}, first.caCertificatePem));
  } finally {
    stop.abort();
    await running;
  }
  const missing = new WebhookServer({ port: 0, certDir, clientCAName: "nope.crt" });
  await assert.rejects(missing.start(new AbortController().signal), /failed to read client CA cert .*nope\.crt/);
});

test("a missing certificate fails the start naming the file", async () => {
  const empty = mkdtempSync(join(tmpdir(), "webhook-nocerts-"));
  try {
    const server = new WebhookServer({ port: 0, certDir: empty });
    await assert.rejects(server.start(new AbortController().signal), (err: NodeJS.ErrnoException) =>
      String(err.message).includes(join(empty, "tls.crt")),
    );
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
