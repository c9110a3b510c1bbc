import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { KubeObject } from "../../storage/types.js";
import { clusterObject, createdAt, rejection, tableCells } from "../strategy_testing.js";
import { strategies } from "./index.js";

const group = "storage.k8s.io";
const now = createdAt;
const object = (kind: string, name: string, fields: Record<string, unknown>): KubeObject =>
  clusterObject(`${group}/v1`, kind, name, fields);
const subdomainMessage =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const qualifiedNameMessage =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe("storage strategies", () => {
  const storageClasses = strategies.storageclasses!;
  const storageClass = { group, kind: "StorageClass" };

  it("default a StorageClass's reclaim policy and binding mode, and print them", () => {
    const created = object("StorageClass", "ck-sc", { provisioner: "example.com/p", parameters: { a: "b" } });
    assert.equal(rejection(storageClasses, storageClass, created), "");
    assert.equal(created.reclaimPolicy, "Delete");
    assert.equal(created.volumeBindingMode, "Immediate");
    assert.deepEqual(tableCells(storageClasses, created, now), [
      "ck-sc",
      "example.com/p",
      "Delete",
      "Immediate",
      false,
      "0s",
    ]);
  });

  it("reject a bad StorageClass as kube-apiserver does, declarative errors last", () => {
    const bad = object("StorageClass", "ck-scbad", {
      provisioner: "",
      reclaimPolicy: "Bad",
      volumeBindingMode: "Bad",
      allowedTopologies: [{ matchLabelExpressions: [{ key: "", values: [] }] }],
    });
    assert.equal(
      rejection(storageClasses, storageClass, bad),
      `StorageClass.storage.k8s.io "ck-scbad" is invalid: [reclaimPolicy: Unsupported value: "Bad": supported values: "Delete", "Retain", volumeBindingMode: Unsupported value: "Bad": supported values: "Immediate", "WaitForFirstConsumer", allowedTopologies[0].matchLabelExpressions[0].values: Required value, allowedTopologies[0].matchLabelExpressions[0].key: Invalid value: "": name part must be non-empty, allowedTopologies[0].matchLabelExpressions[0].key: Invalid value: "": ${qualifiedNameMessage}, provisioner: Required value]`,
    );
    const bad2 = object("StorageClass", "ck-scbad2", {
      provisioner: "Bad_Prov!",
      reclaimPolicy: "Recycle",
      allowedTopologies: [{}],
    });
    assert.equal(
      rejection(storageClasses, storageClass, bad2),
      `StorageClass.storage.k8s.io "ck-scbad2" is invalid: [provisioner: Invalid value: "bad_prov!": ${qualifiedNameMessage}, reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain", allowedTopologies[0].matchLabelExpressions: Duplicate value: ""]`,
    );
  });

  it("keep a StorageClass's provisioner, parameters and policies on update", () => {
    const old = object("StorageClass", "ck-sc", {
      provisioner: "example.com/p",
      parameters: { a: "b" },
      reclaimPolicy: "Delete",
      volumeBindingMode: "Immediate",
    });
    const changed = object("StorageClass", "ck-sc", {
      provisioner: "example.com/q",
      parameters: { a: "c" },
      reclaimPolicy: "Retain",
      volumeBindingMode: "WaitForFirstConsumer",
    });
    assert.equal(
      rejection(storageClasses, storageClass, changed, old),
      'StorageClass.storage.k8s.io "ck-sc" is invalid: [provisioner: Invalid value: null: field is immutable, parameters: Invalid value: null: field is immutable, reclaimPolicy: Invalid value: null: field is immutable, volumeBindingMode: Invalid value: null: field is immutable]',
    );
    const labelled = object("StorageClass", "ck-sc", { provisioner: "example.com/p", parameters: { a: "b" } });
    assert.equal(rejection(storageClasses, storageClass, labelled, old), "");
  });

  it("default a CSIDriver's spec and check it", () => {
    const driver = object("CSIDriver", "ck.example.com", { spec: {} });
    assert.equal(rejection(strategies.csidrivers!, { group, kind: "CSIDriver" }, driver), "");
    assert.deepEqual(driver.spec, {
      attachRequired: true,
      podInfoOnMount: false,
      volumeLifecycleModes: ["Persistent"],
      storageCapacity: false,
      fsGroupPolicy: "ReadWriteOnceWithFSType",
      requiresRepublish: false,
      seLinuxMount: false,
      preventPodSchedulingIfMissing: false,
    });
    assert.deepEqual(tableCells(strategies.csidrivers!, driver, now), [
      "ck.example.com",
      true,
      false,
      false,
      "<unset>",
      false,
      "Persistent",
      "0s",
    ]);
    const bad = object("CSIDriver", "bad", {
      spec: {
        fsGroupPolicy: "Bad",
        volumeLifecycleModes: ["Bad"],
        tokenRequests: [{ audience: "a", expirationSeconds: 5 }],
      },
    });
    assert.equal(
      rejection(strategies.csidrivers!, { group, kind: "CSIDriver" }, bad),
      'CSIDriver.storage.k8s.io "bad" is invalid: [spec.fsGroupPolicy: Unsupported value: "Bad": supported values: "File", "None", "ReadWriteOnceWithFSType", spec.tokenRequests[0].expirationSeconds: Invalid value: 5: may not specify a duration less than 10 minutes, spec.volumeLifecycleModes: Unsupported value: "Bad": supported values: "Persistent", "Ephemeral"]',
    );
  });

  it("check a VolumeAttachment's source and node, the attacher last, and reset its status", () => {
    const strategy = strategies.volumeattachments!;
    const bad = object("VolumeAttachment", "ck-vabad", { spec: { attacher: "", nodeName: "", source: {} } });
    assert.equal(
      rejection(strategy, { group, kind: "VolumeAttachment" }, bad),
      `VolumeAttachment.storage.k8s.io "ck-vabad" is invalid: [spec.source: Required value: must specify exactly one of inlineVolumeSpec and persistentVolumeName, spec.nodeName: Invalid value: "": ${subdomainMessage}, spec.attacher: Required value]`,
    );
    const attachment = object("VolumeAttachment", "ck-va", {
      spec: { attacher: "ck.example.com", nodeName: "n1", source: { persistentVolumeName: "pv1" } },
      status: { attached: true },
    });
    assert.equal(rejection(strategy, { group, kind: "VolumeAttachment" }, attachment), "");
    strategy.prepareForCreate?.(attachment);
    assert.deepEqual(attachment.status, { attached: false });
    assert.deepEqual(tableCells(strategy, attachment, now), ["ck-va", "ck.example.com", "pv1", "n1", false, "0s"]);
  });

  it("check a CSINode's drivers and count them", () => {
    const strategy = strategies.csinodes!;
    const bad = object("CSINode", "n2", {
      spec: {
        drivers: [
          { name: "", nodeID: "" },
          { name: "Bad!", nodeID: "x" },
        ],
      },
    });
    assert.equal(
      rejection(strategy, { group, kind: "CSINode" }, bad),
      `CSINode.storage.k8s.io "n2" is invalid: [spec.drivers[0].name: Required value, spec.drivers[0].nodeID: Required value, spec.drivers[1].name: Invalid value: "Bad!": ${subdomainMessage}]`,
    );
    const node = object("CSINode", "n1", {
      spec: { drivers: [{ name: "ck.example.com", nodeID: "n1", allocatable: { count: 3 } }] },
    });
    assert.deepEqual(tableCells(strategy, node, now), ["n1", 1, "0s"]);
    const recounted = object("CSINode", "n1", {
      spec: { drivers: [{ name: "ck.example.com", nodeID: "n1", allocatable: { count: 4 } }] },
    });
    assert.equal(rejection(strategy, { group, kind: "CSINode" }, recounted, node), "");
  });

  it("check a CSIStorageCapacity's class name and a VolumeAttributesClass's driver", () => {
    const capacity = object("CSIStorageCapacity", "ck-capbad", { storageClassName: "" });
    assert.equal(
      rejection(strategies.csistoragecapacities!, { group, kind: "CSIStorageCapacity" }, capacity),
      `CSIStorageCapacity.storage.k8s.io "ck-capbad" is invalid: storageClassName: Invalid value: "": ${subdomainMessage}`,
    );
    const vac = object("VolumeAttributesClass", "ck-vac", {
      driverName: "ck.example.com",
      parameters: { iops: "100" },
    });
    assert.equal(rejection(strategies.volumeattributesclasses!, { group, kind: "VolumeAttributesClass" }, vac), "");
    assert.deepEqual(tableCells(strategies.volumeattributesclasses!, vac, now), ["ck-vac", "ck.example.com", "0s"]);
  });
});
