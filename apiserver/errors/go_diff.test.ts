import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { goDiff } from "./go_diff.js";

const claimSpec = (accessMode: string) => ({
  AccessModes: [accessMode],
  Selector: null,
  Resources: { Limits: null, Requests: { storage: "1536Mi" } },
  VolumeName: "",
  StorageClassName: null,
  VolumeMode: "Filesystem",
  DataSource: null,
  DataSourceRef: null,
  VolumeAttributesClassName: null,
});

describe("goDiff (util/diff.Diff)", () => {
  it("prints one hunk with three lines of context, as kube-apiserver's PVC immutability error", () => {
    assert.equal(
      goDiff(claimSpec("ReadWriteOnce"), claimSpec("ReadWriteMany")),
      '@@ -1,6 +1,6 @@\n {\n  "AccessModes": [\n-  "ReadWriteOnce"\n+  "ReadWriteMany"\n  ],\n  "Selector": null,\n  "Resources": {\n',
    );
  });

  it("splits changes far apart into hunks and prints nothing for equal values", () => {
    const before = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, I: 9 };
    const after = { ...before, A: 0, I: 0 };
    assert.equal(
      goDiff(before, after),
      '@@ -1,5 +1,5 @@\n {\n- "A": 1,\n+ "A": 0,\n  "B": 2,\n  "C": 3,\n  "D": 4,\n@@ -7,5 +7,5 @@\n  "F": 6,\n  "G": 7,\n  "H": 8,\n- "I": 9\n+ "I": 0\n }\n',
    );
    assert.equal(goDiff(before, before), "");
  });
});
