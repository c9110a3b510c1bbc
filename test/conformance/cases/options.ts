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
