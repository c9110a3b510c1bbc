import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ResourceType } from "../registry/resource_type.js";
import type { KubeObject } from "../storage/types.js";
import type { AdmissionAttributes } from "./attributes.js";
import { convertAttributes, convertObject } from "./versions.js";

// A CRD served at v1 (stored) and v2, whose webhook renames spec.size (v1) to spec.count (v2).
const reviews: string[] = [];
const webhookConversion: NonNullable<ResourceType["webhookConversion"]> = {
  schemas: {},
  // As the real converter: only objects not yet at the desired version are sent to the webhook.
  convert: (objects, desired) =>
    Promise.resolve(
      objects.map((object) => {
        if (object.apiVersion === desired) return object;
        reviews.push(desired);
        const { size, count, ...others } = (object.spec ?? {}) as Record<string, unknown>;
        const renamed = desired.endsWith("/v2") ? { ...others, count: size } : { ...others, size: count };
        return { ...object, apiVersion: desired, spec: renamed };
      }),
    ),
};
const typeAt = (version: string) =>
  ({ group: "example.com", version, kind: "Lamp", storageVersion: "v1", webhookConversion }) as ResourceType;
const v1 = typeAt("v1");
const v2 = typeAt("v2");
const lamp = (apiVersion: string, spec: Record<string, unknown>): KubeObject => ({
  apiVersion,
  kind: "Lamp",
  metadata: { name: "l" },
  spec,
});

describe("converting admission attributes (matchPolicy Equivalent)", () => {
  it("converts a webhook-converted CRD's objects through its webhook, both ways", async () => {
    reviews.length = 0;
    assert.deepEqual(
      await convertObject(lamp("example.com/v2", { count: 3 }), v2, v1),
      lamp("example.com/v1", { size: 3 }),
    );
    assert.deepEqual(
      await convertObject(lamp("example.com/v1", { size: 4 }), v1, v2),
      lamp("example.com/v2", { count: 4 }),
    );
    assert.deepEqual(reviews, ["example.com/v1", "example.com/v2"]);
  });

  it("converts object and oldObject, and leaves the caller's objects alone", async () => {
    const object = lamp("example.com/v2", { count: 1 });
    const attributes = { type: v2, object, oldObject: undefined } as unknown as AdmissionAttributes;
    const converted = await convertAttributes(attributes, v1);
    assert.deepEqual(converted.object, lamp("example.com/v1", { size: 1 }));
    assert.equal(converted.oldObject, undefined);
    assert.deepEqual(object, lamp("example.com/v2", { count: 1 }));
  });
});
