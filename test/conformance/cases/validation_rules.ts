/**
 * Schema and ObjectMeta validation of custom resources beyond schema.ts: labels, finalizers, owner
 * references, names, formats, embedded resources, list types and ratcheting. Each case installs its own
 * Widget CRD (widget_crd.ts).
 */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, configMap, configMapsPath, CRDS, expectStatus } from "./helpers.js";
import { createsCase, installWidgets, plainSchema, type Schema, widget } from "./widget_crd.js";

const formatsSchema: Schema = {
  type: "object",
  properties: {
    at: { type: "string", format: "date-time" },
    day: { type: "string", format: "date" },
    small: { type: "integer", format: "int32" },
    big: { type: "integer", format: "int64" },
    blob: { type: "string", format: "byte" },
    id: { type: "string", format: "uuid" },
  },
};

const embeddedSchema: Schema = {
  type: "object",
  properties: {
    template: {
      type: "object",
      "x-kubernetes-embedded-resource": true,
      "x-kubernetes-preserve-unknown-fields": true,
    },
  },
};

const listsSchema: Schema = {
  type: "object",
  properties: {
    ports: { type: "array", items: { "x-kubernetes-int-or-string": true } },
    tags: { type: "array", "x-kubernetes-list-type": "set", items: { type: "string" } },
    endpoints: {
      type: "array",
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["host", "port"],
      items: {
        type: "object",
        required: ["host", "port"],
        properties: { host: { type: "string" }, port: { type: "integer" }, weight: { type: "integer" } },
      },
    },
  },
};

export const validationRuleCases: ConformanceCase[] = [
  createsCase(
    "validation",
    "invalid label keys and values on a custom resource are reported",
    plainSchema,
    // One bad label per request: kube-apiserver walks a map in Go's random order.
    [
      { "bad key": "ok" },
      { "example.com/": "v" },
      { "a/b/c": "v" },
      { "Example.COM/x": "v" },
      { ok: "not valid!" },
      { long: "x".repeat(64) },
      { [`${"k".repeat(64)}`]: "v" },
    ].map((labels) => ({ spec: {}, metadata: { labels }, status: 422 })),
  ),
  createsCase(
    "validation",
    "invalid finalizer names and owner references on a custom resource are reported",
    plainSchema,
    [
      {
        spec: {},
        metadata: {
          finalizers: ["no spaces allowed", "example.com/ok", "a/b/c", "plain"],
          ownerReferences: [
            { apiVersion: "v1", name: "owner" },
            { apiVersion: "v1", kind: "ConfigMap", name: "other", uid: "" },
          ],
        },
        status: 422,
      },
      { spec: {}, metadata: { ownerReferences: [{ kind: "ConfigMap", name: "", uid: "1234" }] }, status: 422 },
    ],
  ),
  {
    area: "validation",
    name: "a configmap with a too-long name, bad annotation keys or a bad generateName is reported",
    async run(t) {
      const post = (body: unknown) => t.send({ method: "POST", path: configMapsPath(t.namespace), body });
      expectStatus(
        await t.http({ method: "POST", path: configMapsPath(t.namespace), body: configMap("n".repeat(254), {}) }),
        422,
      );
      for (const annotations of [
        { "Example.COM/ok": "v", "bad key": "v" },
        { [`${"a".repeat(64)}`]: "v" },
        { "/x": "v" },
      ]) {
        expectStatus(
          await t.http({
            method: "POST",
            path: configMapsPath(t.namespace),
            body: configMap("annotated", {}, { annotations }),
          }),
          422,
        );
      }
      for (const generateName of ["Bad_", `${"g".repeat(300)}-`]) {
        const response = await post({ apiVersion: "v1", kind: "ConfigMap", metadata: { generateName }, data: {} });
        expectStatus(response, 422);
        // The generated name ends in five random characters on either server.
        const generated = String(bodyOf(response)["details"]?.name ?? "");
        assert.match(generated, /^[-a-zA-Z_g]{1,58}[a-z0-9]{5}$/);
        const text = JSON.stringify(bodyOf(response)).replaceAll(generated, `${generated.slice(0, -5)}<random>`);
        t.record(`create with generateName ${generateName.slice(0, 10)}...`, JSON.parse(text));
      }
    },
  },
  createsCase(
    "validation",
    "formats: date-time, date, int32 and int64 bounds, byte and uuid (one violation per request)",
    formatsSchema,
    [
      { at: "yesterday" },
      { day: "2024-13-45" },
      { small: 2147483648 },
      { small: 1.5 },
      { blob: "not base64!" },
      { id: "not-a-uuid" },
    ]
      .map((spec): { spec: unknown; status: number } => ({ spec, status: 422 }))
      .concat([
        {
          spec: {
            at: "2024-02-29T12:00:00Z",
            day: "2024-02-29",
            small: -2147483648,
            big: 9007199254740991,
            blob: "aGVsbG8=",
            id: "0b3c6b2c-2f0a-4c5e-9d49-8a0f5e3f8c11",
          },
          status: 201,
        },
      ]),
  ),
  createsCase(
    "validation",
    "an embedded resource needs apiVersion and kind, and its metadata is validated",
    embeddedSchema,
    [
      { spec: { template: { metadata: { name: "x" } } }, status: 422 },
      {
        spec: { template: { apiVersion: "v1", kind: "Pod", metadata: { name: "Not_Valid", namespace: "elsewhere" } } },
        status: 201,
      },
      { spec: { template: { apiVersion: "v1", kind: "Pod", metadata: { labels: { "bad key": "v" } } } }, status: 422 },
      // One bad field per request: kube-apiserver checks apiVersion, kind and metadata in Go's random map order.
      { spec: { template: { apiVersion: "a/b/c", kind: "Pod" } }, status: 422 },
      { spec: { template: { apiVersion: "v1", kind: "Not A Kind" } }, status: 422 },
      {
        spec: { template: { apiVersion: "v1", kind: "Pod", metadata: { name: "has/slash", finalizers: ["a/b/c"] } } },
        status: 422,
      },
      {
        spec: {
          template: {
            apiVersion: "v1",
            kind: "Pod",
            metadata: { name: "fine", unknownField: 1 },
            extra: { kept: true },
          },
        },
        status: 201,
      },
    ],
  ),
  createsCase("validation", "int-or-string list items, and duplicates in list-type set and map", listsSchema, [
    { spec: { ports: [80, "http", true] }, status: 422 },
    { spec: { tags: ["a", "b", "a", "b"] }, status: 422 },
    {
      spec: {
        endpoints: [
          { host: "h", port: 1 },
          { host: "h", port: 2 },
          { host: "h", port: 1, weight: 3 },
        ],
      },
      status: 422,
    },
    {
      spec: {
        ports: [80, "http"],
        tags: ["a", "b"],
        endpoints: [
          { host: "h", port: 1 },
          { host: "h", port: 2 },
        ],
      },
      status: 201,
    },
  ]),
  {
    area: "validation",
    name: "after a schema and a rule are tightened, an update leaving the now-invalid fields unchanged is accepted (ratcheting)",
    async run(t) {
      const spec = {
        type: "object",
        properties: { a: { type: "string" }, b: { type: "integer" }, c: { type: "integer" } },
      };
      const { group, paths } = await installWidgets(t, spec);
      const path = paths[0]!;
      expectStatus(await t.http({ method: "POST", path, body: widget(group, "w", { a: "x", b: 9, c: 9 }) }), 201);
      const crd = bodyOf(await t.send({ path: `${CRDS}/widgets.${group}` }));
      const properties = crd["spec"].versions[0].schema.openAPIV3Schema.properties.spec.properties;
      properties.b.maximum = 5;
      properties.c["x-kubernetes-validations"] = [{ rule: "self <= 5", message: "c may be at most 5" }];
      expectStatus(await t.send({ method: "PUT", path: `${CRDS}/widgets.${group}`, body: crd }), 200);
      await t.eventually("the tighter schema to be enforced", async () => {
        const probe = await t.send({
          method: "POST",
          path: `${path}?dryRun=All`,
          body: widget(group, "probe", { b: 9 }),
        });
        return probe.status === 422 ? true : undefined;
      });
      const update = async (change: Record<string, unknown>) => {
        const current = bodyOf(await t.send({ path: `${path}/w` }));
        return t.http({
          method: "PUT",
          path: `${path}/w`,
          body: { ...current, spec: { ...current["spec"], ...change } },
        });
      };
      expectStatus(await update({ a: "y" }), 200);
      expectStatus(await update({ b: 8 }), 422);
      expectStatus(await update({ b: 4, a: "z" }), 200);
      expectStatus(await update({ c: 6 }), 422);
    },
  },
];
