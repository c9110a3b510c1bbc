import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { KubeObject } from "../storage/types.js";
import { builtinType } from "./builtins.js";
import { scaleToObject } from "./scale.js";

const gizmos = {
  ...builtinType({
    group: "example.com",
    version: "v1",
    resource: "gizmos",
    kind: "Gizmo",
    namespaced: true,
    statusSubresource: true,
  }),
  scale: { specReplicasPath: ".spec.replicas", statusReplicasPath: ".status.replicas", labelSelectorPath: undefined },
};

const created: KubeObject = {
  apiVersion: "example.com/v1",
  kind: "Gizmo",
  metadata: {
    name: "g",
    resourceVersion: "7",
    managedFields: [
      {
        manager: "creator",
        operation: "Update",
        apiVersion: "example.com/v1",
        time: "2026-01-01T00:00:00Z",
        fieldsType: "FieldsV1",
        fieldsV1: { "f:spec": { ".": {}, "f:replicas": {}, "f:size": {} } },
      },
    ],
  },
  spec: { size: 1, replicas: 2 },
};

describe("scale writes", () => {
  it("take spec.replicas from its owner and record it under subresource scale without a time", () => {
    const written = scaleToObject(
      gizmos,
      created,
      { spec: { replicas: 5 } },
      { manager: "scaler", time: "2026-01-01T00:00:09Z" },
    );
    assert.equal((written.spec as { replicas: number }).replicas, 5);
    assert.deepEqual(written.metadata.managedFields, [
      {
        manager: "scaler",
        operation: "Update",
        apiVersion: "example.com/v1",
        fieldsType: "FieldsV1",
        fieldsV1: { "f:spec": { "f:replicas": {} } },
        subresource: "scale",
      },
      { ...created.metadata.managedFields?.[0], fieldsV1: { "f:spec": { ".": {}, "f:size": {} } } },
    ]);
  });

  it("record nothing for the writer when the replicas do not change, though the round trip splits the owner's entry", () => {
    // The Scale entries are keyed by autoscaling/v1 identities, which never match an Update entry of the parent.
    const written = scaleToObject(
      gizmos,
      created,
      { spec: { replicas: 2 } },
      { manager: "scaler", time: "2026-01-01T00:00:09Z" },
    );
    assert.deepEqual(written.metadata.managedFields, [
      {
        manager: "creator",
        operation: "Update",
        apiVersion: "example.com/v1",
        fieldsType: "FieldsV1",
        fieldsV1: { "f:spec": { "f:replicas": {} } },
      },
      { ...created.metadata.managedFields?.[0], fieldsV1: { "f:spec": { ".": {}, "f:size": {} } } },
    ]);
  });
});
