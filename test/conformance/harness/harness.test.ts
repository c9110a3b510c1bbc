import assert from "node:assert/strict";
import { test } from "node:test";
import { normalize, normalizeKubectlOutput, normalizeLabel } from "./normalize.js";
import { compareRuns, countByArea, describeDifferences, type CaseOutcome } from "./runner.js";

test("normalize replaces only uids, timestamps, resourceVersions, continue tokens and Table ages", () => {
  const response = {
    metadata: {
      name: "g",
      uid: "0b7c1e0e-1111-2222-3333-444455556666",
      resourceVersion: "42",
      creationTimestamp: "2026-01-01T00:00:00Z",
      generation: 2,
    },
    managedFields: [{ manager: "alice", time: "2026-01-01T00:00:00Z" }],
    list: { continue: "eyJ2IjoibWV0YS5rOHMuaW8vdjEi", remainingItemCount: 3 },
    message: "too old resource version: 5 (9) for uid 0b7c1e0e-1111-2222-3333-444455556666",
  };
  assert.deepEqual(normalize(response), {
    metadata: {
      name: "g",
      uid: "<uid>",
      resourceVersion: "<resourceVersion>",
      creationTimestamp: "<timestamp>",
      generation: 2,
    },
    managedFields: [{ manager: "alice", time: "<timestamp>" }],
    list: { continue: "<continue>", remainingItemCount: 3 },
    message: "too old resource version: <rv> (<rv>) for uid <uid>",
  });
  const precondition =
    "the ResourceVersion in the precondition (203) does not match the ResourceVersion in record (204). The object might have been modified";
  assert.equal(
    normalize(precondition),
    "the ResourceVersion in the precondition (<rv>) does not match the ResourceVersion in record (<rv>). The object might have been modified",
  );
  const table = {
    kind: "Table",
    columnDefinitions: [{ name: "Name" }, { name: "Age" }, { name: "Created At", type: "date" }],
    rows: [{ cells: ["g", "5s", "2026-12-03T19:57:52Z"] }],
  };
  assert.deepEqual((normalize(table) as typeof table).rows, [{ cells: ["g", "<age>", "<timestamp>"] }]);
});

test("managedFields are compared in kube-apiserver's order less the write time", () => {
  const entry = (operation: string, manager: string, time: string, subresource?: string) => ({
    operation,
    manager,
    apiVersion: "g/v1",
    time,
    ...(subresource ? { subresource } : {}),
  });
  const sameSecond = [
    entry("Update", "kube-apiserver", "2026-01-01T00:00:00Z", "status"),
    entry("Update", "unknown", "2026-01-01T00:00:00Z"),
    entry("Apply", "z", "2026-01-01T00:00:09Z"),
  ];
  const secondsApart = [
    entry("Apply", "z", "2026-01-01T00:00:09Z"),
    entry("Update", "unknown", "2026-01-01T00:00:00Z"),
    entry("Update", "kube-apiserver", "2026-01-01T00:00:01Z", "status"),
  ];
  const normalized = normalize({ metadata: { managedFields: sameSecond } }) as {
    metadata: { managedFields: { manager: string }[] };
  };
  assert.deepEqual(normalized, normalize({ metadata: { managedFields: secondsApart } }));
  assert.deepEqual(
    normalized.metadata.managedFields.map((e) => e.manager),
    ["z", "kube-apiserver", "unknown"],
  );
});

test("step labels hide resourceVersion values and continue tokens, but keep resourceVersion=0 and other parameters", () => {
  assert.equal(
    normalizeLabel("WATCH /apis/g/v1/things?watch=true&resourceVersion=336&labelSelector=a%3Db"),
    "WATCH /apis/g/v1/things?watch=true&resourceVersion=<rv>&labelSelector=a%3Db",
  );
  assert.equal(
    normalizeLabel("GET /api/v1/things?limit=2&continue=eyJ2Ijoi"),
    "GET /api/v1/things?limit=2&continue=<continue>",
  );
  assert.equal(
    normalizeLabel("GET /api/v1/things?resourceVersion=0&limit=2"),
    "GET /api/v1/things?resourceVersion=0&limit=2",
  );
  assert.notEqual(
    normalizeLabel("GET /api/v1/things?resourceVersion=1&limit=2"),
    normalizeLabel("GET /api/v1/things?resourceVersion=1&limit=3"),
  );
});

test("kubectl output is compared modulo AGE and column widths", () => {
  const a = "NAME   SIZE   AGE\ng      3      5s\n";
  const b = "NAME SIZE AGE\ng    3    2m10s\n";
  assert.equal(normalizeKubectlOutput(a), normalizeKubectlOutput(b));
  assert.notEqual(normalizeKubectlOutput(a), normalizeKubectlOutput(b.replace("3", "4")));
});

test("kubectl diff output is compared modulo its temporary directories and file times", () => {
  const diff = (live: string, merged: string, time: string, change: string) =>
    `diff -u -N /tmp/LIVE-${live}/v1.Gizmo.ns.g /tmp/MERGED-${merged}/v1.Gizmo.ns.g\n--- /tmp/LIVE-${live}/v1.Gizmo.ns.g\t2026-11-25 16:10:02.${time} +0000\n${change}\n`;
  const a = diff("2532053422", "2561760827", "129120000", "-  size: 2");
  assert.equal(normalizeKubectlOutput(a), normalizeKubectlOutput(diff("11", "12", "5", "-  size: 2")));
  assert.notEqual(normalizeKubectlOutput(a), normalizeKubectlOutput(diff("11", "12", "5", "-  size: 3")));
});

test("compareRuns reports each differing step with the request, expected and got", () => {
  const reference = {
    failure: undefined,
    observations: [
      { label: "GET /a", request: { path: "/a" }, value: { status: 200 } },
      { label: "GET /b", value: 1 },
    ],
  };
  const candidate = {
    failure: undefined,
    observations: [{ label: "GET /a", request: { path: "/a" }, value: { status: 404 } }],
  };
  const differences = compareRuns(reference, candidate);
  assert.deepEqual(
    differences.map((d) => [d.step, d.label, d.got]),
    [
      [1, "GET /a", { label: "GET /a", value: { status: 404 } }],
      [2, "GET /b", "(no such step)"],
    ],
  );
  assert.deepEqual(compareRuns(reference, reference), []);
});

test("counts per area separate identical, differing and accepted cases", () => {
  const outcome = (verdict: CaseOutcome["verdict"]): CaseOutcome => ({
    area: "crud",
    name: verdict,
    reference: { observations: [], failure: undefined },
    candidate: { observations: [], failure: undefined },
    differences: [],
    accepted: undefined,
    verdict,
  });
  assert.deepEqual(countByArea([outcome("identical"), outcome("differing"), outcome("accepted")]).get("crud"), {
    cases: 3,
    identical: 1,
    differing: 1,
    accepted: 1,
    referenceFailures: 0,
  });
});

test("describeDifferences names each differing field by its path", () => {
  const lines = describeDifferences(
    { status: 400, body: { message: "a", causes: [{ field: "spec.x" }] } },
    { status: 400, body: { message: "b", causes: [{ field: "spec.y" }], extra: true } },
  );
  assert.deepEqual(lines, [
    'body.message: expected "a", got "b"',
    'body.causes[0].field: expected "spec.x", got "spec.y"',
    "body.extra: expected (absent), got true",
  ]);
});
