/**
 * What operators lean on when they write: server-side apply on list-map, set and atomic fields
 * with two managers, the status subresource, immutable ConfigMaps and Secrets, and the kubectl
 * verbs an operator author types.
 */
import assert from "node:assert/strict";
import type { CaseContext, ConformanceCase } from "../harness/case.js";
import {
  bodyOf,
  configMap,
  configMapsPath,
  CRDS,
  establish,
  expectStatus,
  gizmo,
  GROUP_VERSION,
  gizmosPath,
} from "./helpers.js";

const APPLY = "application/apply-patch+yaml";
const MERGE = "application/merge-patch+json";

/**
 * A CRD whose spec has one field per list and map type server-side apply knows; with
 * `statusSubresource`, a status subresource whose conditions are a list-map keyed by type.
 */
function rackCrd(group: string, statusSubresource: boolean) {
  const stringType = { type: "string" };
  const conditions = {
    type: "array",
    "x-kubernetes-list-type": "map",
    "x-kubernetes-list-map-keys": ["type"],
    items: {
      type: "object",
      required: ["type", "status"],
      properties: { type: stringType, status: stringType, reason: stringType },
    },
  };
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `racks.${group}` },
    spec: {
      group,
      scope: "Namespaced",
      names: { plural: "racks", singular: "rack", kind: "Rack", listKind: "RackList" },
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          ...(statusSubresource ? { subresources: { status: {} } } : {}),
          schema: {
            openAPIV3Schema: {
              type: "object",
              properties: {
                spec: {
                  type: "object",
                  properties: {
                    ports: {
                      type: "array",
                      "x-kubernetes-list-type": "map",
                      "x-kubernetes-list-map-keys": ["name"],
                      items: {
                        type: "object",
                        required: ["name"],
                        properties: { name: stringType, port: { type: "integer" } },
                      },
                    },
                    tags: { type: "array", "x-kubernetes-list-type": "set", items: stringType },
                    hosts: { type: "array", items: stringType },
                    selector: { type: "object", "x-kubernetes-map-type": "atomic", additionalProperties: stringType },
                    a: stringType,
                    b: stringType,
                  },
                },
                status: { type: "object", properties: { phase: stringType, conditions } },
              },
            },
          },
        },
      ],
    },
  };
}

/** Installs the Rack CRD in a group of the case's own; resolves to the racks collection path. */
async function installRacks(
  t: CaseContext,
  statusSubresource = false,
): Promise<(name?: string, subresource?: string) => string> {
  const group = `${t.namespace}.racks.example.com`;
  expectStatus(await t.send({ method: "POST", path: CRDS, body: rackCrd(group, statusSubresource) }), 201);
  await establish(t, `racks.${group}`);
  return (name, subresource) =>
    `/apis/${group}/v1/namespaces/${t.namespace}/racks${name ? `/${name}` : ""}${subresource ? `/${subresource}` : ""}`;
}

function rackManifest(
  path: (name?: string) => string,
  name: string,
  spec: Record<string, unknown> | undefined,
  status?: Record<string, unknown>,
): string {
  const apiVersion = path().split("/").slice(2, 4).join("/");
  return JSON.stringify({
    apiVersion,
    kind: "Rack",
    metadata: { name },
    ...(spec ? { spec } : {}),
    ...(status ? { status } : {}),
  });
}

function apply(t: CaseContext, path: string, body: string, manager: string, force = false) {
  return t.http({
    method: "PATCH",
    path: `${path}?fieldManager=${manager}${force ? "&force=true" : ""}`,
    contentType: APPLY,
    body,
  });
}

export const writeMoreCases: ConformanceCase[] = [
  {
    area: "patch",
    name: "server-side apply: two managers keep their own items of a list-map and of a set",
    async run(t) {
      const racks = await installRacks(t);
      const alice = rackManifest(racks, "r", { ports: [{ name: "http", port: 80 }], tags: ["x"] });
      expectStatus(await apply(t, racks("r"), alice, "alice"), 201);
      const bob = rackManifest(racks, "r", { ports: [{ name: "metrics", port: 9090 }], tags: ["y"] });
      const both = await apply(t, racks("r"), bob, "bob");
      expectStatus(both, 200);
      assert.deepEqual(bodyOf(both)["spec"].ports, [
        { name: "http", port: 80 },
        { name: "metrics", port: 9090 },
      ]);
      assert.deepEqual(bodyOf(both)["spec"].tags, ["x", "y"]);
      const conflict = await apply(
        t,
        racks("r"),
        rackManifest(racks, "r", { ports: [{ name: "http", port: 8080 }] }),
        "bob",
      );
      expectStatus(conflict, 409);
    },
  },
  {
    area: "patch",
    name: "server-side apply: an atomic list and an atomic map are owned and replaced whole",
    async run(t) {
      const racks = await installRacks(t);
      const alice = rackManifest(racks, "r", { hosts: ["h1", "h2"], selector: { app: "a", tier: "web" } });
      expectStatus(await apply(t, racks("r"), alice, "alice"), 201);
      const bob = rackManifest(racks, "r", { hosts: ["h3"], selector: { app: "b" } });
      expectStatus(await apply(t, racks("r"), bob, "bob"), 409);
      const forced = await apply(t, racks("r"), bob, "bob", true);
      expectStatus(forced, 200);
      assert.deepEqual(bodyOf(forced)["spec"].hosts, ["h3"]);
      assert.deepEqual(bodyOf(forced)["spec"].selector, { app: "b" });
    },
  },
  {
    area: "patch",
    name: "server-side apply: a dropped field is removed unless another manager co-owns it",
    async run(t) {
      const racks = await installRacks(t);
      const first = rackManifest(racks, "r", {
        a: "one",
        b: "two",
        ports: [{ name: "http", port: 80 }],
        tags: ["x", "shared"],
      });
      expectStatus(await apply(t, racks("r"), first, "alice"), 201);
      expectStatus(await apply(t, racks("r"), rackManifest(racks, "r", { b: "two", tags: ["shared"] }), "bob"), 200);
      const dropped = await apply(t, racks("r"), rackManifest(racks, "r", { tags: ["x"] }), "alice");
      expectStatus(dropped, 200);
      assert.equal(bodyOf(dropped)["spec"].a, undefined);
      assert.equal(bodyOf(dropped)["spec"].b, "two");
      assert.deepEqual(bodyOf(dropped)["spec"].tags, ["x", "shared"]);
    },
  },
  {
    area: "patch",
    name: "server-side apply: a PUT takes fields over without conflict; the applier then conflicts with it; an empty apply gives fields up",
    async run(t) {
      const racks = await installRacks(t);
      expectStatus(await apply(t, racks("r"), rackManifest(racks, "r", { a: "one", b: "two" }), "alice"), 201);
      const live = bodyOf(await t.send({ path: racks("r") }));
      const put = await t.http({
        method: "PUT",
        path: `${racks("r")}?fieldManager=controller`,
        body: { ...live, spec: { ...live["spec"], a: "changed" } },
      });
      expectStatus(put, 200);
      expectStatus(await apply(t, racks("r"), rackManifest(racks, "r", { a: "one", b: "two" }), "alice"), 409);
      const dry = await t.http({
        method: "PATCH",
        path: `${racks("r")}?fieldManager=alice&dryRun=All&force=true`,
        contentType: APPLY,
        body: rackManifest(racks, "r", { a: "one" }),
      });
      expectStatus(dry, 200);
      const released = await apply(t, racks("r"), rackManifest(racks, "r", undefined), "alice");
      expectStatus(released, 200);
      assert.deepEqual(bodyOf(released)["spec"], { a: "changed" });
    },
  },
  {
    area: "patch",
    name: "server-side apply on a ConfigMap: each manager keeps its data keys and labels; dropping them all leaves none",
    async run(t) {
      const manifest = (data: Record<string, string> | undefined, labels?: Record<string, string>) =>
        JSON.stringify({
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: { name: "shared", ...(labels ? { labels } : {}) },
          ...(data ? { data } : {}),
        });
      expectStatus(
        await apply(t, configMapsPath(t.namespace, "shared"), manifest({ a: "1" }, { team: "x" }), "alice"),
        201,
      );
      expectStatus(
        await apply(t, configMapsPath(t.namespace, "shared"), manifest({ b: "2" }, { tier: "y" }), "bob"),
        200,
      );
      const aliceGone = await apply(t, configMapsPath(t.namespace, "shared"), manifest(undefined), "alice");
      expectStatus(aliceGone, 200);
      assert.deepEqual(bodyOf(aliceGone)["data"], { b: "2" });
      const bobGone = await apply(t, configMapsPath(t.namespace, "shared"), manifest(undefined), "bob");
      expectStatus(bobGone, 200);
      assert.equal(bodyOf(bobGone)["data"], undefined);
      assert.equal(bodyOf(bobGone)["metadata"].labels, undefined);
    },
  },
  {
    area: "subresources",
    name: "two controllers apply their own conditions on /status; one dropping its condition removes it",
    async run(t) {
      const racks = await installRacks(t, true);
      expectStatus(await apply(t, racks("r"), rackManifest(racks, "r", { a: "x" }), "user"), 201);
      const ready = { conditions: [{ type: "Ready", status: "True", reason: "Up" }] };
      expectStatus(
        await apply(t, racks("r", "status"), rackManifest(racks, "r", undefined, ready), "ready-controller"),
        200,
      );
      const synced = { conditions: [{ type: "Synced", status: "False" }] };
      const both = await apply(t, racks("r", "status"), rackManifest(racks, "r", undefined, synced), "sync-controller");
      expectStatus(both, 200);
      assert.deepEqual(
        (bodyOf(both)["status"].conditions as { type: string }[]).map((c) => c.type),
        ["Ready", "Synced"],
      );
      const stolen = { conditions: [{ type: "Ready", status: "False" }] };
      expectStatus(
        await apply(t, racks("r", "status"), rackManifest(racks, "r", undefined, stolen), "sync-controller"),
        409,
      );
      const dropped = await apply(
        t,
        racks("r", "status"),
        rackManifest(racks, "r", undefined, { conditions: [] }),
        "ready-controller",
      );
      expectStatus(dropped, 200);
      assert.deepEqual(
        (bodyOf(dropped)["status"].conditions as { type: string }[]).map((c) => c.type),
        ["Synced"],
      );
      await t.http({ path: racks("r") });
    },
  },
  {
    area: "subresources",
    name: "server-side apply on /status records a status entry and ignores spec",
    async run(t) {
      await t.send({ method: "POST", path: `${gizmosPath(t.namespace)}?fieldManager=creator`, body: gizmo("st") });
      const manifest = JSON.stringify({
        apiVersion: GROUP_VERSION,
        kind: "Gizmo",
        metadata: { name: "st" },
        spec: { size: 9 },
        status: { phase: "Ready", replicas: 2 },
      });
      const applied = await apply(t, gizmosPath(t.namespace, "st", "status"), manifest, "controller");
      expectStatus(applied, 200);
      assert.equal(bodyOf(applied)["spec"].size, 3);
      assert.equal(bodyOf(applied)["status"].phase, "Ready");
      const entries = bodyOf(applied)["metadata"].managedFields as { manager: string; subresource?: string }[];
      assert.deepEqual(entries.map((entry) => [entry.manager, entry.subresource ?? ""]).sort(), [
        ["controller", "status"],
        ["creator", ""],
      ]);
    },
  },
  {
    area: "subresources",
    name: "a status update with a stale resourceVersion is 409; a status patch cannot change spec",
    async run(t) {
      const created = bodyOf(await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("sv") }));
      const updated = await t.http({
        method: "PUT",
        path: gizmosPath(t.namespace, "sv", "status"),
        body: { ...created, status: { phase: "One" } },
      });
      expectStatus(updated, 200);
      expectStatus(
        await t.http({
          method: "PUT",
          path: gizmosPath(t.namespace, "sv", "status"),
          body: { ...created, status: { phase: "Two" } },
        }),
        409,
      );
      const patched = await t.http({
        method: "PATCH",
        path: gizmosPath(t.namespace, "sv", "status"),
        contentType: MERGE,
        body: { spec: { size: 5 }, status: { phase: "Three" } },
      });
      expectStatus(patched, 200);
      assert.equal(bodyOf(patched)["spec"].size, 3);
      assert.equal(bodyOf(patched)["metadata"].generation, 1);
    },
  },
  {
    area: "subresources",
    name: "/status of a CRD without the status subresource is 404",
    async run(t) {
      const racks = await installRacks(t);
      const created = bodyOf(
        await t.send({ method: "POST", path: racks(), body: rackManifest(racks, "r", { a: "x" }) }),
      );
      expectStatus(await t.http({ path: racks("r", "status") }), 404);
      expectStatus(
        await t.http({ method: "PUT", path: racks("r", "status"), body: { ...created, status: { phase: "p" } } }),
        404,
      );
      expectStatus(
        await t.http({
          method: "PATCH",
          path: racks("r", "status"),
          contentType: MERGE,
          body: { status: { phase: "p" } },
        }),
        404,
      );
      const status = await t.http({ path: racks("r") });
      assert.equal(bodyOf(status)["status"], undefined);
    },
  },
  {
    area: "crud",
    name: "an immutable ConfigMap or Secret refuses data changes; a Secret's type cannot change",
    async run(t) {
      expectStatus(
        await t.http({
          method: "POST",
          path: configMapsPath(t.namespace),
          body: { ...configMap("frozen"), immutable: true },
        }),
        201,
      );
      expectStatus(
        await t.http({
          method: "PATCH",
          path: configMapsPath(t.namespace, "frozen"),
          contentType: MERGE,
          body: { data: { key: "other" } },
        }),
        422,
      );
      expectStatus(
        await t.http({
          method: "PATCH",
          path: configMapsPath(t.namespace, "frozen"),
          contentType: MERGE,
          body: { immutable: false },
        }),
        422,
      );
      expectStatus(
        await t.http({
          method: "PATCH",
          path: configMapsPath(t.namespace, "frozen"),
          contentType: MERGE,
          body: { metadata: { labels: { a: "b" } } },
        }),
        200,
      );
      const secrets = `/api/v1/namespaces/${t.namespace}/secrets`;
      const secret = { apiVersion: "v1", kind: "Secret", metadata: { name: "s" }, type: "Opaque", data: { k: "dg==" } };
      expectStatus(await t.http({ method: "POST", path: secrets, body: { ...secret, immutable: true } }), 201);
      expectStatus(
        await t.http({ method: "PATCH", path: `${secrets}/s`, contentType: MERGE, body: { stringData: { k: "w" } } }),
        422,
      );
      expectStatus(
        await t.http({ method: "POST", path: secrets, body: { ...secret, metadata: { name: "typed" } } }),
        201,
      );
      expectStatus(
        await t.http({
          method: "PATCH",
          path: `${secrets}/typed`,
          contentType: MERGE,
          body: { type: "example.com/other" },
        }),
        422,
      );
    },
  },
  {
    area: "kubectl",
    name: "kubectl label and annotate, with and without --overwrite",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("lb") });
      const target = ["gizmo", "lb", "-n", t.namespace];
      assert.equal((await t.kubectl(["label", ...target, "env=dev"])).code, 0);
      assert.notEqual((await t.kubectl(["label", ...target, "env=prod"])).code, 0);
      assert.equal((await t.kubectl(["label", ...target, "env=prod", "--overwrite"])).code, 0);
      assert.equal((await t.kubectl(["annotate", ...target, "note=hello"])).code, 0);
      assert.notEqual((await t.kubectl(["annotate", ...target, "note=again"])).code, 0);
      assert.equal((await t.kubectl(["label", ...target, "env-"])).code, 0);
      await t.kubectl(["get", ...target, "-o", "json"], { output: "json" });
    },
  },
  {
    area: "kubectl",
    name: "kubectl get and patch --subresource=status",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("ss") });
      const patched = await t.kubectl([
        "patch",
        "gizmo",
        "ss",
        "-n",
        t.namespace,
        "--subresource=status",
        "--type=merge",
        "-p",
        '{"status":{"phase":"Done"},"spec":{"size":9}}',
      ]);
      assert.equal(patched.code, 0, patched.stderr);
      await t.kubectl(["get", "gizmo", "ss", "-n", t.namespace, "--subresource=status", "-o", "json"], {
        output: "json",
      });
      await t.kubectl(["get", "gizmo", "ss", "-n", t.namespace, "--subresource=status"]);
      const scale = await t.kubectl(["get", "gizmo", "ss", "-n", t.namespace, "--subresource=scale", "-o", "json"], {
        output: "json",
      });
      assert.equal(scale.code, 0, scale.stderr);
      assert.notEqual(
        (
          await t.kubectl([
            "patch",
            "gizmo",
            "ss",
            "-n",
            t.namespace,
            "--subresource=nothing",
            "--type=merge",
            "-p",
            "{}",
          ])
        ).code,
        0,
      );
    },
  },
  {
    area: "kubectl",
    name: "kubectl scale through the CRD's scale subresource",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("sc", { size: 3, replicas: 2 }) });
      assert.equal((await t.kubectl(["scale", "gizmo", "sc", "-n", t.namespace, "--replicas=4"])).code, 0);
      assert.notEqual(
        (await t.kubectl(["scale", "gizmo", "sc", "-n", t.namespace, "--current-replicas=2", "--replicas=5"])).code,
        0,
      );
      const replicas = await t.kubectl(["get", "gizmo", "sc", "-n", t.namespace, "-o", "jsonpath={.spec.replicas}"]);
      assert.equal(replicas.stdout, "4");
      await t.kubectl(["get", "gizmo", "sc", "-n", t.namespace, "-o", "json", "--show-managed-fields"], {
        output: "json",
      });
    },
  },
  {
    area: "kubectl",
    name: "kubectl get -o jsonpath, --field-selector, -l and -A",
    async run(t) {
      const mark = { labels: { suite: t.namespace } };
      await t.send({
        method: "POST",
        path: gizmosPath(t.namespace),
        body: gizmo("g1", { size: 1, color: "blue" }, mark),
      });
      await t.send({
        method: "POST",
        path: gizmosPath(t.namespace),
        body: gizmo("g2", { size: 2 }, { labels: { ...mark.labels, tier: "x" } }),
      });
      const names = await t.kubectl([
        "get",
        "gizmos",
        "-n",
        t.namespace,
        "-o",
        'jsonpath={range .items[*]}{.metadata.name}={.spec.color}{"\\n"}{end}',
      ]);
      assert.equal(names.stdout, "g1=blue\ng2=red\n");
      await t.kubectl(["get", "gizmos", "-n", t.namespace, "--field-selector", "metadata.name=g2", "-o", "name"]);
      await t.kubectl(["get", "gizmos", "-n", t.namespace, "--field-selector", "spec.size=2"]);
      await t.kubectl(["get", "gizmos", "-n", t.namespace, "-l", "tier=x", "-o", "name"]);
      const everywhere = await t.kubectl(["get", "gizmos", "-A", "-l", `suite=${t.namespace}`]);
      assert.match(everywhere.stdout, /^NAMESPACE\s+NAME\s+SIZE/);
    },
  },
  {
    area: "kubectl",
    name: "kubectl create configmap --dry-run=server -o yaml stores nothing",
    async run(t) {
      const dry = await t.kubectl(
        ["create", "configmap", "dry", "-n", t.namespace, "--from-literal=a=1", "--dry-run=server", "-o", "yaml"],
        { output: "yaml" },
      );
      assert.equal(dry.code, 0, dry.stderr);
      const missing = await t.kubectl(["get", "configmap", "dry", "-n", t.namespace]);
      assert.notEqual(missing.code, 0);
    },
  },
  {
    area: "kubectl",
    name: "kubectl diff --server-side shows the change an apply would make",
    async run(t) {
      const manifest = (size: number) =>
        `apiVersion: ${GROUP_VERSION}\nkind: Gizmo\nmetadata:\n  name: df\n  namespace: ${t.namespace}\nspec:\n  size: ${size}\n`;
      assert.equal(
        (await t.kubectl(["apply", "--server-side", "--field-manager=me", "-f", "-"], { stdin: manifest(2) })).code,
        0,
      );
      assert.equal(
        (await t.kubectl(["diff", "--server-side", "--field-manager=me", "-f", "-"], { stdin: manifest(2) })).code,
        0,
      );
      const changed = await t.kubectl(["diff", "--server-side", "--field-manager=me", "-f", "-"], {
        stdin: manifest(6),
      });
      assert.equal(changed.code, 1, changed.stderr);
      const invalid = await t.kubectl(["diff", "--server-side", "--field-manager=me", "-f", "-"], {
        stdin: manifest(60),
      });
      assert.ok(invalid.code > 1);
    },
  },
  {
    area: "kubectl",
    name: "kubectl delete --cascade=orphan keeps the dependent without its owner reference",
    async run(t) {
      const owner = bodyOf(await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("owner") }));
      const ownerReferences = [
        { apiVersion: GROUP_VERSION, kind: "Gizmo", name: "owner", uid: owner["metadata"].uid as string },
      ];
      expectStatus(
        await t.send({
          method: "POST",
          path: configMapsPath(t.namespace),
          body: configMap("dependent", { a: "b" }, { ownerReferences }),
        }),
        201,
      );
      const deleted = await t.kubectl(["delete", "gizmo", "owner", "-n", t.namespace, "--cascade=orphan"]);
      assert.equal(deleted.code, 0, deleted.stderr);
      await t.eventually(
        "the dependent's owner reference to be removed",
        async () =>
          bodyOf(await t.send({ path: configMapsPath(t.namespace, "dependent") }))["metadata"].ownerReferences
            ? undefined
            : true,
        60_000,
      );
      await t.kubectl(["get", "configmap", "dependent", "-n", t.namespace, "-o", "json"], { output: "json" });
    },
  },
];
