/**
 * managedFields of `map` lists in built-in kinds: a ServiceAccount's secrets are keyed by name and
 * each item is an atomic ObjectReference (tracked as `k:{"name":...}` alone); strategic merge
 * patches merge them by name; an item without its key leaves the object untracked, as the field
 * manager clears managedFields when it cannot build the field set.
 */
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, expectStatus, MERGE } from "./helpers.js";

const STRATEGIC = "application/strategic-merge-patch+json";

export const listMapFieldCases: ConformanceCase[] = [
  {
    area: "patch",
    name: "a ServiceAccount's secrets are tracked by name, merged by name, and reduced to their names",
    async run(t) {
      const path = `/api/v1/namespaces/${t.namespace}/serviceaccounts`;
      const account = (name: string, secrets: unknown[]) => ({
        apiVersion: "v1",
        kind: "ServiceAccount",
        metadata: { name },
        secrets,
        imagePullSecrets: [{ name: "pull" }],
      });
      expectStatus(
        await t.http({
          method: "POST",
          path,
          body: account("keyed", [{ name: "x" }, { name: "y", namespace: "elsewhere", uid: "u" }]),
        }),
        201,
      );
      expectStatus(
        await t.http({
          method: "PATCH",
          path: `${path}/keyed`,
          contentType: STRATEGIC,
          body: { secrets: [{ name: "z" }] },
        }),
        200,
      );
      expectStatus(
        await t.http({
          method: "PATCH",
          path: `${path}/keyed`,
          contentType: STRATEGIC,
          body: { secrets: [{ name: "x", $patch: "delete" }] },
        }),
        200,
      );
      expectStatus(
        await t.http({
          method: "PATCH",
          path: `${path}/keyed`,
          contentType: MERGE,
          body: { secrets: [{ name: "w", kind: "Secret" }] },
        }),
        200,
      );
      expectStatus(await t.http({ method: "POST", path, body: account("twice", [{ name: "x" }, { name: "x" }]) }), 201);
      const unkeyed = await t.http({ method: "POST", path, body: account("unkeyed", [{ namespace: "x" }]) });
      expectStatus(unkeyed, 201);
      const labelled = await t.http({
        method: "PATCH",
        path: `${path}/unkeyed`,
        contentType: MERGE,
        body: { metadata: { labels: { a: "b" } } },
      });
      t.record("untracked objects stay untracked", bodyOf(labelled)["metadata"]?.managedFields ?? "none");
    },
  },
];
