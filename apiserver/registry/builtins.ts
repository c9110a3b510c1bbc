/**
 * The built-in resources this server serves: every resource of the generated catalog (the
 * reference kube-apiserver's discovery and k8s.io/api's Go types), each with the generic
 * behaviour its Go type implies and its group's strategy (builtin_strategies.ts).
 */
import { catalogResources } from "../catalog/catalog.js";
import type { CatalogResource } from "../catalog/catalog_model.js";
import { catalogType } from "./catalog_types.js";
import { allVerbs, collectionOf, type ResourceType } from "./resource_type.js";

export { initialNamespaces } from "./core/namespaces.js";

/** Resources served by their own machinery rather than as built-in kinds (CRDs: crd/crd_controller.ts). */
const servedElsewhere = new Set(["apiextensions.k8s.io/customresourcedefinitions"]);

/** Fills the common fields of a built-in resource type (the CRD resource, tests' kinds). */
export function builtinType(
  fields: Pick<ResourceType, "group" | "version" | "resource" | "kind" | "namespaced"> &
    Partial<
      Pick<
        ResourceType,
        | "shortNames"
        | "categories"
        | "statusSubresource"
        | "tracksGeneration"
        | "strategy"
        | "singular"
        | "verbs"
        | "fieldSchema"
        | "emptyObject"
        | "otherVersions"
        | "declarativeValidation"
        | "storagePrefix"
        | "catalog"
      >
    >,
): ResourceType {
  return {
    singular: fields.kind.toLowerCase(),
    listKind: `${fields.kind}List`,
    shortNames: [],
    categories: [],
    verbs: [...allVerbs],
    statusSubresource: false,
    scale: undefined,
    strategicMerge: true,
    declarativeValidation: true,
    storagePrefix: fields.resource,
    tracksGeneration: false,
    collection: collectionOf(fields.group, fields.resource),
    storageVersion: fields.version,
    strategy: {},
    ...fields,
  };
}

/** The catalog's entry of a built-in resource. */
export function catalogEntry(group: string, resource: string): CatalogResource | undefined {
  return catalogResources().find((entry) => entry.group === group && entry.resource === resource);
}

/** Every built-in resource type, in discovery order. */
export function builtinTypes(): ResourceType[] {
  return catalogResources()
    .filter((entry) => !servedElsewhere.has(`${entry.group}/${entry.resource}`))
    .map(catalogType);
}
