/**
 * `npm run apis:discovery`: records the reference kube-apiserver's discovery documents in
 * hack/apis/reference_discovery.json, which the catalog generator (`npm run apis:generate`) reads
 * for each built-in resource's names, verbs, scope, short names, categories and subresources.
 * Needs the reference control plane (`npm run control-plane:build`).
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { startTestEnv, type TestEnv } from "uselessctl/testenv";
import { sendRequest } from "../../test/conformance/harness/http.js";
import { endpointOf } from "../../test/conformance/harness/targets.js";

export const REFERENCE_DISCOVERY_FILE = fileURLToPath(new URL("reference_discovery.json", import.meta.url));

const aggregatedMediaType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

/** A server's discovery documents: aggregated /api and /apis, and every legacy document by path. */
export interface DiscoveryDocuments {
  aggregated: Record<string, unknown>;
  legacy: Record<string, unknown>;
}

/** Every discovery document `env`'s server answers. Errors: a document that is not a 200 throws. */
export async function discoveryDocuments(env: TestEnv): Promise<DiscoveryDocuments> {
  const endpoint = endpointOf(env);
  const get = async (path: string, accept?: string): Promise<Record<string, unknown>> => {
    const response = await sendRequest(endpoint, { path, ...(accept ? { accept } : {}) });
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    return response.body as Record<string, unknown>;
  };
  const documents: DiscoveryDocuments = { aggregated: {}, legacy: {} };
  for (const path of ["/api", "/apis"]) documents.aggregated[path] = await get(path, aggregatedMediaType);
  const legacyApi = await get("/api");
  // The address clients reach the server at names its port, which differs per start.
  delete legacyApi.serverAddressByClientCIDRs;
  const groups = await get("/apis");
  documents.legacy = { "/api": legacyApi, "/apis": groups, "/api/v1": await get("/api/v1") };
  for (const group of groups.groups as { versions: { groupVersion: string }[] }[])
    for (const { groupVersion } of group.versions)
      documents.legacy[`/apis/${groupVersion}`] = await get(`/apis/${groupVersion}`);
  return documents;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const env = await startTestEnv({ controlPlane: "binaries", useExistingCluster: false });
  try {
    const text = JSON.stringify(await discoveryDocuments(env));
    const options = await prettier.resolveConfig(REFERENCE_DISCOVERY_FILE);
    writeFileSync(
      REFERENCE_DISCOVERY_FILE,
      await prettier.format(text, { ...options, filepath: REFERENCE_DISCOVERY_FILE }),
    );
    console.log(`wrote ${REFERENCE_DISCOVERY_FILE}`);
  } finally {
    await env.stop();
  }
}
