import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { builtinGoStruct } from "./builtin_go_types.js";
import { goUnmarshalError } from "./go_unmarshal.js";

const configMap = builtinGoStruct("v1", "ConfigMap")!;
const lease = builtinGoStruct("coordination.k8s.io/v1", "Lease")!;

describe("goUnmarshalError", () => {
  it("names the innermost struct and the JSON path, without map keys or list indexes", () => {
    assert.ok(configMap);
    const owners = { ownerReferences: [{ name: "a", controller: "yes" }] };
    assert.equal(
      goUnmarshalError({ metadata: owners }, configMap),
      "json: cannot unmarshal string into Go struct field OwnerReference.metadata.ownerReferences.controller of type bool",
    );
    assert.equal(
      goUnmarshalError({ data: { a: "x", b: 1 } }, configMap),
      "json: cannot unmarshal number into Go struct field ConfigMap.data of type string",
    );
  });

  it("reports the first type error in body order, and a bad timestamp at once", () => {
    assert.ok(configMap && lease);
    assert.equal(
      goUnmarshalError({ binaryData: { k: 5 }, immutable: "no" }, configMap),
      "json: cannot unmarshal number into Go struct field ConfigMap.binaryData of type []uint8",
    );
    assert.equal(
      goUnmarshalError({ spec: { leaseDurationSeconds: 1.5, renewTime: "2024-01-01T00:00:00Z" } }, lease),
      'parsing time "2024-01-01T00:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"',
    );
    assert.equal(
      goUnmarshalError({ spec: { leaseDurationSeconds: 3_000_000_000 } }, lease),
      "json: cannot unmarshal number 3000000000 into Go struct field LeaseSpec.spec.leaseDurationSeconds of type int32",
    );
  });

  it("parses every Quantity as ParseQuantity does and stores its canonical form", () => {
    const limitRange = builtinGoStruct("v1", "LimitRange")!;
    const body = {
      spec: { limits: [{ type: "Container", max: { cpu: "1000m", memory: "1024Mi" }, min: { cpu: 0.5 } }] },
    };
    assert.equal(goUnmarshalError(body, limitRange), undefined);
    assert.deepEqual(body.spec.limits[0], {
      type: "Container",
      max: { cpu: "1", memory: "1Gi" },
      min: { cpu: "500m" },
    });
    const format = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    assert.equal(goUnmarshalError({ spec: { limits: [{ max: { cpu: "abc" } }] } }, limitRange), format);
    assert.equal(goUnmarshalError({ spec: { limits: [{ max: { cpu: true } }] } }, limitRange), format);
    assert.equal(
      goUnmarshalError({ spec: { limits: [{ max: { cpu: "1e" } }] } }, limitRange),
      "unable to parse quantity's suffix",
    );
  });

  it("stores timestamps in UTC and bytes as canonical base64", () => {
    const secret = builtinGoStruct("v1", "Secret")!;
    assert.ok(secret && lease);
    const object = {
      data: { a: "aGVs\nbG8=", b: [104, 105] },
      metadata: { creationTimestamp: "2024-01-01T01:00:00+01:00" },
    };
    assert.equal(goUnmarshalError(object, secret), undefined);
    assert.deepEqual(object, {
      data: { a: "aGVsbG8=", b: "aGk=" },
      metadata: { creationTimestamp: "2024-01-01T00:00:00Z" },
    });
    assert.equal(goUnmarshalError({ data: { a: "!!" } }, secret), "illegal base64 data at input byte 0");
  });

  it("lets nulls through, as Go leaves the zero value", () => {
    assert.ok(configMap);
    assert.equal(goUnmarshalError({ data: null, metadata: { labels: { a: null }, uid: null } }, configMap), undefined);
  });
});
