import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { persistentVolumeClaimStrategy as strategy } from "./persistentvolumeclaims.js";
import { cells, createWith, object, updateWith } from "../internal/testing/strategy_writes.js";

const claim = (name: string, spec: Record<string, unknown>) => object("v1", "PersistentVolumeClaim", name, { spec });
const minimal = { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1536Mi" } } };

// Expected values are kube-apiserver v1.37.2's answers to the same bodies.
describe("PersistentVolumeClaims", () => {
  it("defaults volumeMode and starts Pending", () => {
    const created = claim("c1", minimal);
    assert.deepEqual(createWith(strategy, created), []);
    assert.deepEqual(created.spec, {
      accessModes: ["ReadWriteOnce"],
      resources: { requests: { storage: "1536Mi" } },
      volumeMode: "Filesystem",
    });
    assert.deepEqual(created.status, { phase: "Pending" });
    assert.deepEqual(cells(strategy, created, 3), ["c1", "Pending", "", "", "", "", "<unset>", "3s", "Filesystem"]);
  });

  it("refuses what ValidatePersistentVolumeClaimSpec refuses", () => {
    assert.deepEqual(
      createWith(
        strategy,
        claim("c2", {
          accessModes: ["Foo", "ReadWriteOncePod"],
          volumeMode: "X",
          storageClassName: "A_b",
          resources: { requests: { storage: "0" } },
        }),
      ),
      [
        'spec.accessModes: Unsupported value: "Foo": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
        'spec.resources[storage]: Invalid value: "0": must be greater than zero',
        "spec.storageClassName: Invalid value: \"A_b\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
        'spec.volumeMode: Unsupported value: "X": supported values: "Block", "Filesystem"',
      ],
    );
    assert.deepEqual(createWith(strategy, claim("c3", {})), [
      "spec.accessModes: Required value: at least 1 access mode is required",
      "spec.resources[storage]: Required value",
    ]);
    assert.deepEqual(
      createWith(strategy, claim("c4", { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "-1" } } })),
      ['spec.resources[storage]: Invalid value: "-1": must be greater than zero'],
    );
  });

  it("keeps the spec immutable, with diff.Diff's hunk", () => {
    const old = claim("c1", minimal);
    createWith(strategy, old);
    const next = claim("c1", { ...minimal, accessModes: ["ReadWriteMany"], storageClassName: "x" });
    assert.deepEqual(updateWith(strategy, next, old), [
      'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n@@ -1,6 +1,6 @@\n {\n  "AccessModes": [\n-  "ReadWriteOnce"\n+  "ReadWriteMany"\n  ],\n  "Selector": null,\n  "Resources": {\n',
    ]);
    assert.deepEqual(updateWith(strategy, claim("c1", { ...minimal, storageClassName: "x" }), old), []);
  });
});
