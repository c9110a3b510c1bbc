/**
 * The kinds `uselessctl/apis/<group>/<version>` declares are the ones the real kube-apiserver
 * serves: same resource name (plural), kind and scope in its discovery documents.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { KindDescriptor } from "uselessctl";
import { startTestEnv, type TestEnv } from "uselessctl/testenv";
import { readCommittedApis } from "../../hack/apis/generate.js";
import { sendRequest } from "./harness/http.js";
import { endpointOf, referenceUnavailableReason } from "./harness/targets.js";

const unavailable = referenceUnavailableReason();

interface DiscoveredResource {
  name: string;
  kind: string;
  namespaced: boolean;
}

function isKindDescriptor(value: unknown): value is KindDescriptor {
  return typeof value === "object" && value !== null && "plural" in value && "apiVersion" in value;
}

/** Every kind descriptor the generated modules export, by apiVersion. */
async function generatedKinds(): Promise<Map<string, KindDescriptor[]>> {
  const byApiVersion = new Map<string, KindDescriptor[]>();
  for (const file of readCommittedApis().keys()) {
    const module = (await import(`uselessctl/apis/${file.replace(/\.ts$/, "")}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (name === "SchemeGroupVersion" || !isKindDescriptor(value)) continue;
      byApiVersion.set(value.apiVersion, [...(byApiVersion.get(value.apiVersion) ?? []), value]);
    }
  }
  return byApiVersion;
}

let env: TestEnv | undefined;
before(async () => {
  if (!unavailable) env = await startTestEnv({ controlPlane: "binaries", useExistingCluster: false });
});
after(() => env?.stop());

test("every generated kind is served with its plural, kind and scope", { skip: unavailable }, async (t) => {
  const endpoint = endpointOf(env as TestEnv);
  const kinds = await generatedKinds();
  const problems: string[] = [];
  for (const [apiVersion, descriptors] of kinds) {
    const response = await sendRequest(endpoint, {
      path: apiVersion.includes("/") ? `/apis/${apiVersion}` : "/api/v1",
    });
    if (response.status !== 200) {
      problems.push(`${apiVersion}: discovery answered ${response.status}`);
      continue;
    }
    const served = ((response.body as { resources?: DiscoveredResource[] }).resources ?? []).filter(
      (resource) => !resource.name.includes("/"),
    );
    for (const descriptor of descriptors) {
      const resource = served.find((candidate) => candidate.kind === descriptor.kind);
      const declared = `${descriptor.plural} (namespaced: ${descriptor.namespaced})`;
      if (!resource) problems.push(`${apiVersion} ${descriptor.kind}: declared as ${declared}, not served`);
      else if (resource.name !== descriptor.plural || resource.namespaced !== descriptor.namespaced)
        problems.push(
          `${apiVersion} ${descriptor.kind}: declared as ${declared}, served as ${resource.name} (namespaced: ${resource.namespaced})`,
        );
    }
    const undeclared = served.filter(
      (resource) => !descriptors.some((descriptor) => descriptor.kind === resource.kind),
    );
    for (const resource of undeclared)
      t.diagnostic(`${apiVersion} serves ${resource.name} (${resource.kind}) with no kind declared`);
  }
  assert.deepEqual(problems, []);
});
