import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { KubeObject } from "../../storage/types.js";
import { crdServable, decideNames, namingConditions, type CrdNames } from "./crd_names.js";

function crd(name: string, names: CrdNames, acceptedNames?: CrdNames): KubeObject {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name },
    spec: { group: "example.com", names },
    ...(acceptedNames ? { status: { acceptedNames } } : {}),
  };
}

const thingNames: CrdNames = {
  plural: "things",
  singular: "thing",
  shortNames: ["th"],
  kind: "Thing",
  listKind: "ThingList",
};

describe("decideNames", () => {
  it("accepts every name no other CRD of the group holds", () => {
    const fresh = crd("things.example.com", thingNames);
    const decision = decideNames(fresh, [fresh]);
    assert.deepEqual(decision.namesAccepted, {
      type: "NamesAccepted",
      status: "True",
      reason: "NoConflicts",
      message: "no conflicts found",
    });
    assert.deepEqual(decision.acceptedNames, thingNames);
  });

  it("keeps the free names and reports the last conflict found, as the naming controller does", () => {
    const holder = crd("things.example.com", thingNames, thingNames);
    const clash = crd("others.example.com", {
      plural: "others",
      singular: "thing",
      kind: "Thing",
      listKind: "ThingList",
    });
    const decision = decideNames(clash, [holder, clash]);
    assert.deepEqual(decision.namesAccepted, {
      type: "NamesAccepted",
      status: "False",
      reason: "ListKindConflict",
      message: '"ThingList" is already in use',
    });
    assert.deepEqual(decision.acceptedNames, { plural: "others", kind: "" });
  });

  it("reports a taken short name, and lets a CRD keep names it was already granted", () => {
    const holder = crd("things.example.com", thingNames, thingNames);
    const other = crd("others.example.com", { plural: "others", shortNames: ["th", "ot"], kind: "Other" });
    assert.deepEqual(decideNames(other, [holder, other]).namesAccepted, {
      type: "NamesAccepted",
      status: "False",
      reason: "ShortNamesConflict",
      message: '"th" is already in use',
    });
    assert.equal(decideNames(holder, [holder, other]).namesAccepted.status, "True");
  });
});

describe("namingConditions", () => {
  it("establishes a CRD whose names are accepted, and not one whose names are not", () => {
    const fresh = crd("things.example.com", thingNames);
    const accepted = namingConditions(fresh, decideNames(fresh, [fresh]), "2026-01-01T00:00:00Z");
    assert.deepEqual(
      accepted.map((c) => [c.type, c.status, c.reason]),
      [
        ["NamesAccepted", "True", "NoConflicts"],
        ["Established", "True", "InitialNamesAccepted"],
      ],
    );
    assert.ok(crdServable({ ...fresh, status: { conditions: accepted } }));
    const holder = crd("things.example.com", thingNames, thingNames);
    const clash = crd("others.example.com", { plural: "others", kind: "Thing" });
    const refused = namingConditions(clash, decideNames(clash, [holder, clash]), "2026-01-01T00:00:00Z");
    assert.deepEqual(
      refused.map((c) => [c.type, c.status, c.reason, c.message]),
      [
        ["NamesAccepted", "False", "KindConflict", '"Thing" is already in use'],
        ["Established", "False", "NotAccepted", "not all names are accepted"],
      ],
    );
    assert.equal(crdServable({ ...clash, status: { conditions: refused } }), false);
  });
});
