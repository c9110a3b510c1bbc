import { test } from "node:test";
import assert from "node:assert/strict";
import { defineGroupVersion, Scheme } from "../../scheme/group_version.js";
import { discardLogger } from "../../log/logger.js";
import type { KubernetesObject } from "../../object.js";
import { FakeResponse, fakeRequest } from "../../internal/testing/fake_http.js";
import { ConversionRegistry, ConversionSetupError, conversionFor } from "./conversion.js";
import { conversionHttpHandler, convertRequest } from "./review.js";

interface MachineV1 extends KubernetesObject {
  spec: { switchCount: number };
}
interface MachineV1alpha1 extends KubernetesObject {
  spec: { switches: string[] };
}
interface MachineV2 extends KubernetesObject {
  spec: { size: { switches: number } };
}
const scheme = new Scheme();
const group = "useless.example.com";
const V1 = defineGroupVersion({ group, version: "v1", scheme }).kind<MachineV1>({
  kind: "Machine",
  plural: "machines",
});
const V1alpha1 = defineGroupVersion({ group, version: "v1alpha1", scheme }).kind<MachineV1alpha1>({
  kind: "Machine",
  plural: "machines",
});
const V2 = defineGroupVersion({ group, version: "v2", scheme }).kind<MachineV2>({
  kind: "Machine",
  plural: "machines",
});
const Other = defineGroupVersion({ group, version: "v2", scheme }).kind({ kind: "Switch", plural: "switches" });

const registry = new ConversionRegistry();
registry.register(
  conversionFor(V1, [
    {
      kind: V1alpha1,
      convertTo: (spoke: MachineV1alpha1): MachineV1 => ({ spec: { switchCount: spoke.spec.switches.length } }),
      convertFrom: (hub: MachineV1): MachineV1alpha1 => ({
        metadata: { ...hub.metadata, annotations: { converted: "yes" } },
        spec: { switches: Array.from({ length: hub.spec.switchCount }, (_, i) => `s${i}`) },
      }),
    },
    {
      kind: V2,
      convertTo: (spoke: MachineV2): MachineV1 => {
        if (spoke.spec.size.switches < 0) throw new Error("negative switches");
        return { spec: { switchCount: spoke.spec.size.switches } };
      },
      convertFrom: (hub: MachineV1): MachineV2 => ({ spec: { size: { switches: hub.spec.switchCount } } }),
    },
  ]),
);

const metadata = { name: "m", namespace: "ns", uid: "1234", resourceVersion: "7", labels: { a: "b" } };
const alpha: MachineV1alpha1 = {
  apiVersion: `${group}/v1alpha1`,
  kind: "Machine",
  metadata,
  spec: { switches: ["x", "y"] },
};
const v2 = (switches: number): MachineV2 => ({
  apiVersion: `${group}/v2`,
  kind: "Machine",
  metadata,
  spec: { size: { switches } },
});

test("spoke to hub and hub to spoke: apiVersion and kind set, metadata (uid) kept unless the converter sets it", async () => {
  const toHub = await convertRequest(registry, { uid: "r1", desiredAPIVersion: `${group}/v1`, objects: [alpha] });
  assert.deepEqual(toHub, {
    uid: "r1",
    convertedObjects: [{ apiVersion: `${group}/v1`, kind: "Machine", metadata, spec: { switchCount: 2 } }],
    result: { status: "Success" },
  });
  const hub = toHub.convertedObjects?.[0] as MachineV1;
  const back = await convertRequest(registry, { uid: "r2", desiredAPIVersion: `${group}/v1alpha1`, objects: [hub] });
  assert.deepEqual(back.convertedObjects?.[0], {
    apiVersion: `${group}/v1alpha1`,
    kind: "Machine",
    metadata: { ...metadata, annotations: { converted: "yes" } },
    spec: { switches: ["s0", "s1"] },
  });
});

test("spoke to spoke goes through the hub, and the input object is left untouched", async () => {
  const input = structuredClone(alpha);
  const answer = await convertRequest(registry, {
    uid: "r3",
    desiredAPIVersion: `${group}/v2`,
    objects: [input, alpha],
  });
  assert.deepEqual(
    answer.convertedObjects?.map((o) => (o as MachineV2).spec),
    [{ size: { switches: 2 } }, { size: { switches: 2 } }],
  );
  assert.deepEqual(input, alpha);
});

test("failures are a Failure result with the message and no objects", async () => {
  const cases: [unknown[], string, RegExp][] = [
    [
      [v2(-1)],
      `${group}/v1alpha1`,
      /Machine of useless\.example\.com\/v2 failed to convert to hub version useless\.example\.com\/v1: negative switches/,
    ],
    [[v2(1)], `${group}/v2`, /conversion is not allowed between the same version/],
    [[v2(1)], "other.example.com/v1", /do not belong to the same API group/],
    [[v2(1)], `${group}/v9`, /no kind "Machine" is registered for version "useless\.example\.com\/v9"/],
    [
      [{ apiVersion: `${group}/v2`, kind: "Switch" }],
      `${group}/v1`,
      /Switch of useless\.example\.com\/v2 is not convertible/,
    ],
  ];
  for (const [objects, desiredAPIVersion, message] of cases) {
    const answer = await convertRequest(registry, {
      uid: "f",
      desiredAPIVersion,
      objects: objects as KubernetesObject[],
    });
    assert.equal(answer.result.status, "Failure");
    assert.equal(answer.convertedObjects, null);
    assert.match(answer.result.message ?? "", message);
  }
});

test("the /convert handler echoes the review with its response; a body that is not a review is a bare 400", async () => {
  const handler = conversionHttpHandler(registry, discardLogger);
  const response = new FakeResponse();
  const review = {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "ConversionReview",
    request: { uid: "r9", desiredAPIVersion: `${group}/v1`, objects: [v2(3)] },
  };
  await handler(fakeRequest(JSON.stringify(review)), response.asServerResponse());
  assert.deepEqual(response.json(), {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "ConversionReview",
    response: {
      uid: "r9",
      convertedObjects: [{ apiVersion: `${group}/v1`, kind: "Machine", metadata, spec: { switchCount: 3 } }],
      result: { status: "Success" },
    },
  });
  for (const body of ["nope", "{}", '{"request":null}']) {
    const bad = new FakeResponse();
    await handler(fakeRequest(body), bad.asServerResponse());
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.body, "");
  }
});

test("conversionFor refuses spokes of another kind, the hub's version, or twice; the registry a kind twice", () => {
  const spoke = { convertTo: () => ({}), convertFrom: () => ({}) };
  assert.throws(() => conversionFor(V1, [{ ...spoke, kind: Other }]), ConversionSetupError);
  assert.throws(() => conversionFor(V1, [{ ...spoke, kind: V1 }]), /is the hub's own version/);
  assert.throws(
    () =>
      conversionFor(V1, [
        { ...spoke, kind: V2 },
        { ...spoke, kind: V2 },
      ]),
    /is given twice/,
  );
  assert.throws(() => conversionFor(V1, []), /no spokes/);
  assert.throws(() => registry.register(conversionFor(V1, [{ ...spoke, kind: V2 }])), /already has a conversion/);
});
