import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { KubeObject, ManagedFieldsEntry } from "../storage/types.js";
import { builtinType } from "./builtins.js";
import { recordUpdate, renderEntries } from "./managed_fields.js";
import { fromFieldsV1 } from "./field_set.js";

const lease = builtinType({
  group: "coordination.k8s.io",
  version: "v1",
  resource: "leases",
  kind: "Lease",
  namespaced: true,
  fieldSchema: { properties: { spec: { properties: { holderIdentity: {}, leaseDurationSeconds: {} } } } },
  emptyObject: { spec: {} },
});

const custom = builtinType({ group: "example.com", version: "v1", resource: "things", kind: "Thing", namespaced: true });

function object(fields: Record<string, unknown>, managedFields?: ManagedFieldsEntry[]): KubeObject {
  return { apiVersion: "v1", kind: "Thing", metadata: { name: "x", ...(managedFields ? { managedFields } : {}) }, ...fields };
}

describe("recordUpdate", () => {
  it("records a create as a change from the kind's zero value: a struct that always exists gets no '.'", () => {
    const created = object({ spec: { holderIdentity: "me" } });
    recordUpdate(lease, created, undefined, { manager: "alice" }, "2026-01-01T00:00:00Z");
    assert.deepEqual(created.metadata.managedFields?.[0]?.fieldsV1, { "f:spec": { "f:holderIdentity": {} } });
  });

  it("gives '.' to a map the write created, and takes changed fields from their previous owner", () => {
    const old = object({ spec: { size: 1 } });
    recordUpdate(custom, old, undefined, { manager: "alice" }, "2026-01-01T00:00:00Z");
    assert.deepEqual(old.metadata.managedFields?.[0]?.fieldsV1, { "f:spec": { ".": {}, "f:size": {} } });
    const next = structuredClone(old);
    next.spec = { size: 2, labels: { a: "b" } };
    recordUpdate(custom, next, old, { manager: "bob" }, "2026-01-01T00:00:05Z");
    const byManager = Object.fromEntries((next.metadata.managedFields ?? []).map((entry) => [entry.manager, entry.fieldsV1]));
    assert.deepEqual(byManager, {
      alice: { "f:spec": {} },
      bob: { "f:spec": { "f:labels": { ".": {}, "f:a": {} }, "f:size": {} } },
    });
  });

  it("drops removed fields from every manager and entries left with nothing", () => {
    const old = object({ metadata: undefined, spec: { size: 1 } });
    old.metadata = { name: "x", ownerReferences: [{ apiVersion: "v1", kind: "ConfigMap", name: "o", uid: "u1" }] };
    recordUpdate(custom, old, undefined, { manager: "alice" }, "2026-01-01T00:00:00Z");
    const next = structuredClone(old);
    delete next.metadata.ownerReferences;
    recordUpdate(custom, next, old, { manager: "collector" }, "2026-01-01T00:00:05Z");
    assert.deepEqual(next.metadata.managedFields?.map((entry) => [entry.manager, entry.fieldsV1]), [["alice", { "f:spec": { ".": {}, "f:size": {} } }]]);
  });
});

describe("renderEntries", () => {
  it("orders Apply before Update, then by time in seconds, manager and subresource", () => {
    const entry = (manager: string, operation: "Apply" | "Update", time?: string, subresource?: string) => ({
      entry: { manager, operation, apiVersion: "v1", ...(time ? { time } : {}), fieldsType: "FieldsV1" as const, fieldsV1: {}, ...(subresource ? { subresource } : {}) },
      fields: fromFieldsV1({ "f:data": {} }),
    });
    const rendered = renderEntries([
      entry("zed", "Update", "2026-01-01T00:00:01Z", "status"),
      entry("zed", "Update", "2026-01-01T00:00:01Z"),
      entry("amy", "Update", "2026-01-01T00:00:09Z"),
      entry("scaler", "Update", undefined, "scale"),
      entry("bob", "Apply", "2026-01-01T00:00:05Z"),
    ]);
    assert.deepEqual(
      rendered?.map((e) => `${e.operation} ${e.manager} ${e.subresource ?? ""}`.trim()),
      ["Apply bob", "Update scaler scale", "Update zed", "Update zed status", "Update amy"],
    );
  });
});
