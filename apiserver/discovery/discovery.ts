/**
 * Discovery documents: `/api`, `/apis`, `/apis/<group>`, `/api/v1`, `/apis/<group>/<version>`
 * (legacy), and the aggregated apidiscovery.k8s.io/v2 form kubectl 1.32 asks for first.
 */
import { createHash } from "node:crypto";
import type { CatalogResource } from "../catalog/catalog_model.js";
import type { ResourceRegistry } from "../registry/registry.js";
import type { ResourceType } from "../registry/resource_type.js";

export const aggregatedDiscoveryMediaType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

/** Whether Accept asks for aggregated discovery (v2, or v2beta1 which we answer with v2's shape). */
export function wantsAggregated(accept: string | undefined): "v2" | "v2beta1" | undefined {
  for (const part of (accept ?? "").split(",")) {
    const text = part.replace(/\s+/g, "");
    if (!text.includes("as=APIGroupDiscoveryList") || !text.includes("g=apidiscovery.k8s.io")) continue;
    if (text.includes("v=v2beta1")) return "v2beta1";
    if (text.includes("v=v2")) return "v2";
  }
  return undefined;
}

function groupVersion(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: "APIVersions",
    versions: ["v1"],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }],
  };
}

function apiGroup(group: string, versions: readonly string[]): Record<string, unknown> {
  const preferred = versions[0] ?? "";
  return {
    name: group,
    versions: versions.map((version) => ({ groupVersion: groupVersion(group, version), version })),
    preferredVersion: { groupVersion: groupVersion(group, preferred), version: preferred },
  };
}

export function apiGroupList(registry: ResourceRegistry): Record<string, unknown> {
  return {
    kind: "APIGroupList",
    apiVersion: "v1",
    groups: registry
      .groups()
      .filter(({ group }) => group !== "")
      .map(({ group, versions }) => apiGroup(group, versions)),
  };
}

export function apiGroupDocument(registry: ResourceRegistry, group: string): Record<string, unknown> | undefined {
  const found = registry.groups().find((entry) => entry.group === group);
  return found ? { kind: "APIGroup", apiVersion: "v1", ...apiGroup(group, found.versions) } : undefined;
}

const subresourceVerbs = ["get", "patch", "update"];

export function apiResourceList(
  registry: ResourceRegistry,
  group: string,
  version: string,
): Record<string, unknown> | undefined {
  const types = registry.resources(group, version);
  if (!types.length) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const type of types) {
    const entry: Record<string, unknown> = {
      name: type.resource,
      singularName: type.singular,
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: type.verbs,
    };
    if (type.shortNames.length) entry.shortNames = type.shortNames;
    if (type.categories.length) entry.categories = type.categories;
    if (type.catalog) {
      if (type.catalog.storageVersionHash) entry.storageVersionHash = type.catalog.storageVersionHash;
      resources.push(entry, ...catalogSubresourceEntries(type, type.catalog));
      continue;
    }
    entry.storageVersionHash = storageVersionHash(type);
    resources.push(entry);
    if (type.resource === "namespaces" && group === "") {
      resources.push({
        name: "namespaces/finalize",
        singularName: "",
        namespaced: false,
        kind: "Namespace",
        verbs: ["update"],
      });
    }
    if (type.statusSubresource) {
      resources.push({
        name: `${type.resource}/status`,
        singularName: "",
        namespaced: type.namespaced,
        kind: type.kind,
        verbs: subresourceVerbs,
      });
    }
    if (type.scale) {
      resources.push({
        name: `${type.resource}/scale`,
        singularName: "",
        namespaced: type.namespaced,
        group: "autoscaling",
        version: "v1",
        kind: "Scale",
        verbs: subresourceVerbs,
      });
    }
  }
  // Built-in groups are sorted by name, subresources included; CRD groups list each resource
  // followed by its status and scale, as kube-apiserver's CRD discovery does.
  if (types.some((type) => type.strategicMerge))
    resources.sort((a, b) => (String(a.name) < String(b.name) ? -1 : String(a.name) > String(b.name) ? 1 : 0));
  // The core group's list has no apiVersion (the legacy handler serves it unversioned).
  const typeMeta = group ? { kind: "APIResourceList", apiVersion: "v1" } : { kind: "APIResourceList" };
  return { ...typeMeta, groupVersion: groupVersion(group, version), resources };
}

/** A built-in resource's subresources in a legacy resource list, as the reference lists them. */
function catalogSubresourceEntries(type: ResourceType, catalog: CatalogResource): Record<string, unknown>[] {
  return catalog.subresources.map((sub) => ({
    name: `${type.resource}/${sub.subresource}`,
    singularName: "",
    namespaced: type.namespaced,
    ...(sub.responseKind.version ? { group: sub.responseKind.group, version: sub.responseKind.version } : {}),
    kind: sub.kind,
    verbs: sub.verbs,
  }));
}

/** kube-apiserver's hash of the storage group/version/kind, which tells clients when storage changes. */
function storageVersionHash(type: ResourceType): string {
  const digest = createHash("sha256").update(`${type.group}/${type.storageVersion}/${type.kind}`).digest();
  return digest.subarray(0, 8).toString("base64");
}

function discoveryResource(type: ResourceType): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    resource: type.resource,
    responseKind: type.catalog?.responseKind ?? { group: type.group, version: type.version, kind: type.kind },
    scope: type.namespaced ? "Namespaced" : "Cluster",
    singularResource: type.singular,
    verbs: type.verbs,
  };
  if (type.shortNames.length) entry.shortNames = type.shortNames;
  if (type.categories.length) entry.categories = type.categories;
  if (type.catalog) {
    const subresources = type.catalog.subresources.map(({ subresource, responseKind, verbs }) => ({
      subresource,
      responseKind,
      verbs,
    }));
    if (subresources.length) entry.subresources = subresources;
    return entry;
  }
  const subresources: Record<string, unknown>[] = [];
  if (type.resource === "namespaces" && type.group === "") {
    subresources.push({
      subresource: "finalize",
      responseKind: { group: "", version: "v1", kind: "Namespace" },
      verbs: ["update"],
    });
  }
  if (type.statusSubresource) {
    subresources.push({
      subresource: "status",
      responseKind: { group: type.group, version: type.version, kind: type.kind },
      verbs: subresourceVerbs,
    });
  }
  if (type.scale) {
    subresources.push({
      subresource: "scale",
      responseKind: { group: "autoscaling", version: "v1", kind: "Scale" },
      verbs: subresourceVerbs,
    });
  }
  if (subresources.length) entry.subresources = subresources;
  return entry;
}

/** The aggregated document of `/api` (core only) or `/apis` (every other group). */
export function aggregatedDiscovery(
  registry: ResourceRegistry,
  core: boolean,
  version: "v2" | "v2beta1",
): Record<string, unknown> {
  const items = registry
    .groups()
    .filter(({ group }) => (group === "") === core)
    .map(({ group, versions }) => ({
      metadata: group ? { name: group } : {},
      versions: versions.map((version) => ({
        version,
        resources: registry.resources(group, version).map(discoveryResource),
        freshness: "Current",
      })),
    }));
  return { kind: "APIGroupDiscoveryList", apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
}
