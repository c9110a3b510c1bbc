/**
 * metadata.generation as the custom resource strategies keep it: bumped by a change to anything
 * but metadata (and status, behind a status subresource), compared after the decoder has pruned
 * unknown fields; never by a /status write.
 */
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, expectStatus, gizmo, gizmosPath, MERGE } from "./helpers.js";

export const generationCases: ConformanceCase[] = [
  {
    area: "generation",
    name: "generation counts spec changes only: not pruned fields, status or metadata",
    async run(t) {
      expectStatus(await t.http({ method: "POST", path: gizmosPath(t.namespace), body: gizmo("counted") }), 201);
      const steps: [what: string, path: string, body: Record<string, unknown>][] = [
        ["unknown spec field", gizmosPath(t.namespace, "counted"), { spec: { bogus: 1 } }],
        ["unknown top-level field", gizmosPath(t.namespace, "counted"), { bogus: { deep: [1] } }],
        ["status through the main resource", gizmosPath(t.namespace, "counted"), { status: { phase: "Ready" } }],
        ["status through /status", gizmosPath(t.namespace, "counted", "status"), { status: { phase: "Ready" } }],
        ["spec through /status", gizmosPath(t.namespace, "counted", "status"), { spec: { size: 4 } }],
        ["labels", gizmosPath(t.namespace, "counted"), { metadata: { labels: { a: "b" } } }],
        ["spec", gizmosPath(t.namespace, "counted"), { spec: { size: 4 } }],
        ["spec and an unknown field", gizmosPath(t.namespace, "counted"), { spec: { size: 5, bogus: 2 } }],
      ];
      const generations: Record<string, unknown> = {};
      for (const [what, path, body] of steps) {
        const response = await t.send({ method: "PATCH", path, contentType: MERGE, body });
        expectStatus(response, 200);
        generations[what] = bodyOf(response)["metadata"]?.generation;
      }
      t.record("generation after each patch", generations);
      const current = bodyOf(await t.send({ path: gizmosPath(t.namespace, "counted") }));
      const replaced = await t.send({
        method: "PUT",
        path: gizmosPath(t.namespace, "counted"),
        body: { ...current, status: { phase: "Changed" }, extra: true },
      });
      expectStatus(replaced, 200);
      t.record("generation after a PUT changing status and an unknown field", bodyOf(replaced)["metadata"]?.generation);
    },
  },
];
