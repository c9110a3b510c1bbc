import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { KubeObject } from "../storage/types.js";
import { builtinTypes } from "./builtins.js";

const namespaces = builtinTypes().find((type) => type.resource === "namespaces");
const namespace = (finalizers: string[] | undefined): KubeObject => ({
  apiVersion: "v1",
  kind: "Namespace",
  metadata: { name: "n" },
  spec: finalizers ? { finalizers } : {},
});

describe("namespace strategy", () => {
  it("adds the kubernetes finalizer and the Active phase on create, after the user's finalizers", () => {
    const created = namespace(["example.com/mine"]);
    namespaces?.strategy.prepareForCreate?.(created);
    assert.deepEqual(created.spec, { finalizers: ["example.com/mine", "kubernetes"] });
    assert.deepEqual(created.status, { phase: "Active" });
  });

  it("keeps the stored finalizers on an update, but lets the finalize subresource change them", () => {
    const old = namespace(["kubernetes"]);
    const updated = namespace(undefined);
    namespaces?.strategy.prepareForUpdate?.(updated, old, "");
    assert.deepEqual(updated.spec, { finalizers: ["kubernetes"] });
    const finalized = namespace([]);
    namespaces?.strategy.prepareForUpdate?.(finalized, old, "finalize");
    assert.deepEqual(finalized.spec, { finalizers: [] });
  });
});
