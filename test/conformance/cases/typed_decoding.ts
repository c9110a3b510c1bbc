/**
 * Built-in kinds' bodies decoded into their Go structs: a value of the wrong JSON type, invalid
 * base64 or a timestamp that does not parse is a 400 with the decoder's words (422 for a patch,
 * whose result is decoded), and timestamps are stored as the UTC instant they name.
 */
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, configMap, configMapsPath, expectStatus, gizmo, gizmosPath, GROUP_VERSION, MERGE } from "./helpers.js";

const leasesPath = (namespace: string, name?: string) =>
  `/apis/coordination.k8s.io/v1/namespaces/${namespace}/leases${name ? `/${name}` : ""}`;

export const typedDecodingCases: ConformanceCase[] = [
  {
    area: "bad-input",
    name: "built-in bodies with values of the wrong type are 400s with the decoder's message and store nothing",
    async run(t) {
      const bodies: [resource: string, body: Record<string, unknown>][] = [
        ["configmaps", { ...configMap("number-data"), data: { a: "x", b: 1 } }],
        [
          "configmaps",
          configMap(
            "owner",
            {},
            { ownerReferences: [{ apiVersion: "v1", kind: "X", name: "a", uid: "u", controller: "yes" }] },
          ),
        ],
        ["configmaps", configMap("uid", {}, { uid: 5 })],
        ["configmaps", { ...configMap("binary"), binaryData: { k: 5 }, immutable: "no" }],
        ["serviceaccounts", { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "numbers" }, secrets: [5] }],
        ["secrets", { apiVersion: "v1", kind: "Secret", metadata: { name: "not-base64" }, data: { a: "!!!" } }],
        [
          "events",
          {
            apiVersion: "v1",
            kind: "Event",
            metadata: { name: "when" },
            involvedObject: { name: "p" },
            firstTimestamp: 5,
          },
        ],
      ];
      for (const [resource, body] of bodies) {
        const path = `/api/v1/namespaces/${t.namespace}/${resource}`;
        expectStatus(await t.http({ method: "POST", path, body }), 400);
        expectStatus(await t.http({ path: `${path}/${(body.metadata as { name: string }).name}` }), 404);
      }
      const stored = await t.http({
        method: "POST",
        path: `/api/v1/namespaces/${t.namespace}/secrets`,
        body: {
          apiVersion: "v1",
          kind: "Secret",
          metadata: { name: "bytes" },
          data: { a: "aGVs\nbG8=", b: [104, 105] },
        },
      });
      expectStatus(stored, 201);
    },
  },
  {
    area: "bad-input",
    name: "timestamps are stored in UTC; a Lease time without microseconds is a 400",
    async run(t) {
      const lease = (name: string, spec: Record<string, unknown>) => ({
        apiVersion: "coordination.k8s.io/v1",
        kind: "Lease",
        metadata: { name },
        spec,
      });
      expectStatus(
        await t.http({
          method: "POST",
          path: leasesPath(t.namespace),
          body: lease("seconds", { holderIdentity: "a", renewTime: "2024-01-01T00:00:00Z" }),
        }),
        400,
      );
      expectStatus(
        await t.http({
          method: "POST",
          path: leasesPath(t.namespace),
          body: lease("nanos", { renewTime: "2024-01-01T00:00:00.123456789+01:00" }),
        }),
        400,
      );
      expectStatus(
        await t.http({
          method: "POST",
          path: leasesPath(t.namespace),
          body: lease("offset", {
            renewTime: "2024-01-01T00:00:00.123456+01:00",
            acquireTime: "2024-02-29T23:59:59.000001-00:30",
          }),
        }),
        201,
      );
      const renewed = await t.http({
        method: "PATCH",
        path: leasesPath(t.namespace, "offset"),
        contentType: MERGE,
        body: { spec: { renewTime: "2024-06-30T23:59:59.999999-02:00" } },
      });
      expectStatus(renewed, 200);
      const event = await t.http({
        method: "POST",
        path: `/api/v1/namespaces/${t.namespace}/events`,
        body: {
          apiVersion: "v1",
          kind: "Event",
          metadata: { name: "offset" },
          involvedObject: { kind: "ConfigMap", name: "c", namespace: t.namespace },
          reason: "Tested",
          message: "m",
          firstTimestamp: "2024-01-01T00:00:00+05:30",
          lastTimestamp: "2024-01-01T00:00:00.9Z",
        },
      });
      expectStatus(event, 201);
      t.record("stored times", {
        lease: bodyOf(renewed)["spec"],
        event: [bodyOf(event)["firstTimestamp"], bodyOf(event)["lastTimestamp"]],
      });
    },
  },
  {
    area: "bad-input",
    name: "a patch whose result has a value of the wrong type is a 422, and bad DeleteOptions a 400",
    async run(t) {
      expectStatus(
        await t.http({ method: "POST", path: configMapsPath(t.namespace), body: configMap("patched") }),
        201,
      );
      const outcomes: Record<string, unknown>[] = [];
      for (const [contentType, body] of [
        [MERGE, { metadata: { finalizers: [1] } }],
        [MERGE, { data: { b: true } }],
        ["application/strategic-merge-patch+json", { data: { b: 1 } }],
        ["application/json-patch+json", [{ op: "add", path: "/metadata/labels", value: { a: 1 } }]],
        ["application/json-patch+json", [{ op: "remove", path: "" }]],
      ] as const) {
        const response = await t.send({
          method: "PATCH",
          path: configMapsPath(t.namespace, "patched"),
          contentType,
          body,
        });
        outcomes.push({ contentType, status: response.status, reason: bodyOf(response)["reason"] });
      }
      t.record("patch outcomes", outcomes);
      for (const options of [
        { gracePeriodSeconds: "x", preconditions: { uid: "not-it" } },
        { propagationPolicy: 5 },
        { preconditions: { uid: 5 } },
      ]) {
        await t.http({
          method: "DELETE",
          path: configMapsPath(t.namespace, "patched"),
          body: { kind: "DeleteOptions", apiVersion: "v1", ...options },
        });
      }
      await t.http({ method: "DELETE", path: configMapsPath(t.namespace, "patched"), body: "just a string" });
      expectStatus(await t.http({ path: configMapsPath(t.namespace, "patched") }), 200);
    },
  },
  {
    area: "bad-input",
    name: "a body cut short inside an array or object is a 400 under every fieldValidation",
    async run(t) {
      for (const body of ["[", '{"apiVersion":"v1","kind":"ConfigMap","data":{"a":[1,']) {
        for (const fieldValidation of ["Ignore", "Warn", "Strict"]) {
          await t.http({
            method: "POST",
            path: `${configMapsPath(t.namespace)}?fieldValidation=${fieldValidation}`,
            contentType: "application/json",
            body,
          });
        }
      }
    },
  },
  {
    area: "bad-input",
    name: "decoding order: metadata type, apiVersion, kind; a null body; a PUT body without a name",
    async run(t) {
      const gizmos = gizmosPath(t.namespace);
      const bodies: unknown[] = [
        { kind: "Nope", metadata: [] },
        { apiVersion: GROUP_VERSION, kind: "ConfigMap", metadata: "x" },
        { kind: "Gizmo", metadata: { name: "versionless" }, spec: { size: 3 } },
        { metadata: { name: "kindless" }, spec: { size: 3 } },
        { apiVersion: 7, kind: "Gizmo", metadata: { name: "numbered" } },
        null,
      ];
      for (const body of bodies)
        await t.http({ method: "POST", path: gizmos, contentType: "application/json", body: JSON.stringify(body) });
      await t.http({
        method: "POST",
        path: configMapsPath(t.namespace),
        contentType: "application/json",
        body: "null",
      });
      await t.http({
        method: "POST",
        path: configMapsPath(t.namespace),
        body: { apiVersion: "v1", kind: true, metadata: { name: "kinded" } },
      });
      expectStatus(await t.http({ method: "POST", path: gizmos, body: gizmo("named") }), 201);
      expectStatus(await t.http({ method: "POST", path: configMapsPath(t.namespace), body: configMap("named") }), 201);
      await t.http({
        method: "PUT",
        path: gizmosPath(t.namespace, "named"),
        body: { apiVersion: GROUP_VERSION, kind: "Gizmo", metadata: { resourceVersion: "1" }, spec: { size: 3 } },
      });
      await t.http({
        method: "PUT",
        path: configMapsPath(t.namespace, "named"),
        body: { apiVersion: "v1", kind: "ConfigMap", data: {} },
      });
    },
  },
];
