import assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { KUBERNETES_VERSION } from "../kubernetes_version.js";
import { findBinaryAssets, MissingBinaryError } from "./assets.js";

const home = mkdtempSync(join(tmpdir(), "uselessctl-assets-test-"));
after(() => rmSync(home, { recursive: true, force: true }));

function folderWith(path: string, binaries: readonly string[]): string {
  mkdirSync(path, { recursive: true });
  for (const binary of binaries) {
    writeFileSync(join(path, binary), "#!/bin/sh\n");
    chmodSync(join(path, binary), 0o755);
  }
  return path;
}

const all = ["etcd", "kube-apiserver", "kube-controller-manager", "kubectl"];
const cache = folderWith(join(home, "cache", KUBERNETES_VERSION.gitVersion), all);
const store = join(home, ".local", "share", "kubebuilder-envtest", "k8s");
folderWith(join(store, "1.30.0-linux-amd64"), ["etcd", "kube-apiserver", "kubectl"]);
folderWith(join(store, "1.31.1-linux-amd64"), ["etcd", "kube-apiserver", "kubectl"]);
const env = { USELESSCTL_CONTROL_PLANE_DIR: join(home, "cache") };

test("an explicit binaryAssetsDirectory is the only place searched", () => {
  const explicit = folderWith(join(home, "explicit"), all);
  const assets = findBinaryAssets({ binaryAssetsDirectory: explicit, env, homeDirectory: home });
  assert.equal(assets.source, "binaryAssetsDirectory");
  assert.equal(assets.paths["kube-apiserver"], join(explicit, "kube-apiserver"));
});

test("KUBEBUILDER_ASSETS wins over the caches", () => {
  const assetsDir = folderWith(join(home, "kubebuilder"), all);
  const assets = findBinaryAssets({ env: { ...env, KUBEBUILDER_ASSETS: assetsDir }, homeDirectory: home });
  assert.deepEqual([assets.source, assets.directory], ["KUBEBUILDER_ASSETS", assetsDir]);
});

test("uselessctl's cache for the pinned Kubernetes version comes first among the default places", () => {
  const assets = findBinaryAssets({ env, homeDirectory: home });
  assert.deepEqual([assets.source, assets.directory], ["uselessctl cache", cache]);
});

test("the newest setup-envtest store version is used when the controller manager is not required", () => {
  const assets = findBinaryAssets({
    env: { USELESSCTL_CONTROL_PLANE_DIR: join(home, "empty-cache") },
    homeDirectory: home,
    required: ["etcd", "kube-apiserver"],
  });
  assert.deepEqual([assets.source, assets.directory], ["setup-envtest store", join(store, "1.31.1-linux-amd64")]);
});

test("a missing binary names itself, every place searched and the build command", () => {
  const empty = folderWith(join(home, "only-etcd"), ["etcd"]);
  assert.throws(
    () => findBinaryAssets({ binaryAssetsDirectory: empty, env, homeDirectory: home }),
    (error: unknown) => {
      assert.ok(error instanceof MissingBinaryError);
      assert.equal(error.binary, "kube-apiserver");
      assert.match(error.message, /kube-apiserver not found/);
      assert.match(error.message, new RegExp(`${empty} \\(binaryAssetsDirectory\\)`));
      assert.match(error.message, /npm run control-plane:build/);
      return true;
    },
  );
});

test("without any explicit folder, the error lists the cache and the setup-envtest store", () => {
  assert.throws(
    () => findBinaryAssets({ env: { USELESSCTL_CONTROL_PLANE_DIR: join(home, "none") }, homeDirectory: home }),
    (error: unknown) => {
      assert.ok(error instanceof MissingBinaryError);
      assert.equal(error.binary, "etcd");
      assert.ok(error.searched.some((place) => place.includes("(uselessctl cache)")));
      assert.ok(error.searched.some((place) => place.includes("1.31.1-linux-amd64 (setup-envtest store)")));
      return true;
    },
  );
});
