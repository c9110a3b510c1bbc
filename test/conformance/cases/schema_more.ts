/**
 * Schema behaviour operator authors lean on beyond the basics of schema.ts: CEL transition rules
 * and error shaping, ObjectMeta validation, formats and Kubernetes extensions, multi-version CRDs.
 * Each case installs its own CRD (a Widget in a group named after the case's namespace).
 */
import assert from "node:assert/strict";
import type { Area, CaseContext, ConformanceCase } from "../harness/case.js";
import { bodyOf, configMap, configMapsPath, expectStatus } from "./helpers.js";

const CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

type Schema = Record<string, unknown>;
interface VersionOptions {
  readonly name: string;
  readonly storage: boolean;
  readonly deprecated?: boolean;
  readonly deprecationWarning?: string;
}

function widgetCrd(group: string, spec: Schema, versions: readonly VersionOptions[]) {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `widgets.${group}` },
    spec: {
      group,
      scope: "Namespaced",
      names: { plural: "widgets", singular: "widget", kind: "Widget", listKind: "WidgetList" },
      versions: versions.map((version) => ({
        ...version,
        served: true,
        schema: { openAPIV3Schema: { type: "object", properties: { spec } } },
      })),
    },
  };
}

/** A Widget CRD with this spec schema, installed and served; returns the collection path of `version`. */
async function installWidgets(
  t: CaseContext,
  spec: Schema,
  versions: readonly VersionOptions[] = [{ name: "v1", storage: true }],
) {
  const group = `${t.namespace}.schema.example.com`;
  const created = await t.send({ method: "POST", path: CRDS, body: widgetCrd(group, spec, versions) });
  expectStatus(created, 201);
  const paths = versions.map((version) => `/apis/${group}/${version.name}/namespaces/${t.namespace}/widgets`);
  for (const path of paths)
    await t.eventually(`${path} to be served`, async () =>
      (await t.send({ path })).status === 200 ? true : undefined,
    );
  return { group, paths };
}

function widget(group: string, name: string, spec: unknown, metadata: Record<string, unknown> = {}, version = "v1") {
  return { apiVersion: `${group}/${version}`, kind: "Widget", metadata: { name, ...metadata }, spec };
}

/** Installs a CRD with `spec`, creates each body in turn, expecting the statuses given. */
function createsCase(
  area: Area,
  name: string,
  spec: Schema,
  attempts: readonly { spec: unknown; metadata?: Record<string, unknown>; status: number }[],
): ConformanceCase {
  return {
    area,
    name,
    async run(t) {
      const { group, paths } = await installWidgets(t, spec);
      for (const [index, attempt] of attempts.entries()) {
        const response = await t.http({
          method: "POST",
          path: paths[0]!,
          body: widget(group, `w${index}`, attempt.spec, attempt.metadata),
        });
        expectStatus(response, attempt.status);
      }
    },
  };
}

/** Creates a widget, then replaces its spec with each of `updates` in turn, expecting the statuses given. */
function updatesCase(
  area: Area,
  name: string,
  spec: Schema,
  initial: unknown,
  updates: readonly { spec: unknown; status: number }[],
): ConformanceCase {
  return {
    area,
    name,
    async run(t) {
      const { group, paths } = await installWidgets(t, spec);
      const path = paths[0]!;
      expectStatus(await t.http({ method: "POST", path, body: widget(group, "w", initial) }), 201);
      for (const update of updates) {
        const current = bodyOf(await t.send({ path: `${path}/w` }));
        const response = await t.http({ method: "PUT", path: `${path}/w`, body: { ...current, spec: update.spec } });
        expectStatus(response, update.status);
      }
    },
  };
}

const immutableModeSchema: Schema = {
  type: "object",
  properties: {
    mode: { type: "string", "x-kubernetes-validations": [{ rule: "self == oldSelf", message: "mode is immutable" }] },
    size: { type: "integer" },
  },
};

const shapedErrorsSchema: Schema = {
  type: "object",
  properties: {
    replicas: { type: "integer" },
    max: { type: "integer" },
    owner: { type: "string", maxLength: 16 },
    team: { type: "string", maxLength: 16 },
  },
  "x-kubernetes-validations": [
    {
      rule: "self.replicas <= self.max",
      messageExpression: "self.replicas > 2 * self.max ? '  replicas far above max  ' : 'replicas above max'",
      reason: "FieldValueForbidden",
      fieldPath: ".replicas",
    },
    { rule: "has(self.owner)", message: "an owner is required", reason: "FieldValueRequired", fieldPath: ".owner" },
    { rule: "self.max < 100", reason: "FieldValueInvalid" },
    {
      rule: "!has(self.team) || self.team != 'root'",
      messageExpression: "'team ' + self.team + ' is reserved'",
      fieldPath: ".team",
    },
  ],
};

const collectionsSchema: Schema = {
  type: "object",
  properties: {
    names: {
      type: "array",
      maxItems: 8,
      items: { type: "string", maxLength: 16 },
      "x-kubernetes-validations": [
        { rule: "self.all(n, n.size() <= 5)", message: "every name must be at most 5 characters" },
        { rule: "size(self) == size(self.map(n, n.lowerAscii()))", message: "unused" },
        { rule: "self.exists(n, n == 'main')", message: "one name must be main" },
      ],
    },
    weights: {
      type: "object",
      maxProperties: 4,
      additionalProperties: { type: "integer" },
      "x-kubernetes-validations": [
        { rule: "self.all(k, k.startsWith('w-'))", message: "weight keys start with w-" },
        { rule: "size(self) <= 2", messageExpression: "size(self) > 3 ? 'far too many weights' : 'at most 2 weights'" },
      ],
    },
  },
};

const ratchetingSchema: Schema = {
  type: "object",
  properties: {
    level: {
      type: "integer",
      "x-kubernetes-validations": [
        {
          rule: "!oldSelf.hasValue() || self >= oldSelf.value()",
          optionalOldSelf: true,
          message: "level may not decrease",
        },
      ],
    },
    servers: {
      type: "array",
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["name"],
      items: {
        type: "object",
        required: ["name"],
        properties: {
          name: { type: "string" },
          port: {
            type: "integer",
            "x-kubernetes-validations": [{ rule: "self == oldSelf", message: "a server's port is immutable" }],
          },
        },
      },
    },
  },
};

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

const plainSchema: Schema = { type: "object", properties: { a: { type: "string" } } };

export const schemaMoreCases: ConformanceCase[] = [
  updatesCase(
    "cel",
    "a self == oldSelf transition rule makes a field immutable on update only",
    immutableModeSchema,
    { mode: "fast", size: 1 },
    [
      { spec: { mode: "fast", size: 2 }, status: 200 },
      { spec: { mode: "slow", size: 2 }, status: 422 },
    ],
  ),
  createsCase("cel", "messageExpression, reason and fieldPath shape a failing rule's error", shapedErrorsSchema, [
    { spec: { replicas: 500, max: 200, team: "root" }, status: 422 },
    { spec: { replicas: 1, max: 3, owner: "me" }, status: 201 },
  ]),
  createsCase("cel", "rules on lists and maps with all(), exists() and size()", collectionsSchema, [
    // The list and the map in separate requests: kube-apiserver visits sibling fields in Go's random map order.
    { spec: { names: ["toolong", "x"] }, status: 422 },
    { spec: { weights: { a: 1, "w-b": 2, "w-c": 3 } }, status: 422 },
    { spec: { names: ["main", "x"], weights: { "w-a": 1 } }, status: 201 },
  ]),
  updatesCase(
    "cel",
    "optionalOldSelf rules run on create, and list-map items are compared with the item of the same key",
    ratchetingSchema,
    { level: 2, servers: [{ name: "a", port: 80 }] },
    [
      // One violation per update: kube-apiserver visits sibling fields in Go's random map order.
      { spec: { level: 1, servers: [{ name: "a", port: 80 }] }, status: 422 },
      { spec: { level: 2, servers: [{ name: "a", port: 81 }] }, status: 422 },
      {
        spec: {
          level: 3,
          servers: [
            { name: "b", port: 81 },
            { name: "a", port: 80 },
          ],
        },
        status: 200,
      },
    ],
  ),
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
  {
    area: "crd-lifecycle",
    name: "two served versions without conversion: each object reads back in either version",
    async run(t) {
      const { group, paths } = await installWidgets(t, plainSchema, [
        { name: "v1beta1", storage: false },
        { name: "v1", storage: true },
      ]);
      const [beta, stable] = [paths[0]!, paths[1]!];
      expectStatus(
        await t.http({ method: "POST", path: beta, body: widget(group, "old", { a: "x" }, {}, "v1beta1") }),
        201,
      );
      expectStatus(await t.http({ method: "POST", path: stable, body: widget(group, "new", { a: "y" }) }), 201);
      expectStatus(await t.http({ path: `${stable}/old` }), 200);
      expectStatus(await t.http({ path: `${beta}/new` }), 200);
      expectStatus(await t.http({ path: beta }), 200);
      const mismatched = await t.http({
        method: "POST",
        path: stable,
        body: widget(group, "mixed", { a: "z" }, {}, "v1beta1"),
      });
      expectStatus(mismatched, 400);
      const crd = bodyOf(await t.send({ path: `${CRDS}/widgets.${group}` }));
      t.record("storedVersions", crd["status"].storedVersions);
    },
  },
  {
    area: "crd-lifecycle",
    name: "a deprecated version answers with its deprecation warning, or the default one",
    async run(t) {
      const { group, paths } = await installWidgets(t, plainSchema, [
        { name: "v1alpha1", storage: false, deprecated: true },
        {
          name: "v1beta1",
          storage: false,
          deprecated: true,
          deprecationWarning: "v1beta1 widgets go away soon; use v1",
        },
        { name: "v1", storage: true },
      ]);
      expectStatus(
        await t.http({ method: "POST", path: paths[0]!, body: widget(group, "a", { a: "x" }, {}, "v1alpha1") }),
        201,
      );
      expectStatus(await t.http({ path: paths[1]! }), 200);
      const current = await t.http({ path: `${paths[2]!}/a` });
      assert.deepEqual(current.warnings, []);
    },
  },
];
