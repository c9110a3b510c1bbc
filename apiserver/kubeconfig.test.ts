import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { writeKubeconfig } from "./kubeconfig.js";

test("the kubeconfig carries server, CA and token, and is readable only by its owner", () => {
  const folder = mkdtempSync(join(tmpdir(), "uselessctl-kubeconfig-test-"));
  try {
    const path = join(folder, "kubeconfig");
    const pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    const kubeConfig = writeKubeconfig(path, { url: "https://127.0.0.1:6443", caCertificatePem: pem, token: "s3cret" });
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(kubeConfig.getCurrentCluster()?.server, "https://127.0.0.1:6443");
    assert.equal(Buffer.from(kubeConfig.getCurrentCluster()?.caData ?? "", "base64").toString(), pem);
    assert.equal(kubeConfig.getCurrentUser()?.token, "s3cret");
    assert.equal(kubeConfig.getContextObject(kubeConfig.getCurrentContext())?.namespace, "default");
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
