/** A namespace deleted with content in it: the namespace controller's pass, as kube-controller-manager runs it. */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import { MERGE, bodyOf, configMap, configMapsPath, expectStatus, gizmo, gizmosPath } from "./helpers.js";

type Condition = { type: string; status: string; reason: string; message: string };

export const namespaceTerminationCases: ConformanceCase[] = [
  {
    area: "namespaces",
    name: "a namespace with content stays Terminating, reporting what remains, until its content is gone",
    async run(t) {
      const doomed = `${t.namespace}-doomed`.slice(0, 63);
      const namespacePath = `/api/v1/namespaces/${doomed}`;
      const namespace = { apiVersion: "v1", kind: "Namespace", metadata: { name: doomed } };
      expectStatus(await t.send({ method: "POST", path: "/api/v1/namespaces", body: namespace }), 201);
      const held = configMap("held", { key: "value" }, { finalizers: ["conformance.uselessctl.dev/hold"] });
      expectStatus(await t.send({ method: "POST", path: configMapsPath(doomed), body: held }), 201);
      expectStatus(await t.send({ method: "POST", path: gizmosPath(doomed), body: gizmo("goes") }), 201);
      const deleted = await t.send({ method: "DELETE", path: namespacePath });
      expectStatus(deleted, 200);
      assert.equal(bodyOf(deleted)["status"]?.phase, "Terminating");
      const conditions = await t.eventually("the namespace controller to report the held content", async () => {
        const current = bodyOf(await t.send({ path: namespacePath }));
        const reported = (current["status"]?.conditions ?? []) as Condition[];
        return reported.some((c) => c.type === "NamespaceFinalizersRemaining" && c.status === "True")
          ? reported
          : undefined;
      });
      t.record(
        "conditions while a finalizer holds content",
        conditions.map(({ type, status, reason, message }) => ({ type, status, reason, message })),
      );
      expectStatus(await t.http({ path: gizmosPath(doomed, "goes") }), 404);
      expectStatus(await t.http({ method: "POST", path: configMapsPath(doomed), body: configMap("late") }), 403);
      const released = { metadata: { finalizers: null } };
      expectStatus(
        await t.send({ method: "PATCH", path: configMapsPath(doomed, "held"), contentType: MERGE, body: released }),
        200,
      );
      // The controller looks again after its finalizer estimate (15 s) once content is held.
      await t.eventually(
        "the namespace to be removed",
        async () => ((await t.send({ path: namespacePath })).status === 404 ? true : undefined),
        60_000,
      );
      expectStatus(await t.http({ path: namespacePath }), 404);
    },
  },
];
