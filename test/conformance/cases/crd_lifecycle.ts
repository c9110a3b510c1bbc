/** CRD lifecycle: conditions, endpoints appearing and disappearing, invalid definitions. */
import assert from "node:assert/strict";
import type { CaseContext, ConformanceCase } from "../harness/case.js";
import { bodyOf, expectStatus, simpleCrd } from "./helpers.js";

const CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

function thingCrd(group: string, plural = "things", kind = "Thing") {
  return simpleCrd(group, "Namespaced", plural, kind);
}

async function establishedConditions(t: CaseContext, name: string) {
  return t.eventually(`${name} to be Established`, async () => {
    const crd = bodyOf(await t.send({ path: `${CRDS}/${name}` }));
    const conditions = (crd["status"]?.conditions ?? []) as {
      type: string;
      status: string;
      reason: string;
      message: string;
    }[];
    return conditions.some((c) => c.type === "Established" && c.status === "True") ? conditions : undefined;
  });
}

export const crdLifecycleCases: ConformanceCase[] = [
  {
    area: "crd-lifecycle",
    name: "a new CRD gets NamesAccepted and Established, serves its resource, and stops serving it when deleted",
    async run(t) {
      const group = `${t.namespace}.lifecycle.example.com`;
      const created = await t.send({ method: "POST", path: CRDS, body: thingCrd(group) });
      expectStatus(created, 201);
      t.record("created CRD (metadata.name, spec)", {
        name: bodyOf(created)["metadata"].name,
        spec: bodyOf(created)["spec"],
      });
      const conditions = await establishedConditions(t, `things.${group}`);
      t.record(
        "conditions",
        [...conditions]
          .sort((a, b) => a.type.localeCompare(b.type))
          .map(({ type, status, reason, message }) => ({ type, status, reason, message })),
      );
      const crd = bodyOf(await t.send({ path: `${CRDS}/things.${group}` }));
      t.record("status.acceptedNames and storedVersions", {
        acceptedNames: crd["status"].acceptedNames,
        storedVersions: crd["status"].storedVersions,
      });
      const things = `/apis/${group}/v1/namespaces/${t.namespace}/things`;
      expectStatus(
        await t.http({
          method: "POST",
          path: things,
          body: { apiVersion: `${group}/v1`, kind: "Thing", metadata: { name: "one" }, spec: { a: "x" } },
        }),
        201,
      );
      expectStatus(await t.http({ method: "DELETE", path: `${CRDS}/things.${group}` }), 200);
      await t.eventually("the resource to stop being served", async () =>
        (await t.send({ path: things })).status === 404 ? true : undefined,
      );
      expectStatus(await t.http({ path: things }), 404);
    },
  },
  {
    area: "crd-lifecycle",
    name: "a CRD whose name does not match plural.group is rejected with 422",
    async run(t) {
      const crd = thingCrd(`${t.namespace}.bad.example.com`);
      const response = await t.http({
        method: "POST",
        path: CRDS,
        body: { ...crd, metadata: { name: "wrong.example.com" } },
      });
      expectStatus(response, 422);
      assert.equal(bodyOf(response)["reason"], "Invalid");
    },
  },
  {
    area: "crd-lifecycle",
    name: "a CRD without a storage version is rejected with 422",
    async run(t) {
      const crd = thingCrd(`${t.namespace}.nostorage.example.com`);
      crd.spec.versions[0]!.storage = false;
      expectStatus(await t.http({ method: "POST", path: CRDS, body: crd }), 422);
    },
  },
  {
    area: "crd-lifecycle",
    name: "a CRD with a non-structural schema is rejected with 422",
    async run(t) {
      const crd = thingCrd(`${t.namespace}.nonstructural.example.com`);
      (crd.spec.versions[0]!.schema.openAPIV3Schema as Record<string, unknown>) = {
        properties: { spec: { type: "object" } },
      };
      expectStatus(await t.http({ method: "POST", path: CRDS, body: crd }), 422);
    },
  },
  {
    area: "crd-lifecycle",
    name: "two CRDs claiming the same kind in one group: the second is not NamesAccepted",
    async run(t) {
      const group = `${t.namespace}.clash.example.com`;
      expectStatus(await t.send({ method: "POST", path: CRDS, body: thingCrd(group, "things", "Thing") }), 201);
      await establishedConditions(t, `things.${group}`);
      expectStatus(await t.send({ method: "POST", path: CRDS, body: thingCrd(group, "others", "Thing") }), 201);
      const conditions = await t.eventually("the second CRD's NamesAccepted condition", async () => {
        const crd = bodyOf(await t.send({ path: `${CRDS}/others.${group}` }));
        const list = (crd["status"]?.conditions ?? []) as {
          type: string;
          status: string;
          reason: string;
          message: string;
        }[];
        return list.find((c) => c.type === "NamesAccepted") ? list : undefined;
      });
      t.record(
        "conditions of the clashing CRD",
        [...conditions]
          .sort((a, b) => a.type.localeCompare(b.type))
          .map(({ type, status, reason, message }) => ({ type, status, reason, message })),
      );
      assert.ok(conditions.some((c) => c.type === "NamesAccepted" && c.status === "False"));
    },
  },
];
