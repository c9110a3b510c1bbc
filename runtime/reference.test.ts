import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { getReference } from "./reference.js";

describe("getReference", () => {
  it("names the object by its type and metadata", () => {
    const metadata = { name: "pi", namespace: "ns", uid: "u1", resourceVersion: "7", labels: { a: "b" } };
    assert.deepEqual(getReference({ apiVersion: "batch/v1", kind: "Job", metadata }), {
      apiVersion: "batch/v1",
      kind: "Job",
      namespace: "ns",
      name: "pi",
      uid: "u1",
      resourceVersion: "7",
    });
  });

  it("takes the apiVersion and kind an object lacks from its kind", () => {
    const reference = getReference({ metadata: { name: "pi" } }, { apiVersion: "batch/v1", kind: "Job" });
    assert.equal(reference.apiVersion, "batch/v1");
    assert.equal(reference.kind, "Job");
    // An object's own type wins, as GetReference keeps a set GroupVersionKind.
    assert.equal(getReference({ apiVersion: "v1", kind: "Pod" }, { apiVersion: "batch/v1", kind: "Job" }).kind, "Pod");
  });
});
