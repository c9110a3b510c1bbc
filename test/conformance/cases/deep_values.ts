/**
 * Values nested as deep as the decoder allows inside a custom resource's preserve-unknown-fields
 * field: stored whole (managedFields track the list as one leaf) and read back, never a 5xx.
 */
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, gizmo, gizmosPath } from "./helpers.js";

/** How many arrays nest at the front of `value`, counted without recursion. */
function arrayDepth(value: unknown): number {
  let depth = 0;
  for (let current = value; Array.isArray(current); current = current[0]) depth += 1;
  return depth;
}

export const deepValueCases: ConformanceCase[] = [
  {
    area: "bad-input",
    name: "a preserve-unknown-fields value 9,990 arrays deep is stored and read back; 10,001 levels are a 400",
    async run(t) {
      for (const [name, depth] of [
        ["deep", 9_990],
        ["too-deep", 10_001],
      ] as const) {
        const body = JSON.stringify(gizmo(name, { size: 3, config: { x: "__deep__" } })).replace(
          '"__deep__"',
          `${"[".repeat(depth)}${"]".repeat(depth)}`,
        );
        const created = await t.send({
          method: "POST",
          path: gizmosPath(t.namespace),
          body,
          contentType: "application/json",
        });
        const read = await t.send({ path: gizmosPath(t.namespace, name) });
        const listed = await t.send({ path: gizmosPath(t.namespace) });
        t.record(`${name}: create, get, list`, {
          created: created.status,
          read: read.status,
          depth: arrayDepth(bodyOf(read)["spec"]?.config?.x),
          fields: bodyOf(read)["metadata"]?.managedFields?.[0]?.fieldsV1,
          listed: listed.status,
        });
      }
    },
  },
];
