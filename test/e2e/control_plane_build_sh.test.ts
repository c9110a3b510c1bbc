/**
 * build.sh's own logic with a stand-in `go` (no real compilation): the cache layout, the
 * "already built" fast path, version checking, and failing loudly without leaving binaries.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, test } from "node:test";
import { KUBERNETES_VERSION } from "../../apiserver/kubernetes_version.js";

const script = fileURLToPath(new URL("../../hack/control-plane/build.sh", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "uselessctl-build-sh-test-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A `go` that "builds" a shell script printing the version, or fails when asked to. */
function fakeGo(folder: string, behaviour: "succeed" | "fail"): string {
  const bin = join(scratch, folder);
  rmSync(bin, { recursive: true, force: true });
  spawnSync("mkdir", ["-p", bin]);
  writeFileSync(
    join(bin, "go"),
    `#!/bin/sh
[ "$1" = build ] || exit 0
${behaviour === "fail" ? 'echo "cmd/kube-apiserver: undefined: somethingMissing" >&2; [ "$(basename "$PWD")" = etcd ] || exit 2' : ""}
while [ $# -gt 0 ]; do [ "$1" = -o ] && out="$2"; shift; done
printf '#!/bin/sh\\necho "Kubernetes ${KUBERNETES_VERSION.gitVersion}"\\n' > "$out"; chmod +x "$out"
`,
  );
  chmodSync(join(bin, "go"), 0o755);
  return bin;
}

function runBuild(bin: string, cacheRoot: string) {
  const startedAt = Date.now();
  const result = spawnSync("bash", [script], {
    encoding: "utf8",
    env: { ...process.env, PATH: `${bin}:${process.env["PATH"] ?? ""}`, USELESSCTL_CONTROL_PLANE_DIR: cacheRoot },
  });
  return { ...result, ms: Date.now() - startedAt };
}

test("a build fills <cache>/<version>/ with the four binaries, and a second run does nothing", () => {
  const cacheRoot = join(scratch, "cache-ok");
  const bin = fakeGo("go-ok", "succeed");
  const first = runBuild(bin, cacheRoot);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /\[1\/4\] building etcd/);
  assert.match(first.stdout, /\[4\/4\] building kubectl/);
  const versionDir = join(cacheRoot, KUBERNETES_VERSION.gitVersion);
  assert.deepEqual(readdirSync(versionDir).sort(), [
    ".build-stamp",
    "etcd",
    "kube-apiserver",
    "kube-controller-manager",
    "kubectl",
  ]);
  const second = runBuild(bin, cacheRoot);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /is up to date/);
  assert.doesNotMatch(second.stdout, /building/);
});

test("a failed go build fails loudly, shows the compiler output, and installs nothing", () => {
  const cacheRoot = join(scratch, "cache-fail");
  const result = runBuild(fakeGo("go-fail", "fail"), cacheRoot);
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /undefined: somethingMissing/);
  assert.match(result.stderr, /control-plane build FAILED: go build of kube-apiserver/);
  assert.equal(existsSync(join(cacheRoot, KUBERNETES_VERSION.gitVersion)), false);
  assert.deepEqual(readdirSync(cacheRoot), [], "the staging folder is removed");
});
