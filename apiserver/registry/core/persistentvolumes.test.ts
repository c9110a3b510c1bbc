import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { persistentVolumeStrategy as strategy } from "./persistentvolumes.js";
import { cells, createWith, object } from "../internal/testing/strategy_writes.js";

const volume = (name: string, spec: Record<string, unknown>) => {
  const created = object("v1", "PersistentVolume", name, { spec });
  delete created.metadata.namespace;
  return created;
};

// Expected values are kube-apiserver v1.37.2's answers to the same bodies.
describe("PersistentVolumes", () => {
  it("defaults the reclaim policy, volumeMode and hostPath type, and starts Pending", () => {
    const created = volume("v1", {
      accessModes: ["ReadWriteOnce"],
      capacity: { storage: "1Gi" },
      hostPath: { path: "/tmp/x" },
    });
    assert.deepEqual(createWith(strategy, created), []);
    assert.deepEqual(created.spec, {
      accessModes: ["ReadWriteOnce"],
      capacity: { storage: "1Gi" },
      hostPath: { path: "/tmp/x", type: "" },
      persistentVolumeReclaimPolicy: "Retain",
      volumeMode: "Filesystem",
    });
    assert.equal((created.status as { phase: string }).phase, "Pending");
    assert.match(
      String((created.status as { lastPhaseTransitionTime: string }).lastPhaseTransitionTime),
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );
    assert.deepEqual(cells(strategy, created, 1), [
      "v1",
      "1Gi",
      "RWO",
      "Retain",
      "Pending",
      "",
      "",
      "<unset>",
      "",
      "1s",
      "Filesystem",
    ]);
  });

  it("refuses what ValidatePersistentVolumeSpec refuses", () => {
    assert.deepEqual(createWith(strategy, volume("v2", {})), [
      "spec.accessModes: Required value",
      "spec.capacity: Required value",
      'spec.capacity: Unsupported value: null: supported values: "storage"',
      "spec: Required value: must specify a volume type",
    ]);
    assert.deepEqual(
      createWith(
        strategy,
        volume("v3", {
          accessModes: ["Foo"],
          capacity: { storage: "0", cpu: "1" },
          persistentVolumeReclaimPolicy: "Keep",
          hostPath: { path: "/tmp/x" },
          nfs: { server: "a", path: "/b" },
        }),
      ),
      [
        'spec.accessModes: Unsupported value: "Foo": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
        'spec.capacity: Unsupported value: {"cpu":"1","storage":"0"}: supported values: "storage"',
        'spec.capacity[storage]: Invalid value: "0": must be greater than zero',
        'spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain"',
        "spec.nfs: Forbidden: may not specify more than 1 volume type",
      ],
    );
    assert.deepEqual(
      createWith(
        strategy,
        volume("v4", { accessModes: ["ReadWriteOnce"], capacity: { storage: "1Gi" }, hostPath: { path: "x/../y" } }),
      ),
      ["spec.hostPath.path: Invalid value: \"x/../y\": must not contain '..'"],
    );
  });
});
