/** Server-side Table printing, bad inputs, kubectl and @kubernetes/client-node. */
import assert from "node:assert/strict";
import { ApiException, CustomObjectsApi, PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, configMap, configMapsPath, expectStatus, gizmo, GROUP, GROUP_VERSION, gizmosPath } from "./helpers.js";

const TABLE = "application/json;as=Table;g=meta.k8s.io;v=v1";

export const outputCases: ConformanceCase[] = [
  {
    area: "table",
    name: "a gizmo list as Table has the printer columns and Age",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("t1", { size: 4, color: "green" }) });
      const response = await t.http({ path: gizmosPath(t.namespace), accept: TABLE });
      expectStatus(response, 200);
      const columns = (bodyOf(response)["columnDefinitions"] as { name: string }[]).map((column) => column.name);
      assert.deepEqual(columns, ["Name", "Size", "Color", "Phase", "Age"]);
    },
  },
  {
    area: "table",
    name: "a single gizmo as Table, with includeObject=None",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("t2") });
      expectStatus(await t.http({ path: `${gizmosPath(t.namespace, "t2")}?includeObject=None`, accept: TABLE }), 200);
    },
  },
  {
    area: "table",
    name: "a configmap list as Table",
    async run(t) {
      await t.send({ method: "POST", path: configMapsPath(t.namespace), body: configMap("tc", { a: "1", b: "2" }) });
      expectStatus(await t.http({ path: `${configMapsPath(t.namespace)}?labelSelector=!none`, accept: TABLE }), 200);
    },
  },
  {
    area: "bad-input",
    name: "malformed JSON is 400",
    async run(t) {
      expectStatus(await t.http({ method: "POST", path: gizmosPath(t.namespace), body: '{"apiVersion": ' }), 400);
    },
  },
  {
    area: "bad-input",
    name: "a body kind or apiVersion not matching the URL is rejected (422 for a custom resource's kind, 400 otherwise)",
    async run(t) {
      expectStatus(
        await t.http({ method: "POST", path: gizmosPath(t.namespace), body: { ...gizmo("k"), kind: "Widget" } }),
        422,
      );
      expectStatus(
        await t.http({
          method: "POST",
          path: gizmosPath(t.namespace),
          body: { ...gizmo("k"), apiVersion: `${GROUP}/v9` },
        }),
        400,
      );
      expectStatus(
        await t.http({
          method: "POST",
          path: configMapsPath(t.namespace),
          body: { ...configMap("k"), kind: "Secret" },
        }),
        400,
      );
    },
  },
  {
    area: "bad-input",
    name: "a body over 3 MiB is 413",
    async run(t) {
      const big = configMap("big", { blob: "x".repeat(3 * 1024 * 1024 + 10) });
      const response = await t.http({ method: "POST", path: configMapsPath(t.namespace), body: big });
      expectStatus(response, 413);
    },
  },
  {
    area: "bad-input",
    name: "an unknown resource is 404",
    async run(t) {
      expectStatus(await t.http({ path: `/apis/${GROUP_VERSION}/namespaces/${t.namespace}/widgets` }), 404);
      expectStatus(await t.http({ path: `/api/v1/namespaces/${t.namespace}/nothings` }), 404);
    },
  },
  {
    area: "bad-input",
    name: "YAML bodies are accepted, malformed YAML is 400, an unknown content type is 415",
    async run(t) {
      const manifest = `apiVersion: ${GROUP_VERSION}\nkind: Gizmo\nmetadata:\n  name: yml\nspec:\n  size: 2\n`;
      expectStatus(
        await t.http({
          method: "POST",
          path: gizmosPath(t.namespace),
          body: manifest,
          contentType: "application/yaml",
        }),
        201,
      );
      expectStatus(
        await t.http({
          method: "POST",
          path: gizmosPath(t.namespace),
          body: "a: [b\n",
          contentType: "application/yaml",
        }),
        400,
      );
      expectStatus(
        await t.http({ method: "POST", path: gizmosPath(t.namespace), body: "<x/>", contentType: "application/xml" }),
        415,
      );
    },
  },
  {
    area: "bad-input",
    name: "a wrong bearer token is 401, none is 401 or 403",
    async run(t) {
      expectStatus(await t.http({ path: gizmosPath(t.namespace), headers: { authorization: "Bearer wrong" } }), 401);
    },
  },
  {
    area: "bad-input",
    name: "an update or a patch of a collection is 400 (a name must be provided)",
    async run(t) {
      expectStatus(await t.http({ method: "PUT", path: gizmosPath(t.namespace), body: gizmo("v") }), 400);
      const patched = await t.http({
        method: "PATCH",
        path: gizmosPath(t.namespace),
        contentType: "application/merge-patch+json",
        body: { spec: {} },
      });
      expectStatus(patched, 400);
    },
  },
  {
    area: "kubectl",
    name: "kubectl api-resources for the CRD group",
    async run(t) {
      const result = await t.kubectl(["api-resources", `--api-group=${GROUP}`]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /gizmos\s+gz\s+conformance\.uselessctl\.dev\/v1\s+true\s+Gizmo/);
    },
  },
  {
    area: "kubectl",
    name: "kubectl apply, get (printer columns), get -o json, patch --type=merge, delete",
    async run(t) {
      const manifest = `apiVersion: ${GROUP_VERSION}\nkind: Gizmo\nmetadata:\n  name: kg\n  namespace: ${t.namespace}\nspec:\n  size: 5\n`;
      assert.equal((await t.kubectl(["apply", "-f", "-"], { stdin: manifest })).code, 0);
      const table = await t.kubectl(["get", "gizmos", "-n", t.namespace]);
      assert.match(table.stdout, /^NAME\s+SIZE\s+COLOR\s+PHASE\s+AGE/);
      await t.kubectl(["get", "gizmo", "kg", "-n", t.namespace, "-o", "json"], { output: "json" });
      await t.kubectl(["patch", "gizmo", "kg", "-n", t.namespace, "--type=merge", "-p", '{"spec":{"color":"blue"}}']);
      await t.kubectl(["get", "gz", "kg", "-n", t.namespace, "-o", "yaml"], { output: "yaml" });
      assert.equal((await t.kubectl(["delete", "gizmo", "kg", "-n", t.namespace])).code, 0);
      await t.kubectl(["get", "gizmo", "kg", "-n", t.namespace]);
    },
  },
  {
    area: "kubectl",
    name: "kubectl apply --server-side and a conflicting edit",
    async run(t) {
      const manifest = (size: number) =>
        `apiVersion: ${GROUP_VERSION}\nkind: Gizmo\nmetadata:\n  name: ks\n  namespace: ${t.namespace}\nspec:\n  size: ${size}\n`;
      assert.equal(
        (await t.kubectl(["apply", "--server-side", "--field-manager=one", "-f", "-"], { stdin: manifest(2) })).code,
        0,
      );
      const conflict = await t.kubectl(["apply", "--server-side", "--field-manager=two", "-f", "-"], {
        stdin: manifest(3),
      });
      assert.notEqual(conflict.code, 0);
      await t.kubectl(["get", "gizmo", "ks", "-n", t.namespace, "-o", "json"], { output: "json" });
    },
  },
  {
    area: "kubectl",
    name: "kubectl explains validation errors and missing objects",
    async run(t) {
      await t.kubectl(["create", "-f", "-"], {
        stdin: `apiVersion: ${GROUP_VERSION}\nkind: Gizmo\nmetadata:\n  name: bad\n  namespace: ${t.namespace}\nspec:\n  size: 3\n  color: purple\n`,
      });
      await t.kubectl(["get", "gizmo", "nothing", "-n", t.namespace]);
      await t.kubectl(["get", "uselessctl", "-n", t.namespace]);
    },
  },
  {
    area: "client-node",
    name: "CustomObjectsApi create, get, list, merge patch and delete",
    async run(t) {
      const api = t.kubeConfig.makeApiClient(CustomObjectsApi);
      const target = { group: GROUP, version: "v1", namespace: t.namespace, plural: "gizmos" };
      t.record("create", await api.createNamespacedCustomObject({ ...target, body: gizmo("cn", { size: 2 }) }));
      t.record("get", await api.getNamespacedCustomObject({ ...target, name: "cn" }));
      t.record("list", await api.listNamespacedCustomObject(target));
      t.record(
        "patch",
        await api.patchNamespacedCustomObject(
          { ...target, name: "cn", body: { spec: { size: 6 } } },
          setHeaderOptions("Content-Type", PatchStrategy.MergePatch),
        ),
      );
      t.record("delete", await api.deleteNamespacedCustomObject({ ...target, name: "cn" }));
    },
  },
  {
    area: "client-node",
    name: "CustomObjectsApi errors carry the HTTP code and the Status body",
    async run(t) {
      const api = t.kubeConfig.makeApiClient(CustomObjectsApi);
      const target = { group: GROUP, version: "v1", namespace: t.namespace, plural: "gizmos" };
      for (const attempt of [
        () => api.getNamespacedCustomObject({ ...target, name: "missing" }),
        () => api.createNamespacedCustomObject({ ...target, body: gizmo("bad", { size: 11 }) }),
      ]) {
        try {
          await attempt();
          assert.fail("the request should have failed");
        } catch (error) {
          assert.ok(error instanceof ApiException);
          const body = typeof error.body === "string" ? (JSON.parse(error.body) as unknown) : error.body;
          t.record("ApiException", { code: error.code, body });
        }
      }
    },
  },
  {
    area: "table",
    name: "namespaces as Table, and a Table with the objects included",
    async run(t) {
      const table = await t.send({
        path: `/api/v1/namespaces?fieldSelector=metadata.name%3D${t.namespace}`,
        accept: "application/json;as=Table;g=meta.k8s.io;v=v1",
      });
      expectStatus(table, 200);
      t.record("namespace Table", bodyOf(table));
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("obj") });
      const withObject = await t.http({
        path: `${gizmosPath(t.namespace)}?includeObject=Object`,
        accept: "application/json;as=Table;g=meta.k8s.io;v=v1",
      });
      expectStatus(withObject, 200);
      assert.equal(
        (bodyOf(withObject)["rows"] as { object: { metadata: { name: string } } }[])[0]?.object.metadata.name,
        "obj",
      );
    },
  },
];
