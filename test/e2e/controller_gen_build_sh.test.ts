/**
 * build.sh's own logic with a stand-in `go` (no real compilation): the cache layout, the
 * "already built" fast path, the version check, and failing loudly without leaving a binary.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, test } from "node:test";

const script = fileURLToPath(new URL("../../hack/controller-gen/build.sh", import.meta.url));
const goMod = readFileSync(fileURLToPath(new URL("../../hack/controller-gen/go.mod", import.meta.url)), "utf8");
const pinned = /^\s*sigs\.k8s\.io\/controller-tools (v\S+)/m.exec(goMod)?.[1] ?? "";
const scratch = mkdtempSync(join(tmpdir(), "uselessctl-controller-gen-build-test-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A `go` whose "binary" prints `reportedVersion`, or that fails to compile. */
function fakeGo(folder: string, behaviour: { fail: true } | { reportedVersion: string }): string {
  const bin = join(scratch, folder);
  mkdirSync(bin, { recursive: true });
  const build =
    "fail" in behaviour
      ? 'echo "pkg/crd/schema.go:1: undefined: somethingMissing" >&2; exit 2'
      : `while [ $# -gt 0 ]; do [ "$1" = -o ] && out="$2"; shift; done
printf '#!/bin/sh\\necho "Version: ${behaviour.reportedVersion}"\\n' > "$out"; chmod +x "$out"`;
  writeFileSync(join(bin, "go"), `#!/bin/sh\n[ "$1" = build ] || exit 0\n${build}\n`);
  chmodSync(join(bin, "go"), 0o755);
  return bin;
}

function runBuild(bin: string, cacheRoot: string) {
  return spawnSync("bash", [script], {
    encoding: "utf8",
    env: { ...process.env, PATH: `${bin}:${process.env["PATH"] ?? ""}`, USELESSCTL_CONTROL_PLANE_DIR: cacheRoot },
  });
}

test("go.mod pins a controller-tools release", () => {
  assert.match(pinned, /^v\d+\.\d+\.\d+$/);
});

test("a build puts <cache>/controller-gen/<version>/controller-gen in place, and a second run does nothing", () => {
  const cacheRoot = join(scratch, "cache-ok");
  const bin = fakeGo("go-ok", { reportedVersion: pinned });
  const first = runBuild(bin, cacheRoot);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, new RegExp(`building controller-gen ${pinned}`));
  const versionDir = join(cacheRoot, "controller-gen", pinned);
  assert.deepEqual(readdirSync(versionDir).sort(), [".build-stamp", "controller-gen"]);
  const second = runBuild(bin, cacheRoot);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /is up to date/);
  assert.doesNotMatch(second.stdout, /building/);
});

test("a binary that reports another version is refused and not installed", () => {
  const cacheRoot = join(scratch, "cache-wrong-version");
  const result = runBuild(fakeGo("go-wrong", { reportedVersion: "(devel)" }), cacheRoot);
  assert.notEqual(result.status, 0);
  assert.match(
    result.stderr,
    new RegExp(`says 'Version: \\(devel\\)', expected 'Version: ${pinned.replace(/\./g, "\\.")}'`),
  );
  assert.equal(existsSync(join(cacheRoot, "controller-gen", pinned)), false);
});

test("a failed go build fails loudly, shows the compiler output, and installs nothing", () => {
  const cacheRoot = join(scratch, "cache-fail");
  const result = runBuild(fakeGo("go-fail", { fail: true }), cacheRoot);
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /undefined: somethingMissing/);
  assert.match(
    result.stderr,
    /controller-gen build FAILED: go build of sigs.k8s.io\/controller-tools\/cmd\/controller-gen/,
  );
  assert.deepEqual(readdirSync(cacheRoot), [], "the staging folder is removed");
});
