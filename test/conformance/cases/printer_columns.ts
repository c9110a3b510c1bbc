/** CRD printer columns with client-go JSONPath beyond plain fields: filters, slices, wildcards. */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, clusterCrd, CRDS, establish, expectStatus } from "./helpers.js";

const TABLE = "application/json;as=Table;g=meta.k8s.io;v=v1";

/** A cluster-scoped Globe CRD whose spec and status keep any fields, with `columns`. */
function globesWithColumns(group: string, columns: { name: string; type: string; jsonPath: string }[]) {
  const crd = clusterCrd(group);
  const [version] = crd.spec.versions;
  const schema = {
    openAPIV3Schema: {
      type: "object",
      properties: {
        spec: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
        status: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
      },
    },
  };
  return {
    ...crd,
    spec: { ...crd.spec, versions: [{ ...version, schema, additionalPrinterColumns: columns }] },
  };
}

export const printerColumnCases: ConformanceCase[] = [
  {
    area: "table",
    name: "printer columns with JSONPath filters, slices and wildcards show the first match in Tables",
    async run(t) {
      const group = `${t.namespace}.columns.example`;
      const columns = [
        { name: "Ready", type: "string", jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
        { name: "Reason", type: "string", jsonPath: ".status.conditions[?(@.status!='True')].reason" },
        { name: "Busy", type: "integer", jsonPath: ".status.conditions[?(@.count>1)].count" },
        { name: "Last", type: "string", jsonPath: ".spec.items[-1:]" },
        { name: "Types", type: "string", jsonPath: ".status.conditions[*].type" },
        { name: "Mixed", type: "string", jsonPath: '.status.conditions[?(@.count=="1")].type' },
        { name: "Missing", type: "string", jsonPath: '.status.conditions[?(@.type=="Gone")].status' },
      ];
      expectStatus(await t.send({ method: "POST", path: CRDS, body: globesWithColumns(group, columns) }), 201);
      await establish(t, `globes.${group}`);
      const globes = `/apis/${group}/v1/globes`;
      const globe = {
        apiVersion: `${group}/v1`,
        kind: "Globe",
        metadata: { name: "g" },
        spec: { items: ["a", "b", "c"] },
        status: {
          conditions: [
            { type: "Progressing", status: "False", reason: "Waiting", count: 1 },
            { type: "Ready", status: "True", reason: "Done", count: 2 },
          ],
        },
      };
      expectStatus(await t.send({ method: "POST", path: globes, body: globe }), 201);
      const table = await t.http({ path: globes, accept: TABLE });
      expectStatus(table, 200);
      const cells = (bodyOf(table)["rows"] as { cells: unknown[] }[])[0]?.cells;
      assert.deepEqual(cells?.slice(1), ["True", "Waiting", 2, "c", "Progressing", null, null]);
      await t.send({ method: "DELETE", path: `${CRDS}/globes.${group}` });
    },
  },
];
