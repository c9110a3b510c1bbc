/** The kubectl verbs an operator author types, each run by the real kubectl on both servers. */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, configMap, configMapsPath, expectStatus, gizmo, gizmosPath, GROUP, GROUP_VERSION } from "./helpers.js";

export const kubectlVerbCases: ConformanceCase[] = [
  {
    area: "kubectl",
    name: "kubectl get by category and kubectl wait for a condition",
    async run(t) {
      await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("cat") });
      const byCategory = await t.kubectl(["get", "uselessctl", "-n", t.namespace, "-o", "name"]);
      assert.equal(byCategory.stdout.trim(), "gizmo.conformance.uselessctl.dev/cat");
      const waited = await t.kubectl(["wait", "--for=condition=Established", "--timeout=20s", `crd/gizmos.${GROUP}`]);
      assert.equal(waited.code, 0, waited.stderr);
    },
  },
  {
    area: "kubectl",
    name: "kubectl explain reads the CRD schema through OpenAPI v3",
    async run(t) {
      const explained = await t.kubectl(["explain", "gizmos.spec.color"]);
      assert.equal(explained.code, 0, explained.stderr);
      assert.match(explained.stdout, /FIELD: color <string>/);
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
      // Each failure message carries kubectl's whole output: this case differed twice under load.
      const applied = await t.kubectl(["apply", "--server-side", "--field-manager=me", "-f", "-"], {
        stdin: manifest(2),
      });
      assert.equal(applied.code, 0, applied.stdout + applied.stderr);
      const same = await t.kubectl(["diff", "--server-side", "--field-manager=me", "-f", "-"], { stdin: manifest(2) });
      assert.equal(same.code, 0, same.stdout + same.stderr);
      const changed = await t.kubectl(["diff", "--server-side", "--field-manager=me", "-f", "-"], {
        stdin: manifest(6),
      });
      assert.equal(changed.code, 1, changed.stdout + changed.stderr);
      const invalid = await t.kubectl(["diff", "--server-side", "--field-manager=me", "-f", "-"], {
        stdin: manifest(60),
      });
      assert.ok(invalid.code > 1, invalid.stdout + invalid.stderr);
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
