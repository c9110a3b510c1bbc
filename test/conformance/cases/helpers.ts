/** Paths, objects and assertions the cases share. */
import assert from "node:assert/strict";
import type { CaseContext } from "../harness/case.js";
import type { HttpResponse } from "../harness/http.js";

export const GROUP = "conformance.uselessctl.dev";
export const GROUP_VERSION = `${GROUP}/v1`;

/** `/apis/<group>/v1/namespaces/<ns>/gizmos[/<name>[/<subresource>]]`. */
export function gizmosPath(namespace: string, name?: string, subresource?: string): string {
  return `/apis/${GROUP_VERSION}/namespaces/${namespace}/gizmos${name ? `/${name}` : ""}${subresource ? `/${subresource}` : ""}`;
}

/** `/api/v1/namespaces/<ns>/configmaps[/<name>]`. */
export function configMapsPath(namespace: string, name?: string): string {
  return `/api/v1/namespaces/${namespace}/configmaps${name ? `/${name}` : ""}`;
}

/** A Gizmo manifest. */
export function gizmo(
  name: string,
  spec: Record<string, unknown> = { size: 3 },
  metadata: Record<string, unknown> = {},
) {
  return { apiVersion: GROUP_VERSION, kind: "Gizmo", metadata: { name, ...metadata }, spec };
}

/** A ConfigMap manifest. */
export function configMap(
  name: string,
  data: Record<string, string> = { key: "value" },
  metadata: Record<string, unknown> = {},
) {
  return { apiVersion: "v1", kind: "ConfigMap", metadata: { name, ...metadata }, data };
}

/** Asserts the status code, showing the body when it is not the expected one. */
export function expectStatus(response: HttpResponse, status: number): void {
  assert.equal(
    response.status,
    status,
    `expected HTTP ${status}, got ${response.status}: ${JSON.stringify(response.body)}`,
  );
}

/** A response body as a plain object, read by cases that know its shape from the request they made. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are arbitrary JSON that each case walks
export function bodyOf(response: HttpResponse): Record<string, any> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  return response.body as Record<string, any>;
}

/** The resourceVersion of a response's object. */
export function resourceVersionOf(response: HttpResponse): string {
  const rv = bodyOf(response)["metadata"]?.resourceVersion as string | undefined;
  assert.ok(rv, "response has a metadata.resourceVersion");
  return rv;
}

/** Names of a list response's items. */
export function itemNames(response: HttpResponse): string[] {
  return ((bodyOf(response)["items"] ?? []) as { metadata: { name: string } }[]).map((item) => item.metadata.name);
}

/** Content types of server-side apply and JSON merge patch. */
export const APPLY = "application/apply-patch+yaml";
export const MERGE = "application/merge-patch+json";

export const CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

/** Waits until the CRD `name` is Established. */
export async function establish(t: CaseContext, name: string): Promise<void> {
  await t.eventually(`${name} to be Established`, async () => {
    const crd = bodyOf(await t.send({ path: `${CRDS}/${name}` }));
    const conditions = (crd["status"]?.conditions ?? []) as { type: string; status: string }[];
    return conditions.some((c) => c.type === "Established" && c.status === "True") ? true : undefined;
  });
}

/** A v1 CRD in `group` with one string field in its spec: `scope`, `plural` and `kind` as given. */
export function simpleCrd(group: string, scope: "Namespaced" | "Cluster", plural: string, kind: string) {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${plural}.${group}` },
    spec: {
      group,
      scope,
      names: { plural, singular: kind.toLowerCase(), kind, listKind: `${kind}List` },
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: "object",
              properties: { spec: { type: "object", properties: { a: { type: "string" } } } },
            },
          },
        },
      ],
    },
  };
}

/** A cluster-scoped Globe CRD in `group`, with one string field in its spec. */
export function clusterCrd(group: string) {
  return simpleCrd(group, "Cluster", "globes", "Globe");
}
