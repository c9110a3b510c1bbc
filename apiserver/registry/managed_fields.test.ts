import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { KubeObject, ManagedFieldsEntry } from "../storage/types.js";
import { builtinType, builtinTypes } from "./builtins.js";
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

const custom = builtinType({
  group: "example.com",
  version: "v1",
  resource: "things",
  kind: "Thing",
  namespaced: true,
});

function object(fields: Record<string, unknown>, managedFields?: ManagedFieldsEntry[]): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Thing",
    metadata: { name: "x", ...(managedFields ? { managedFields } : {}) },
    ...fields,
  };
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
    const byManager = Object.fromEntries(
      (next.metadata.managedFields ?? []).map((entry) => [entry.manager, entry.fieldsV1]),
    );
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
    assert.deepEqual(
      next.metadata.managedFields?.map((entry) => [entry.manager, entry.fieldsV1]),
      [["alice", { "f:spec": { ".": {}, "f:size": {} } }]],
    );
  });
});

describe("recordUpdate across versions", () => {
  it("takes a field from an entry recorded at another version in that version's names", () => {
    const [core, eventsV1] = ["v1", "events.k8s.io/v1"].map((apiVersion) =>
      builtinTypes().find(
        (type) => type.kind === "Event" && (type.group ? `${type.group}/${type.version}` : type.version) === apiVersion,
      ),
    );
    assert.ok(core && eventsV1);
    const created: KubeObject = {
      apiVersion: "events.k8s.io/v1",
      kind: "Event",
      metadata: { name: "e" },
      note: "first",
      reason: "R",
    };
    recordUpdate(eventsV1, created, undefined, { manager: "recorder" }, "2026-01-01T00:00:00Z");
    const stored = structuredClone(created);
    eventsV1.conversion?.toStorage(stored);
    const updated = { ...structuredClone(stored), message: "second" };
    recordUpdate(core, updated, stored, { manager: "editor" }, "2026-01-01T00:00:05Z");
    assert.deepEqual(
      updated.metadata.managedFields?.map((entry) => [
        entry.manager,
        entry.apiVersion,
        Object.keys(entry.fieldsV1).sort(),
      ]),
      [
        ["recorder", "events.k8s.io/v1", ["f:reason"]],
        ["editor", "v1", ["f:message"]],
      ],
    );
  });
});

describe("renderEntries", () => {
  it("orders Apply before Update, then by time in seconds, manager and subresource", () => {
    const entry = (manager: string, operation: "Apply" | "Update", time?: string, subresource?: string) => ({
      entry: {
        manager,
        operation,
        apiVersion: "v1",
        ...(time ? { time } : {}),
        fieldsType: "FieldsV1" as const,
        fieldsV1: {},
        ...(subresource ? { subresource } : {}),
      },
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
