/** What a 422 says: Go's rendering of typed values, and which checks still run after a wrong kind. */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, configMap, configMapsPath, expectStatus, gizmo, gizmosPath } from "./helpers.js";

export const invalidMessageCases: ConformanceCase[] = [
  {
    area: "validation",
    name: "owner references inside a message are printed in Go field order",
    async run(t) {
      const owner = (name: string, extra: Record<string, unknown>) => ({
        blockOwnerDeletion: false,
        uid: `uid-${name}`,
        name,
        kind: "Owner",
        apiVersion: "example.com/v1",
        ...extra,
      });
      const twoControllers = configMap(
        "c",
        { key: "value" },
        {
          ownerReferences: [
            owner("a", { controller: true }),
            owner("b", { controller: true, blockOwnerDeletion: true }),
          ],
        },
      );
      const response = await t.http({ method: "POST", path: configMapsPath(t.namespace), body: twoControllers });
      expectStatus(response, 422);
      assert.match(
        String(bodyOf(response)["message"]),
        /\[\{"apiVersion":"example\.com\/v1","kind":"Owner","name":"a","uid":"uid-a","controller":true,"blockOwnerDeletion":false\}/,
      );
    },
  },
  {
    area: "cel",
    name: "a custom resource body of another kind reports the kind and the CEL rules' errors",
    async run(t) {
      const unlucky = { ...gizmo("g", { size: 7 }), kind: "Widget" };
      const response = await t.http({ method: "POST", path: gizmosPath(t.namespace), body: unlucky });
      expectStatus(response, 422);
      assert.deepEqual(
        (bodyOf(response)["details"]?.causes as { field: string }[]).map((cause) => cause.field),
        ["kind", "spec"],
      );
      const lucky = { ...gizmo("g", { size: 3 }), kind: "Widget" };
      expectStatus(await t.http({ method: "PUT", path: gizmosPath(t.namespace, "g"), body: lucky }), 404);
      expectStatus(await t.http({ method: "POST", path: gizmosPath(t.namespace), body: lucky }), 422);
      expectStatus(await t.http({ path: gizmosPath(t.namespace, "g") }), 404);
    },
  },
];
