import assert from "node:assert/strict";
import { test } from "node:test";
import type { V1CustomResourceDefinition } from "@kubernetes/client-node";
import { withLocalConversionWebhooks } from "./crd_conversion_webhooks.js";

const serving = { localServingHost: "127.0.0.1", localServingPort: 9443, localServingCAData: "PEM" };

function crd(kind: string, conversion?: Record<string, unknown>, preserveUnknownFields?: boolean) {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${kind.toLowerCase()}s.example.com` },
    spec: {
      group: "example.com",
      names: { kind, plural: `${kind.toLowerCase()}s` },
      scope: "Namespaced",
      versions: [],
      ...(conversion ? { conversion } : {}),
      ...(preserveUnknownFields ? { preserveUnknownFields } : {}),
    },
  } as unknown as V1CustomResourceDefinition;
}

const kustomized = {
  strategy: "Webhook",
  webhook: {
    conversionReviewVersions: ["v1"],
    clientConfig: { service: { namespace: "system", name: "webhook-service", path: "/convert" } },
  },
};
const local = {
  strategy: "Webhook",
  webhook: {
    conversionReviewVersions: ["v1", "v1beta1"],
    clientConfig: { url: "https://127.0.0.1:9443/convert", caBundle: Buffer.from("PEM").toString("base64") },
  },
};

test("without kinds named, the CRDs asking for Webhook conversion point at the local server", () => {
  const [machine, plain] = withLocalConversionWebhooks([crd("Machine", kustomized), crd("Switch")], serving);
  assert.deepEqual(machine?.spec.conversion, local);
  assert.equal(plain?.spec.conversion, undefined);
});

test("with kinds named, those convert by webhook and the others lose their conversion", () => {
  const input = [crd("Machine"), crd("Switch", kustomized)];
  const [machine, other] = withLocalConversionWebhooks(input, serving, [{ group: "example.com", kind: "Machine" }]);
  assert.deepEqual(machine?.spec.conversion, local);
  assert.equal(other?.spec.conversion, undefined);
  assert.deepEqual(input[1]?.spec.conversion, kustomized, "the input is not changed");
});

test("no serving CA, or a CRD preserving unknown fields, changes nothing; IPv6 hosts are bracketed", () => {
  const input = [crd("Machine", kustomized)];
  assert.deepEqual(withLocalConversionWebhooks(input, undefined), input);
  assert.deepEqual(
    withLocalConversionWebhooks([crd("Machine", kustomized, true)], serving)[0]?.spec.conversion,
    kustomized,
  );
  const [v6] = withLocalConversionWebhooks(input, { ...serving, localServingHost: "::1" });
  assert.equal(v6?.spec.conversion?.webhook?.clientConfig?.url, "https://[::1]:9443/convert");
});
