/** Query parameters and request options: how the parameter codec and the options' validation answer. */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, configMap, configMapsPath, expectStatus, gizmo, gizmosPath } from "./helpers.js";

export const optionCases: ConformanceCase[] = [
  {
    area: "bad-input",
    name: "integer query parameters that are not base-10 integers are 400 with strconv's error",
    async run(t) {
      expectStatus(await t.send({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("g") }), 201);
      expectStatus(await t.send({ method: "POST", path: configMapsPath(t.namespace), body: configMap("c") }), 201);
      for (const query of ["limit=1.5", "limit=abc", "limit=", "limit=1e3", "watch=true&timeoutSeconds=20.0"]) {
        for (const path of [gizmosPath(t.namespace), configMapsPath(t.namespace)]) {
          const response = await t.http({ path: `${path}?${query}` });
          expectStatus(response, 400);
          assert.match(String(bodyOf(response)["message"]), /^strconv\.ParseInt: parsing ".*": invalid syntax$/);
        }
      }
      expectStatus(await t.http({ path: `${gizmosPath(t.namespace)}?limit=99999999999999999999` }), 400);
      expectStatus(await t.http({ path: `${gizmosPath(t.namespace)}?limit=%2B1` }), 200);
      expectStatus(
        await t.http({ method: "DELETE", path: `${gizmosPath(t.namespace, "g")}?gracePeriodSeconds=0.5` }),
        400,
      );
      expectStatus(await t.http({ method: "DELETE", path: `${gizmosPath(t.namespace)}?limit=x` }), 400);
      expectStatus(await t.http({ path: gizmosPath(t.namespace, "g") }), 200);
    },
  },
];

optionCases.push({
  area: "bad-input",
  name: "invalid write and delete options are 422 Invalid on the options kind",
  async run(t) {
    expectStatus(await t.send({ method: "POST", path: configMapsPath(t.namespace), body: configMap("c") }), 201);
    expectStatus(
      await t.http({ method: "POST", path: `${configMapsPath(t.namespace)}?dryRun=Yes`, body: configMap("d") }),
      422,
    );
    expectStatus(
      await t.http({ method: "POST", path: `${gizmosPath(t.namespace)}?dryRun=Yes`, body: gizmo("g") }),
      422,
    );
    for (const query of [
      "propagationPolicy=Sideways",
      "dryRun=Yes",
      "propagationPolicy=Orphan&orphanDependents=false",
    ]) {
      expectStatus(await t.http({ method: "DELETE", path: `${configMapsPath(t.namespace, "c")}?${query}` }), 422);
    }
    const merge = { "Content-Type": "application/merge-patch+json" };
    const patch = { method: "PATCH", headers: merge, body: { data: { a: "b" } } } as const;
    expectStatus(await t.http({ ...patch, path: `${configMapsPath(t.namespace, "c")}?force=true` }), 422);
    expectStatus(await t.http({ path: configMapsPath(t.namespace, "c") }), 200);
  },
});
