import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { KubeObject } from "../../storage/types.js";
import { validateCrd } from "./crd_validation.js";

const render = (errors: ReturnType<typeof validateCrd>) => errors.map((error) => `${error.field}: ${error.detail}`);

function crd(versions: unknown[]): KubeObject {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: "things.example.com" },
    spec: {
      group: "example.com",
      scope: "Namespaced",
      names: { plural: "things", singular: "thing", kind: "Thing", listKind: "ThingList" },
      versions,
    },
  } as KubeObject;
}

const objectSchema = { openAPIV3Schema: { type: "object", properties: { spec: { type: "object" } } } };

describe("CRD validation", () => {
  it("reports a missing storage version with the internal versions' JSON, hoisted schema left out", () => {
    const errors = render(
      validateCrd(crd([{ name: "v1", served: true, storage: false, schema: objectSchema }]), undefined),
    );
    assert.deepEqual(errors, [
      'spec.versions: Invalid value: [{"Name":"v1","Served":true,"Storage":false,"Deprecated":false,"DeprecationWarning":null,"Schema":null,"Subresources":null,"AdditionalPrinterColumns":null,"SelectableFields":null}]: must have exactly one version marked as storage version',
      "status.storedVersions: Invalid value: null: must have at least one stored version",
    ]);
  });

  it("keeps per-version schemas that differ, printed as internal JSONSchemaProps", () => {
    const errors = render(
      validateCrd(
        crd([
          { name: "v1", served: true, storage: true, schema: objectSchema },
          { name: "v2", served: true, storage: true, schema: { openAPIV3Schema: { type: "object" } } },
        ]),
        undefined,
      ),
    );
    assert.equal(errors.length, 2);
    assert.match(
      errors[0] ?? "",
      /^spec\.versions: Invalid value: \[\{"Name":"v1",.*"Schema":\{"OpenAPIV3Schema":\{"ID":"","Schema":"","Ref":null,"Description":"","Type":"object",.*"Properties":\{"spec":\{.*must have exactly one version marked as storage version$/,
    );
    assert.equal(errors[1], 'status.storedVersions: Invalid value: ["v1"]: must have the storage version v2');
  });

  it("reports non-structural schemas under spec.validation, sorted by message", () => {
    const schema = {
      openAPIV3Schema: { properties: { spec: { properties: { x: { type: "string" } } }, list: { type: "array" } } },
    };
    assert.deepEqual(render(validateCrd(crd([{ name: "v1", served: true, storage: true, schema }]), undefined)), [
      "spec.validation.openAPIV3Schema.properties[list].items: Required value: must be specified",
      "spec.validation.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields",
      "spec.validation.openAPIV3Schema.type: Required value: must not be empty at the root",
    ]);
  });

  it("names per-version paths when versions differ, and checks junctors and names", () => {
    const nested = { openAPIV3Schema: { type: "object", anyOf: [{ type: "string", properties: { y: {} } }] } };
    const spec = crd([
      { name: "v1", served: true, storage: true, schema: objectSchema },
      { name: "V2", served: true, storage: false, schema: nested },
    ]);
    (spec.spec as { names: { plural: string } }).names.plural = "1things";
    assert.deepEqual(render(validateCrd(spec, undefined)), [
      'metadata.name: Invalid value: "things.example.com": must be spec.names.plural+"."+spec.group',
      `spec.versions[1].name: Invalid value: "V2": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
      "spec.versions[1].schema.openAPIV3Schema.anyOf[0].type: Forbidden: must be empty to be structural",
      "spec.versions[1].schema.openAPIV3Schema.properties[y]: Required value: because it is defined in spec.versions[1].schema.openAPIV3Schema.anyOf[0].properties[y]",
      `spec.names.plural: Invalid value: "1things": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
    ]);
  });
});
