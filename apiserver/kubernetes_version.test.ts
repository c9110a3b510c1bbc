import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { KUBERNETES_VERSION } from "./kubernetes_version.js";

/** The version `require`d for a module in a go.mod, in its single-line or block form. */
function requiredVersion(goMod: string, modulePath: string): string | undefined {
  for (const rawLine of goMod.split("\n")) {
    const fields = rawLine
      .replace(/\/\/.*/, "")
      .trim()
      .split(/\s+/);
    if (fields.includes("=>")) continue;
    if (fields[0] === "require") fields.shift();
    if (fields[0] === modulePath) return fields[1];
  }
  return undefined;
}

test("KUBERNETES_VERSION is the k8s.io/kubernetes release pinned in hack/control-plane/go.mod", () => {
  const goMod = readFileSync(new URL("../hack/control-plane/go.mod", import.meta.url), "utf8");
  const pinned = requiredVersion(goMod, "k8s.io/kubernetes");
  assert.equal(KUBERNETES_VERSION.gitVersion, pinned);
  const [major, minor] = (pinned ?? "").replace(/^v/, "").split(".");
  assert.deepEqual([KUBERNETES_VERSION.major, KUBERNETES_VERSION.minor], [major, minor]);
});
