// The samples `npm start` creates and the commands README and the banner give to try them agree:
// every sample Switch belongs to a sample Machine, and the patch command picks a switch of that
// machine, so it always demonstrates a flip (issue 12). test/e2e/operator_start.test.ts runs it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MACHINE_LABEL, Machine, Switch } from "../api/v1alpha1/index.js";
import { readManifests } from "../scripts/start/manifests.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const samples = readManifests(`${root}/config/samples`);
const machines = samples.filter((obj) => obj.kind === Machine.kind).map((obj) => obj.metadata?.name);
const PATCH = /kubectl patch \$\(kubectl get switches -l machine=([a-z0-9.-]+) -o name \| head -n 1\) --type=merge/g;

test("every sample Switch is labelled for a sample Machine", () => {
  const switches = samples.filter((obj) => obj.kind === Switch.kind);
  assert.ok(machines.length > 0 && switches.length > 0, "config/samples holds a Machine and a Switch");
  for (const sw of switches) {
    assert.ok(
      machines.includes(sw.metadata?.labels?.[MACHINE_LABEL]),
      `${sw.metadata?.name}: label ${MACHINE_LABEL}=<one of ${machines.join(", ")}>`,
    );
  }
});

test("README and the npm start banner patch a switch of a sample machine, with the same command", () => {
  const picked = (file: string): string[] =>
    [...readFileSync(`${root}/${file}`, "utf8").matchAll(PATCH)].map((match) => match[1] ?? "");
  const fromReadme = picked("README.md");
  const fromBanner = picked("scripts/start.ts");
  assert.equal(fromReadme.length, 1, "README.md gives one patch command");
  assert.deepEqual(fromBanner, fromReadme);
  assert.ok(machines.includes(fromReadme[0]), `the command selects the switches of ${machines.join(", ")}`);
});
