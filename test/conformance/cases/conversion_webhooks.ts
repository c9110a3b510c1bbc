/**
 * CRD conversion webhooks: a Lamp CRD stored at v1 (`spec.color`) and served at v2 too
 * (`spec.colour`), converted by the test's webhook (harness/conversion_backend.ts). Objects are
 * written at one version and read, listed, watched, patched and deleted at the other; the reviews
 * the webhook received are recorded beside the responses; a broken webhook's answers are refused
 * as kube-apiserver refuses them.
 */
import assert from "node:assert/strict";
import type { CaseContext, ConformanceCase } from "../harness/case.js";
import {
  conversionBackend,
  type ConversionRoute,
  type ReceivedReview,
  type ReviewedObject,
} from "../harness/conversion_backend.js";
import { bodyOf, CRDS, expectStatus, MERGE } from "./helpers.js";

const colourSchema = (field: string) => ({
  type: "object",
  properties: { spec: { type: "object", properties: { [field]: { type: "string" } } } },
});

/** v1's spec.color is v2's spec.colour; everything else is kept. */
function convertLamp(object: ReviewedObject, desiredApiVersion: string): ReviewedObject {
  const spec = { ...(object.spec ?? {}) };
  if (desiredApiVersion.endsWith("/v2") && "color" in spec) {
    spec.colour = spec.color;
    delete spec.color;
  } else if (desiredApiVersion.endsWith("/v1") && "colour" in spec) {
    spec.color = spec.colour;
    delete spec.colour;
  }
  return { ...object, apiVersion: desiredApiVersion, spec };
}

function lampCrd(group: string, url: string, caPem: string) {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `lamps.${group}` },
    spec: {
      group,
      scope: "Namespaced",
      names: { plural: "lamps", singular: "lamp", kind: "Lamp", listKind: "LampList" },
      versions: [
        { name: "v1", served: true, storage: true, schema: { openAPIV3Schema: colourSchema("color") } },
        { name: "v2", served: true, storage: false, schema: { openAPIV3Schema: colourSchema("colour") } },
      ],
      conversion: {
        strategy: "Webhook",
        webhook: {
          conversionReviewVersions: ["v1"],
          clientConfig: { url, caBundle: Buffer.from(caPem).toString("base64") },
        },
      },
    },
  };
}

interface Lamps {
  readonly group: string;
  readonly route: ConversionRoute;
  path(version: string, name?: string): string;
  lamp(version: string, name: string, colour: string): Record<string, unknown>;
}

/** Installs the Lamp CRD pointing at this server's route of the webhook; waits until v2 is served. */
async function installLamps(t: CaseContext, url?: string): Promise<Lamps> {
  const backend = await conversionBackend();
  const route = backend.route(`${t.target.name}/${t.namespace}`, convertLamp);
  const group = `${t.namespace}.conversion.example.com`;
  expectStatus(
    await t.send({ method: "POST", path: CRDS, body: lampCrd(group, url ?? route.url, backend.caPem) }),
    201,
  );
  const path = (version: string, name?: string) =>
    `/apis/${group}/${version}/namespaces/${t.namespace}/lamps${name ? `/${name}` : ""}`;
  for (const version of ["v1", "v2"])
    await t.eventually(`${version} lamps to be served`, async () =>
      (await t.send({ path: path(version) })).status === 200 ? true : undefined,
    );
  const lamp = (version: string, name: string, colour: string) => ({
    apiVersion: `${group}/${version}`,
    kind: "Lamp",
    metadata: { name },
    spec: version === "v1" ? { color: colour } : { colour },
  });
  return { group, route, path, lamp };
}

/** The first review asking for `desired` of the object `name`, as the webhook received it. */
function reviewOf(route: ConversionRoute, desired: string, name: string): ReceivedReview | undefined {
  return route.reviews.find(
    (review) =>
      review.request?.desiredAPIVersion === desired &&
      review.request?.objects?.some((object) => object.metadata.name === name),
  );
}

export const conversionWebhookCases: ConformanceCase[] = [
  {
    area: "conversion-webhooks",
    name: "a conversion webhook converts writes, reads, lists, patches, watches and deletes across versions",
    async run(t) {
      const { group, route, path, lamp } = await installLamps(t);
      expectStatus(await t.http({ method: "POST", path: path("v2"), body: lamp("v2", "red", "red") }), 201);
      expectStatus(await t.http({ path: path("v1", "red") }), 200);
      expectStatus(await t.http({ method: "POST", path: path("v1"), body: lamp("v1", "blue", "blue") }), 201);
      expectStatus(await t.http({ path: path("v2", "blue") }), 200);
      await t.http({ path: path("v1") });
      const list = await t.http({ path: path("v2") });
      assert.deepEqual(
        bodyOf(list)["items"].map((item: ReviewedObject) => item.spec),
        [{ colour: "blue" }, { colour: "red" }],
      );
      const rv = bodyOf(list)["metadata"].resourceVersion as string;
      await t.watch(`${path("v2")}?watch=true&resourceVersion=${rv}&timeoutSeconds=5`, {
        maxEvents: 1,
        timeoutMs: 10_000,
        onOpen: async () => {
          await t.send({
            method: "PATCH",
            path: path("v2", "blue"),
            headers: { "Content-Type": MERGE },
            body: { spec: { colour: "green" } },
          });
        },
      });
      expectStatus(
        await t.http({
          method: "PATCH",
          path: path("v2", "red"),
          headers: { "Content-Type": MERGE },
          body: { metadata: { labels: { lit: "yes" } }, spec: { colour: "orange" } },
        }),
        200,
      );
      expectStatus(await t.http({ path: path("v1", "red") }), 200);
      expectStatus(await t.http({ method: "DELETE", path: path("v2", "red") }), 200);
      t.record("review of a v2 write", reviewOf(route, `${group}/v1`, "red"));
      t.record("review of a v2 read", reviewOf(route, `${group}/v2`, "blue"));
    },
  },
  {
    area: "conversion-webhooks",
    name: "a conversion webhook's failures and malformed answers are refused with 500",
    async run(t) {
      const { route, path, lamp } = await installLamps(t);
      expectStatus(await t.http({ method: "POST", path: path("v1"), body: lamp("v1", "stored", "white") }), 201);
      for (const mode of ["failure", "rename", "extra-object", "wrong-uid"] as const) {
        route.mode = mode;
        await t.http({ method: "POST", path: path("v2"), body: lamp("v2", `new-${mode}`, "black") });
        route.mode = "ok";
      }
      await t.http({ path: path("v1") });
    },
  },
  {
    area: "conversion-webhooks",
    name: "an unreachable conversion webhook fails writes at another version with 500",
    async run(t) {
      const { path, lamp } = await installLamps(t, "https://127.0.0.1:1/convert");
      await t.http({ method: "POST", path: path("v2"), body: lamp("v2", "dark", "black") });
      await t.http({ method: "POST", path: path("v1"), body: lamp("v1", "lit", "white") });
      await t.http({ path: path("v1", "lit") });
    },
  },
  {
    area: "conversion-webhooks",
    name: "a CRD's conversion settings are validated",
    async run(t) {
      const group = `${t.namespace}.conversion.example.com`;
      const attempts: Record<string, unknown>[] = [
        { strategy: "Webhook" },
        {
          strategy: "Webhook",
          webhook: { conversionReviewVersions: ["v2", "v2"], clientConfig: { url: "https://example.com/convert" } },
        },
        { strategy: "Webhook", webhook: { conversionReviewVersions: ["v1"], clientConfig: {} } },
        {
          strategy: "Webhook",
          webhook: { conversionReviewVersions: ["v1"], clientConfig: { url: "http://example.com/convert?x=1" } },
        },
        {
          strategy: "None",
          webhook: { conversionReviewVersions: ["v1"], clientConfig: { url: "https://example.com" } },
        },
        { strategy: "Magic" },
      ];
      for (const conversion of attempts) {
        const crd = lampCrd(group, "https://example.com/convert", "");
        await t.http({ method: "POST", path: CRDS, body: { ...crd, spec: { ...crd.spec, conversion } } });
      }
    },
  },
];
