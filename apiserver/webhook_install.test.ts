import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSecureContext } from "node:tls";
import { localClientConfig, prepareWebhooks } from "./webhook_install.js";

const MANIFESTS = `apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata: { name: mutating-webhook-configuration }
webhooks:
- name: mmachine.kb.io
  clientConfig:
    service: { name: webhook-service, namespace: system, path: /mutate-useless-container-training-v1-machine }
- name: external.kb.io
  clientConfig: { url: "https://example.com/hook" }
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata: { name: validating-webhook-configuration }
webhooks:
- name: vmachine.kb.io
  clientConfig:
    service: { name: webhook-service, namespace: system, path: validate-no-slash }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: not-a-webhook }
`;

test("prepareWebhooks writes a loadable serving pair and points every service path at the local server", async () => {
  const dir = mkdtempSync(join(tmpdir(), "webhook-install-"));
  try {
    writeFileSync(join(dir, "manifests.yaml"), MANIFESTS);
    const prepared = await prepareWebhooks({ paths: [dir], localServingPort: 9555 }, join(dir, "certs"));
    const { serving } = prepared;
    assert.equal(serving.localServingHost, "127.0.0.1");
    assert.equal(serving.localServingPort, 9555);
    const cert = readFileSync(join(serving.localServingCertDir, "tls.crt"));
    const key = readFileSync(join(serving.localServingCertDir, "tls.key"));
    createSecureContext({ cert, key, ca: serving.localServingCAData });
    const caBundle = Buffer.from(serving.localServingCAData).toString("base64");
    assert.deepEqual(
      prepared.mutatingWebhooks[0]?.webhooks?.map((w) => w.clientConfig),
      [
        { url: "https://127.0.0.1:9555/mutate-useless-container-training-v1-machine", caBundle },
        { url: "https://example.com/hook", caBundle },
      ],
    );
    assert.deepEqual(prepared.validatingWebhooks[0]?.webhooks?.[0]?.clientConfig, {
      url: "https://127.0.0.1:9555/validate-no-slash",
      caBundle,
    });
    assert.equal(prepared.mutatingWebhooks.length + prepared.validatingWebhooks.length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a missing path fails naming it, unless ignoreErrorIfPathMissing", async () => {
  const dir = mkdtempSync(join(tmpdir(), "webhook-install-"));
  try {
    const missing = join(dir, "nope");
    await assert.rejects(
      prepareWebhooks({ paths: [missing], localServingPort: 9555 }, join(dir, "c")),
      new RegExp(`webhook path ${missing} does not exist`),
    );
    const prepared = await prepareWebhooks(
      { paths: [missing], ignoreErrorIfPathMissing: true, localServingPort: 9555 },
      join(dir, "c"),
    );
    assert.deepEqual([prepared.mutatingWebhooks, prepared.validatingWebhooks], [[], []]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an IPv6 serving host is bracketed in the URL", () => {
  const serving = { localServingHost: "::1", localServingPort: 1, localServingCertDir: "", localServingCAData: "ca" };
  assert.equal(localClientConfig({ service: { path: "/convert" } }, serving).url, "https://[::1]:1/convert");
});
