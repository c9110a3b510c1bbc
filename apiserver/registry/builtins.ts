/**
 * The built-in resources this server serves: every resource of the generated catalog (the
 * reference kube-apiserver's discovery and k8s.io/api's Go types), each with the generic
 * behaviour its Go type implies and its group's strategy (builtin_strategies.ts).
 */
import { catalogResources, emptyObjectOf, fillZeroValues, trackingSchema } from "../catalog/catalog.js";
import type { CatalogResource } from "../catalog/catalog_model.js";
import { servedAtV1 } from "./autoscaling/index.js";
import { builtinStrategies } from "./builtin_strategies.js";
import { droppingUnknownFields } from "./builtin_fields.js";
import { eventsConversion, eventToCore } from "./events/event_conversion.js";
import { selectorFromLabelSelector, selectorFromSet, type LabelSelector } from "../../apimachinery/index.js";
import { allVerbs, collectionOf, type ResourceType, type ScaleSubresource } from "./resource_type.js";

export { initialNamespaces } from "./core/namespaces.js";

/** Resources served by their own machinery rather than as built-in kinds (CRDs: crd/crd_controller.ts). */
const servedElsewhere = new Set(["apiextensions.k8s.io/customresourcedefinitions"]);

/**
 * The scale subresource of the built-in workloads: Scale's replicas are the kind's, its selector
 * the spec's selector as a string (the registries' scaleFrom*: a LabelSelector, or a
 * ReplicationController's label map).
 */
function builtinScale(resource: string): ScaleSubresource {
  return {
    specReplicasPath: ".spec.replicas",
    statusReplicasPath: ".status.replicas",
    labelSelectorPath: undefined,
    selector(object) {
      const selector = (object.spec as { selector?: unknown } | undefined)?.selector;
      if (selector === null || typeof selector !== "object") return undefined;
      try {
        return resource === "replicationcontrollers"
          ? selectorFromSet(selector as Record<string, string>).toString()
          : selectorFromLabelSelector(selector as LabelSelector).toString();
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * The resources whose strategy sets metadata.generation (to 1 on create, bumped on a spec change):
 * kube-apiserver's pkg/registry/<group>/<kind>/strategy.go that do `Generation = 1`.
 */
const generationTracking = new Set([
  "admissionregistration.k8s.io/mutatingadmissionpolicies",
  "admissionregistration.k8s.io/mutatingadmissionpolicybindings",
  "admissionregistration.k8s.io/mutatingwebhookconfigurations",
  "admissionregistration.k8s.io/validatingadmissionpolicies",
  "admissionregistration.k8s.io/validatingadmissionpolicybindings",
  "admissionregistration.k8s.io/validatingwebhookconfigurations",
  "apps/daemonsets",
  "apps/deployments",
  "apps/replicasets",
  "apps/statefulsets",
  "autoscaling/horizontalpodautoscalers",
  "batch/cronjobs",
  "batch/jobs",
  "/pods",
  "/podtemplates",
  "/replicationcontrollers",
  "discovery.k8s.io/endpointslices",
  "flowcontrol.apiserver.k8s.io/flowschemas",
  "flowcontrol.apiserver.k8s.io/prioritylevelconfigurations",
  "networking.k8s.io/ingresses",
  "networking.k8s.io/ingressclasses",
  "networking.k8s.io/networkpolicies",
  "policy/poddisruptionbudgets",
  "resource.k8s.io/deviceclasses",
  "resource.k8s.io/devicetaintrules",
  "resource.k8s.io/resourceslices",
  "scheduling.k8s.io/priorityclasses",
]);

/**
 * The resources whose store answers a delete with the deleted object (`ReturnDeletedObject: true`
 * in pkg/registry/<group>/<kind>/storage/storage.go) rather than a Success Status.
 */
const returningDeletedObject = new Set([
  "/namespaces",
  "/persistentvolumes",
  "/persistentvolumeclaims",
  "/pods",
  "/podtemplates",
  "/resourcequotas",
  "/services",
  "/serviceaccounts",
  "resource.k8s.io/deviceclasses",
  "resource.k8s.io/resourceclaims",
  "resource.k8s.io/resourceclaimtemplates",
  "resource.k8s.io/resourceslices",
  "storage.k8s.io/csidrivers",
  "storage.k8s.io/csinodes",
  "storage.k8s.io/storageclasses",
  "storage.k8s.io/volumeattachments",
  "storage.k8s.io/volumeattributesclasses",
]);

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

/** A built-in resource type from its catalog entry. */
export function catalogType(entry: CatalogResource): ResourceType {
  const subresources = new Set(entry.subresources.map((sub) => sub.subresource));
  const fields = trackingSchema(entry.goType).properties as Record<string, Record<string, unknown>> | undefined;
  const { apiVersion: _a, kind: _k, metadata: _m, ...own } = fields ?? {};
  const emptyObject = emptyObjectOf(entry.goType);
  return {
    group: entry.group,
    version: entry.version,
    resource: entry.resource,
    singular: entry.singular,
    kind: entry.kind,
    listKind: `${entry.kind}List`,
    namespaced: entry.namespaced,
    shortNames: entry.shortNames,
    categories: entry.categories,
    verbs: entry.verbs,
    statusSubresource: subresources.has("status"),
    scale: subresources.has("scale") ? builtinScale(entry.resource) : undefined,
    strategicMerge: true,
    declarativeValidation: true,
    storagePrefix: entry.resource,
    tracksGeneration: generationTracking.has(`${entry.group}/${entry.resource}`),
    collection: collectionOf(entry.group, entry.resource),
    storageVersion: entry.storageVersion || entry.version,
    strategy: builtinStrategies[entry.group]?.[entry.resource] ?? {},
    fieldSchema: { properties: own },
    emptyObject: Object.keys(emptyObject).length ? emptyObject : undefined,
    fillZeroValues: (object) => fillZeroValues(object, entry.goType),
    stored: entry.storageVersionHash !== "",
    returnsDeletedObject: returningDeletedObject.has(`${entry.group}/${entry.resource}`),
    catalog: entry,
  };
}

/** The parts of the Event kinds that tie their two APIs to one store. */
function withEventStore(type: ResourceType): ResourceType {
  if (type.resource !== "events") return type;
  const coreSchema = trackingSchema("core/v1.Event");
  const eventsSchema = trackingSchema("events/v1.Event");
  if (type.group === "")
    return {
      ...type,
      otherVersions: {
        "events.k8s.io/v1": { convert: (object) => eventsConversion.fromStorage(object), fieldSchema: eventsSchema },
      },
    };
  return {
    ...type,
    otherVersions: { v1: { convert: eventToCore, fieldSchema: coreSchema } },
    // One store for both Event APIs, as in kube-apiserver: what one records, the other lists.
    collection: "/events",
    conversion: eventsConversion,
  };
}

/** autoscaling/v1 HorizontalPodAutoscalers, converted to and from the autoscaling/v2 store. */
function withHpaVersions(type: ResourceType): ResourceType {
  return type.group === "autoscaling" && type.version === "v1" ? servedAtV1(type) : type;
}

/** The catalog's entry of a built-in resource. */
export function catalogEntry(group: string, resource: string): CatalogResource | undefined {
  return catalogResources().find((entry) => entry.group === group && entry.resource === resource);
}

/** Every built-in resource type, in discovery order. */
export function builtinTypes(): ResourceType[] {
  return catalogResources()
    .filter((entry) => !servedElsewhere.has(`${entry.group}/${entry.resource}`))
    .map((entry) => droppingUnknownFields(withEventStore(withHpaVersions(catalogType(entry)))));
}
