import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type * as https from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { loadDefaultKubeConfig } from "./kubeconfig.js";

function kubeconfig(
  user: string,
  cluster = "    server: https://127.0.0.1:6443\n    certificate-authority: ca.crt\n",
): string {
  return [
    "apiVersion: v1",
    "kind: Config",
    "current-context: dev",
    "contexts:",
    "- name: other",
    "  context: { cluster: nowhere, user: nobody }",
    "- name: dev",
    "  context: { cluster: local, user: admin }",
    "clusters:",
    "- name: local",
    "  cluster:",
    cluster,
    "users:",
    "- name: admin",
    "  user:",
    user,
  ].join("\n");
}

test("one kubeconfig file: the current context's server, CA (relative to the file), token, certificate", async () => {
  const dir = mkdtempSync(join(tmpdir(), "kubeconfig-"));
  try {
    writeFileSync(join(dir, "ca.crt"), "the CA");
    const path = join(dir, "config");
    const certData = Buffer.from("the cert").toString("base64");
    writeFileSync(path, kubeconfig(`    token: abc\n    client-certificate-data: ${certData}\n`));
    const config = loadDefaultKubeConfig({ env: { KUBECONFIG: path }, home: dir });
    assert.deepEqual(config.getCurrentCluster(), { server: "https://127.0.0.1:6443" });
    const options: https.RequestOptions = {};
    await config.applyToHTTPSOptions(options);
    assert.equal(String(options.ca), "the CA");
    assert.equal(String(options.cert), "the cert");
    assert.deepEqual(options.headers, { Authorization: "Bearer abc" });

    writeFileSync(join(dir, "token"), "rotated\n");
    writeFileSync(path, kubeconfig("    tokenFile: token\n    username: u\n    password: p\n"));
    const fromTokenFile: https.RequestOptions = {};
    await loadDefaultKubeConfig({ env: { KUBECONFIG: path } }).applyToHTTPSOptions(fromTokenFile);
    assert.deepEqual(fromTokenFile.headers, { Authorization: "Bearer rotated" });
    assert.equal(fromTokenFile.auth, "u:p");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an exec plugin is left to client-node, loaded on first use: nothing is known before", () => {
  const dir = mkdtempSync(join(tmpdir(), "kubeconfig-exec-"));
  try {
    const path = join(dir, "config");
    writeFileSync(
      path,
      kubeconfig("    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: get-token\n"),
    );
    assert.equal(loadDefaultKubeConfig({ env: { KUBECONFIG: path } }).getCurrentCluster(), null);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
