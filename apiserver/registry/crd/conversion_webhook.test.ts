import assert from "node:assert/strict";
import { test } from "node:test";
import type { KubeObject } from "../../storage/types.js";
import { webhookConverter, type ReviewTransport } from "./conversion_webhook.js";

/** A ConversionReview answer as a test breaks it: any shape goes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are deliberately malformed
type Answer = Record<string, any>;

type Review = { apiVersion: string; request: { uid: string; desiredAPIVersion: string; objects: KubeObject[] } };

const lamp = (name: string, version: string, spec: Record<string, unknown>, labels?: Record<string, string>) =>
  ({
    apiVersion: `example.com/${version}`,
    kind: "Lamp",
    metadata: { name, namespace: "ns", uid: `uid-${name}`, resourceVersion: "7", ...(labels ? { labels } : {}) },
    spec,
  }) as KubeObject;

/** A webhook that renames spec.color to spec.colour, then lets `tamper` break its answer. */
function webhook(tamper: (answer: Answer, review: Review) => void = () => undefined) {
  const received: Review[] = [];
  const transport: ReviewTransport = async (_target, body) => {
    const review = structuredClone(body) as Review;
    received.push(review);
    const convertedObjects = review.request.objects.map((object) => {
      const { color, ...rest } = object.spec as Record<string, unknown>;
      return { ...object, apiVersion: review.request.desiredAPIVersion, spec: { ...rest, colour: color } };
    });
    const answer: Answer = {
      apiVersion: review.apiVersion,
      kind: "ConversionReview",
      response: { uid: review.request.uid, result: { status: "Success" }, convertedObjects },
    };
    tamper(answer, review);
    return answer;
  };
  return { received, transport };
}

const spec = { conversionReviewVersions: ["v1"], clientConfig: { url: "https://127.0.0.1:9443/convert" } };

test("one review carries only the objects not yet at the desired version, without resourceVersions", async () => {
  const { received, transport } = webhook();
  const converter = webhookConverter("lamps.example.com", spec, transport);
  const already = lamp("b", "v2", { colour: "blue" });
  const result = await converter.convert([lamp("a", "v1", { color: "red" }), already], "example.com/v2");
  assert.equal(received.length, 1);
  assert.equal(received[0]?.apiVersion, "apiextensions.k8s.io/v1");
  assert.deepEqual(
    received[0]?.request.objects.map((object) => [object.metadata.name, object.metadata.resourceVersion]),
    [["a", undefined]],
  );
  assert.deepEqual(result[0]?.spec, { colour: "red" });
  assert.equal(result[0]?.metadata.resourceVersion, "7", "the original metadata is restored");
  assert.equal(result[1], already);
});

test("nothing to convert calls no webhook", async () => {
  const { received, transport } = webhook();
  const converter = webhookConverter("lamps.example.com", spec, transport);
  await converter.convert([lamp("a", "v2", {})], "example.com/v2");
  assert.equal(received.length, 0);
});

test("labels and annotations come from the webhook; other metadata from the original", async () => {
  const { transport } = webhook((answer) => {
    const object = answer.response.convertedObjects[0];
    object.metadata.labels = { converted: "yes" };
    object.metadata.generation = 99;
  });
  const [converted] = await webhookConverter("lamps.example.com", spec, transport).convert(
    [lamp("a", "v1", { color: "red" }, { before: "x" })],
    "example.com/v2",
  );
  assert.deepEqual(converted?.metadata.labels, { converted: "yes" });
  assert.equal(converted?.metadata.generation, undefined);
});

const failures: [string, (answer: Answer, review: Review) => void, string][] = [
  ["a Failure result's message", (a) => (a.response.result = { status: "Failure", message: "no" }), "failed: no"],
  [
    "a Failure result without message",
    (a) => (a.response.result = { status: "Failure" }),
    "failed: response.result.status was 'Failure', not 'Success'",
  ],
  ["a wrong uid", (a) => (a.response.uid = "x"), 'failed: expected response.uid="'],
  [
    "another kind of answer",
    (a) => (a.kind = "AdmissionReview"),
    "failed: expected webhook response of apiextensions.k8s.io/v1, Kind=ConversionReview, got apiextensions.k8s.io/v1, Kind=AdmissionReview",
  ],
  ["no response", (a) => delete a.response, "failed: no response provided"],
  ["too many objects", (a) => a.response.convertedObjects.push({}), "returned 2 objects, expected 1"],
  [
    "a renamed object",
    (a) => (a.response.convertedObjects[0].metadata.name = "b"),
    "returned invalid object: must have the same name: a != b",
  ],
  [
    "a wrong version",
    (a) => (a.response.convertedObjects[0].apiVersion = "example.com/v3"),
    "returned invalid object: invalid groupVersion (expected example.com/v2, received example.com/v3)",
  ],
  [
    "an invalid label",
    (a) => (a.response.convertedObjects[0].metadata.labels = { "bad key!": "x" }),
    "returned invalid metadata: metadata.labels: Invalid value",
  ],
  [
    "a label that is no string",
    (a) => (a.response.convertedObjects[0].metadata.labels = { n: 1 }),
    "returned invalid metadata: metadata.labels[n] must be a string, but is int64 in converted object",
  ],
];

for (const [what, tamper, message] of failures) {
  test(`refuses ${what}`, async () => {
    const { transport } = webhook(tamper);
    const converter = webhookConverter("lamps.example.com", spec, transport);
    await assert.rejects(converter.convert([lamp("a", "v1", { color: "red" })], "example.com/v2"), (error: Error) => {
      assert.ok(error.message.startsWith("conversion webhook for example.com/v1, Kind=Lamp "), error.message);
      assert.ok(error.message.includes(message), error.message);
      return true;
    });
  });
}

test("a list's bad object is named by its index among those sent", async () => {
  const { transport } = webhook((a) => (a.response.convertedObjects[1].metadata.uid = "other"));
  const converter = webhookConverter("lamps.example.com", spec, transport);
  await assert.rejects(
    converter.convert([lamp("a", "v1", {}), lamp("b", "v2", {}), lamp("c", "v1", {})], "example.com/v2"),
    /returned invalid converted object at index 1: must have the same UID: uid-c != other/,
  );
});

test("v1beta1 reviews when only v1beta1 is accepted, their uid unchecked; none accepted is an error", async () => {
  const { received, transport } = webhook((a) => (a.response.uid = "ignored"));
  const beta = webhookConverter(
    "lamps.example.com",
    { ...spec, conversionReviewVersions: ["v9", "v1beta1"] },
    transport,
  );
  await beta.convert([lamp("a", "v1", { color: "red" })], "example.com/v2");
  assert.equal(received[0]?.apiVersion, "apiextensions.k8s.io/v1beta1");
  const none = webhookConverter("lamps.example.com", { ...spec, conversionReviewVersions: ["v9"] }, transport);
  await assert.rejects(
    none.convert([lamp("a", "v1", {})], "example.com/v2"),
    /no supported conversion review versions/,
  );
});

test("a transport error is the webhook's failure", async () => {
  const converter = webhookConverter("lamps.example.com", spec, async () => {
    throw new Error(
      'Post "https://127.0.0.1:1/convert?timeout=30s": dial tcp 127.0.0.1:1: connect: connection refused',
    );
  });
  await assert.rejects(
    converter.convert([lamp("a", "v1", {})], "example.com/v2"),
    /^Error: conversion webhook for example.com\/v1, Kind=Lamp failed: Post "https:\/\/127.0.0.1:1\/convert\?timeout=30s": dial tcp/,
  );
});
