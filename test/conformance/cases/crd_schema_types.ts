/** CRD schemas decoded into apiextensions/v1 JSONSchemaProps: a value of the wrong JSON type is a 400. */
import assert from "node:assert/strict";
import type { ConformanceCase } from "../harness/case.js";
import { CRDS, bodyOf, clusterCrd, expectStatus } from "./helpers.js";

/** `clusterCrd(group)` with `schema` as its openAPIV3Schema. */
function crdWithSchema(group: string, schema: unknown) {
  const crd = clusterCrd(group);
  const [version] = crd.spec.versions;
  return { ...crd, spec: { ...crd.spec, versions: [{ ...version, schema: { openAPIV3Schema: schema } }] } };
}

export const crdSchemaTypeCases: ConformanceCase[] = [
  {
    area: "crd-lifecycle",
    name: "a CRD schema with a draft-07 numeric exclusiveMinimum or another mistyped keyword is 400",
    async run(t) {
      const group = `${t.namespace}.schema-types.example`;
      const mistyped = [
        { type: "object", properties: { a: { type: "integer", minimum: 1, exclusiveMinimum: 0 } } },
        { type: "object", properties: { l: { type: "array", items: { type: "integer", exclusiveMaximum: 9 } } } },
        { type: "object", properties: { a: { type: "string", maxLength: 1.5 } } },
        { type: "object", required: "a" },
        { type: "object", properties: { a: { type: "string", "x-kubernetes-validations": [{ rule: 5 }] } } },
      ];
      for (const schema of mistyped) {
        const response = await t.http({ method: "POST", path: CRDS, body: crdWithSchema(group, schema) });
        expectStatus(response, 400);
        assert.match(String(bodyOf(response)["message"]), /json: cannot unmarshal .* into Go struct field/);
      }
      expectStatus(await t.http({ path: `${CRDS}/globes.${group}` }), 404);
      const boolean = { type: "object", properties: { a: { type: "integer", minimum: 0, exclusiveMinimum: true } } };
      expectStatus(await t.http({ method: "POST", path: CRDS, body: crdWithSchema(group, boolean) }), 201);
      const stored = bodyOf(await t.send({ path: `${CRDS}/globes.${group}` }));
      const replacement = { ...crdWithSchema(group, mistyped[0]), metadata: stored["metadata"] };
      expectStatus(await t.http({ method: "PUT", path: `${CRDS}/globes.${group}`, body: replacement }), 400);
      await t.send({ method: "DELETE", path: `${CRDS}/globes.${group}` });
    },
  },
];
