/** CRDs that change: a schema update, several served versions, a deprecated version. */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, clusterCrd, CRDS, establish, expectStatus } from "./helpers.js";
import { installWidgets, plainSchema, widget } from "./widget_crd.js";

export const crdVersionCases: ConformanceCase[] = [
  {
    area: "crd-lifecycle",
    name: "a CRD schema update takes effect for later writes",
    async run(t) {
      const group = `${t.namespace}.update.example.com`;
      const crd = clusterCrd(group);
      expectStatus(await t.send({ method: "POST", path: CRDS, body: crd }), 201);
      await establish(t, `globes.${group}`);
      const globes = `/apis/${group}/v1/globes`;
      const before = await t.http({
        method: "POST",
        path: globes,
        body: { apiVersion: `${group}/v1`, kind: "Globe", metadata: { name: "one" }, spec: { a: "x", b: 1 } },
      });
      assert.equal(bodyOf(before)["spec"].b, undefined, "b is pruned before the update");
      const current = bodyOf(await t.send({ path: `${CRDS}/globes.${group}` }));
      const properties = current["spec"].versions[0].schema.openAPIV3Schema.properties.spec.properties;
      properties.b = { type: "integer", maximum: 5 };
      expectStatus(await t.send({ method: "PUT", path: `${CRDS}/globes.${group}`, body: current }), 200);
      const after = await t.eventually("the new field to be kept", async () => {
        const response = await t.send({
          method: "POST",
          path: `${globes}?dryRun=All`,
          body: { apiVersion: `${group}/v1`, kind: "Globe", metadata: { name: "probe" }, spec: { b: 1 } },
        });
        return bodyOf(response)["spec"]?.b === 1 ? response : undefined;
      });
      expectStatus(after, 201);
      expectStatus(
        await t.http({
          method: "POST",
          path: globes,
          body: { apiVersion: `${group}/v1`, kind: "Globe", metadata: { name: "two" }, spec: { b: 9 } },
        }),
        422,
      );
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
