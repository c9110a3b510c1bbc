/**
 * Property-based robustness: a few hundred generated requests (bodies, YAML, query parameters,
 * selectors, patches of every type, delete options; test/helpers/hostile_requests.ts) against the
 * embedded server, seeded so that a failure replays. Invariants, checked after every request: no
 * 5xx; a rejected request leaves the store's revision unchanged (nothing stored); no response
 * larger than a few MiB; every collection still lists; memory stays bounded. Where the real
 * control plane is built, each request also goes to kube-apiserver and must get the same status
 * code there, except patches and custom resource writes, whose agreement is only reported (open
 * differences: JSON patch operations on "/", merge patches that are not objects, Strict merge
 * patches with unknown fields; a custom resource PUT checks its kind and missing resourceVersion
 * before the name and strict decoding, which kube-apiserver checks first; an Exact list of an old
 * revision depends on the history each server keeps).
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { rawRequest, type RawResponse } from "../helpers/embedded_apiserver.js";
import { RESOURCES, TARGET_NAME, requestArbitrary, type GeneratedRequest } from "../helpers/hostile_requests.js";
import { startTargets, type StartedTargets, type Target } from "../conformance/harness/targets.js";

const SEED = 20261203;
const RUNS = 300;
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
const MAX_RSS_GROWTH_BYTES = 400 * 1024 * 1024;

function send(target: Target, request: Omit<GeneratedRequest, "resource" | "bounded">): Promise<RawResponse> {
  return rawRequest(target.endpoint, request.method, request.path, {
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(request.contentType === undefined ? {} : { contentType: request.contentType }),
  });
}

/** The store's newest revision, as every list reports it. */
async function revisionOf(target: Target, namespace: string): Promise<string> {
  const response = await send(target, { method: "GET", path: `/api/v1/namespaces/${namespace}/configmaps?limit=1` });
  assert.equal(response.status, 200, response.body);
  return String((response.json().metadata as { resourceVersion?: string }).resourceVersion);
}

/** Recreates the object the generated updates, patches and deletes address, when a run removed it. */
async function ensureTargets(target: Target, namespace: string): Promise<void> {
  for (const resource of RESOURCES) {
    const path = `${resource.collectionPath(namespace)}/${TARGET_NAME}`;
    if ((await send(target, { method: "GET", path })).status !== 404) continue;
    const object = { apiVersion: resource.apiVersion, kind: resource.kind, metadata: { name: TARGET_NAME } };
    const body = JSON.stringify(resource.kind === "Gizmo" ? { ...object, spec: { size: 3 } } : object);
    const created = await send(target, {
      method: "POST",
      path: resource.collectionPath(namespace),
      body,
      contentType: "application/json",
    });
    assert.equal(created.status, 201, created.body);
  }
}

/** Requests whose status code must match kube-apiserver's (see the file comment). */
function mustAgree(request: GeneratedRequest): boolean {
  // An Exact list of an old revision depends on how much history each server still keeps.
  if (request.method === "GET") return !/resourceVersionMatch=Exact/.test(request.path);
  if (request.bounded || request.method === "DELETE") return true;
  return request.method !== "PATCH" && request.resource.kind !== "Gizmo";
}

function describeRequest(request: GeneratedRequest): string {
  const body = request.body === undefined ? "" : ` ${request.contentType} ${request.body.slice(0, 200)}`;
  return `${request.method} ${request.path}${body}`;
}

describe("embedded API server: generated hostile requests", () => {
  let targets: StartedTargets;
  const namespace = `robust-${randomBytes(3).toString("hex")}`;

  before(async () => {
    targets = await startTargets();
    for (const target of [targets.candidate, targets.reference]) {
      if (!target) continue;
      const body = JSON.stringify({ apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } });
      const created = await send(target, {
        method: "POST",
        path: "/api/v1/namespaces",
        body,
        contentType: "application/json",
      });
      assert.equal(created.status, 201, created.body);
    }
  });
  after(() => targets.stop());

  it(`keeps its invariants over ${RUNS} seeded requests`, { timeout: 120_000 }, async (t) => {
    const candidate = targets.candidate;
    assert.ok(candidate, "the embedded server started");
    const reference = targets.reference;
    if (!reference) t.diagnostic(`reference comparison skipped: ${targets.notes.join("; ")}`);
    const startRss = process.memoryUsage().rss;
    const counts = { requests: 0, checks: 0, rejected: 0, compared: 0, agreed: 0 };
    const disagreements: string[] = [];
    const check = (condition: boolean, message: () => string): void => {
      counts.checks += 1;
      assert.ok(condition, message());
    };
    const property = fc.asyncProperty(requestArbitrary(namespace), async (request) => {
      await ensureTargets(candidate, namespace);
      const before = await revisionOf(candidate, namespace);
      const response = await send(candidate, request);
      counts.requests += 1;
      const what = () => `${response.status} for ${describeRequest(request)}: ${response.body.slice(0, 300)}`;
      check(response.status < 500, what);
      check(Buffer.byteLength(response.body) < MAX_RESPONSE_BYTES, what);
      if (response.status >= 400) {
        counts.rejected += 1;
        const afterwards = await revisionOf(candidate, namespace);
        check(
          afterwards === before,
          () => `a rejected request changed the store (${before} -> ${afterwards}): ${what()}`,
        );
      }
      check(process.memoryUsage().rss - startRss < MAX_RSS_GROWTH_BYTES, () => `memory grew past the bound: ${what()}`);
      if (!reference) return;
      await ensureTargets(reference, namespace);
      const expected = await send(reference, request);
      counts.compared += 1;
      if (expected.status === response.status) counts.agreed += 1;
      else if (disagreements.length < 20)
        disagreements.push(`${expected.status} vs ${response.status}: ${describeRequest(request)}`);
      if (mustAgree(request))
        check(expected.status === response.status, () => `reference ${expected.status}: ${what()}`);
    });
    await fc.assert(property, { seed: SEED, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true });
    for (const resource of RESOURCES) {
      const listed = await send(candidate, { method: "GET", path: resource.collectionPath(namespace) });
      check(listed.status === 200, () => `${resource.kind} no longer lists: ${listed.body.slice(0, 300)}`);
    }
    t.diagnostic(
      `robustness: ${counts.requests} requests tried, ${counts.checks} invariant checks held, ${counts.rejected} rejected with nothing stored`,
    );
    if (reference) {
      t.diagnostic(`robustness: status codes agree with kube-apiserver on ${counts.agreed} of ${counts.compared}`);
      for (const line of disagreements) t.diagnostic(`  differs: ${line.slice(0, 300)}`);
    }
  });
});
