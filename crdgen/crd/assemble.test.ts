/** CRD assembly: a laid-out CRD with schemas becomes a typed CustomResourceDefinition. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { assembleCrds } from "./assemble.js";
import type { CrdLayout } from "./layout.js";
import { newVersionDraft, type VersionDraft } from "./model.js";
import type { VersionWithSchema } from "./schemas.js";

function version(name: string, changes: Partial<VersionDraft> = {}): VersionWithSchema {
  return {
    version: { ...newVersionDraft(name), ...changes },
    model: { kind: "any", from: "test", markers: [], position: { file: "types.ts", line: 1, column: 1 } },
    schema: { type: "object" },
  };
}

function layout(versions: VersionWithSchema[], names: Partial<CrdLayout["names"]> = {}): CrdLayout<VersionWithSchema> {
  return {
    group: "example.com",
    kind: "Widget",
    plural: "widgets",
    singular: "widget",
    names: { scope: "Namespaced", annotations: {}, labels: {}, ...names },
    versions,
    position: { file: "types.ts", line: 3, column: 18 },
  };
}

describe("assembleCrds", () => {
  it("writes names, scope, the version annotation and each version's schema, leaving unset fields out", () => {
    const [assembled] = assembleCrds([layout([version("v1", { storage: true })])], { controllerGenVersion: "v0" });
    assert.deepEqual(assembled?.crd, {
      apiVersion: "apiextensions.k8s.io/v1",
      kind: "CustomResourceDefinition",
      metadata: { name: "widgets.example.com", annotations: { "controller-gen.kubebuilder.io/version": "v0" } },
      spec: {
        group: "example.com",
        names: { kind: "Widget", listKind: "WidgetList", plural: "widgets", singular: "widget" },
        scope: "Namespaced",
        versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object" } } }],
      },
    });
    assert.deepEqual(assembled?.position, { file: "types.ts", line: 3, column: 18 });
  });

  it("carries what markers set: short names, labels, columns, deprecation, selectable fields, subresources", () => {
    const marked = version("v1", {
      storage: true,
      deprecated: true,
      deprecationWarning: "use v2",
      printerColumns: [{ name: "Size", type: "integer", jsonPath: ".spec.size" }],
      selectableFields: [{ jsonPath: ".spec.size" }],
      subresources: { status: {} },
    });
    const [assembled] = assembleCrds(
      [layout([marked], { shortNames: ["wd"], categories: ["all"], labels: { team: "a" }, scope: "Cluster" })],
      { controllerGenVersion: "v0" },
    );
    const crd = assembled?.crd;
    assert.deepEqual(crd?.metadata.labels, { team: "a" });
    assert.equal(crd?.spec.scope, "Cluster");
    assert.deepEqual(crd?.spec.names.shortNames, ["wd"]);
    assert.deepEqual(crd?.spec.names.categories, ["all"]);
    const [assembledVersion] = crd?.spec.versions ?? [];
    assert.equal(assembledVersion?.deprecated, true);
    assert.equal(assembledVersion?.deprecationWarning, "use v2");
    assert.deepEqual(assembledVersion?.additionalPrinterColumns, [
      { name: "Size", type: "integer", jsonPath: ".spec.size" },
    ]);
    assert.deepEqual(assembledVersion?.selectableFields, [{ jsonPath: ".spec.size" }]);
    assert.deepEqual(assembledVersion?.subresources, { status: {} });
  });
});
