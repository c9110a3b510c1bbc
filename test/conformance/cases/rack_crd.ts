/**
 * The Rack CRD of the write cases: one spec field per list and map type server-side apply knows,
 * optionally a status subresource, and helpers to install it, write manifests and apply them.
 */
import type { CaseContext } from "../harness/case.js";
import { APPLY, CRDS, establish, expectStatus } from "./helpers.js";

/**
 * A CRD whose spec has one field per list and map type server-side apply knows; with
 * `statusSubresource`, a status subresource whose conditions are a list-map keyed by type.
 */
export function rackCrd(group: string, statusSubresource: boolean) {
  const stringType = { type: "string" };
  const conditions = {
    type: "array",
    "x-kubernetes-list-type": "map",
    "x-kubernetes-list-map-keys": ["type"],
    items: {
      type: "object",
      required: ["type", "status"],
      properties: { type: stringType, status: stringType, reason: stringType },
    },
  };
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `racks.${group}` },
    spec: {
      group,
      scope: "Namespaced",
      names: { plural: "racks", singular: "rack", kind: "Rack", listKind: "RackList" },
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          ...(statusSubresource ? { subresources: { status: {} } } : {}),
          schema: {
            openAPIV3Schema: {
              type: "object",
              properties: {
                spec: {
                  type: "object",
                  properties: {
                    ports: {
                      type: "array",
                      "x-kubernetes-list-type": "map",
                      "x-kubernetes-list-map-keys": ["name"],
                      items: {
                        type: "object",
                        required: ["name"],
                        properties: { name: stringType, port: { type: "integer" } },
                      },
                    },
                    tags: { type: "array", "x-kubernetes-list-type": "set", items: stringType },
                    hosts: { type: "array", items: stringType },
                    selector: { type: "object", "x-kubernetes-map-type": "atomic", additionalProperties: stringType },
                    a: stringType,
                    b: stringType,
                  },
                },
                status: { type: "object", properties: { phase: stringType, conditions } },
              },
            },
          },
        },
      ],
    },
  };
}

/** Installs the Rack CRD in a group of the case's own; resolves to the racks collection path. */
export async function installRacks(
  t: CaseContext,
  statusSubresource = false,
): Promise<(name?: string, subresource?: string) => string> {
  const group = `${t.namespace}.racks.example.com`;
  expectStatus(await t.send({ method: "POST", path: CRDS, body: rackCrd(group, statusSubresource) }), 201);
  await establish(t, `racks.${group}`);
  return (name, subresource) =>
    `/apis/${group}/v1/namespaces/${t.namespace}/racks${name ? `/${name}` : ""}${subresource ? `/${subresource}` : ""}`;
}

export function rackManifest(
  path: (name?: string) => string,
  name: string,
  spec: Record<string, unknown> | undefined,
  status?: Record<string, unknown>,
): string {
  const apiVersion = path().split("/").slice(2, 4).join("/");
  return JSON.stringify({
    apiVersion,
    kind: "Rack",
    metadata: { name },
    ...(spec ? { spec } : {}),
    ...(status ? { status } : {}),
  });
}

export function applyAs(t: CaseContext, path: string, body: string, manager: string, force = false) {
  return t.http({
    method: "PATCH",
    path: `${path}?fieldManager=${manager}${force ? "&force=true" : ""}`,
    contentType: APPLY,
    body,
  });
}
