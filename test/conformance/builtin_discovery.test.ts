/**
 * Discovery of the built-in API equals the reference kube-apiserver's: the local server answers
 * every discovery document (aggregated /api and /apis, the legacy group list and each group
 * version's resource list) as hack/apis/reference_discovery.json records them, and, where the
 * reference control plane is built, that file is what the reference answers (so the generated
 * catalog, which is built from it, describes the reference).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { startTestEnv, type TestEnv } from "uselessctl/testenv";
import {
  discoveryDocuments,
  REFERENCE_DISCOVERY_FILE,
  type DiscoveryDocuments,
} from "../../hack/apis/reference_discovery.js";
import { referenceUnavailableReason } from "./harness/targets.js";

const recorded = JSON.parse(readFileSync(REFERENCE_DISCOVERY_FILE, "utf8")) as DiscoveryDocuments;

const unavailable = referenceUnavailableReason();
let local: TestEnv | undefined;
let reference: TestEnv | undefined;
before(async () => {
  local = await startTestEnv({ controlPlane: "embedded", useExistingCluster: false });
  if (!unavailable) reference = await startTestEnv({ controlPlane: "binaries", useExistingCluster: false });
});
after(async () => {
  await local?.stop();
  await reference?.stop();
});

test("the local server's discovery documents equal the reference's, document by document", async () => {
  const served = await discoveryDocuments(local as TestEnv);
  assert.deepEqual(Object.keys(served.legacy), Object.keys(recorded.legacy), "the served group versions");
  for (const [path, document] of Object.entries(recorded.aggregated))
    assert.deepEqual(served.aggregated[path], document, `aggregated ${path}`);
  for (const [path, document] of Object.entries(recorded.legacy))
    assert.deepEqual(served.legacy[path], document, `legacy ${path}`);
});

test("the recorded discovery is what the reference kube-apiserver answers", { skip: unavailable }, async () => {
  assert.deepEqual(await discoveryDocuments(reference as TestEnv), recorded);
});
