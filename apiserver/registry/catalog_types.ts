/**
 * A built-in resource type made from its catalog entry: its discovery facts, its group's strategy,
 * and what its Go type implies (the tracking schema and zero values managedFields and decoding
 * use, unknown-field dropping), the latter computed when first used, so that a kind nobody writes
 * costs nothing at start.
 */
import { serveFromV2Store } from "./autoscaling/index.js";
import { selectorFromLabelSelector, selectorFromSet, type LabelSelector } from "../../apimachinery/index.js";
import { emptyObjectOf, fillZeroValues, trackingSchema } from "../catalog/catalog.js";
import { groupsRoundingResourceLists, roundResourceLists } from "../catalog/resource_lists.js";
import type { CatalogResource } from "../catalog/catalog_model.js";
import { builtinStrategies } from "./builtin_strategies.js";
import { droppingUnknownFields } from "./builtin_fields.js";
import { eventsConversion, eventToCore } from "./events/event_conversion.js";
import { collectionOf, type ResourceType, type ScaleSubresource } from "./resource_type.js";

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

/**
 * The Warning every request to a deprecated built-in version answers with (its Go type's
 * prerelease-lifecycle deprecation and replacement, as kube-apiserver words them).
 */
const deprecatedVersions: Readonly<Record<string, string>> = {
  "/v1/endpoints": "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice",
};

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

/** A kind's tracking schema without type and object meta, which every kind shares. */
function ownFieldSchema(goType: string): Record<string, unknown> {
  const fields = trackingSchema(goType).properties as Record<string, Record<string, unknown>> | undefined;
  const { apiVersion: _a, kind: _k, metadata: _m, ...own } = fields ?? {};
  return { properties: own };
}

/** Defines `key` of `object` as computed on first read, then kept. */
function lazily<K extends keyof ResourceType>(object: ResourceType, key: K, compute: () => ResourceType[K]): void {
  Object.defineProperty(object, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute();
      Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
  });
}

/** The Event kinds' two APIs share one store, as in kube-apiserver: what one records, the other lists. */
function eventStore(type: ResourceType): void {
  if (type.group === "") {
    type.otherVersions = {
      "events.k8s.io/v1": {
        convert: (object) => eventsConversion.fromStorage(object),
        get fieldSchema() {
          return trackingSchema("events/v1.Event");
        },
      },
    };
    return;
  }
  type.otherVersions = {
    v1: {
      convert: eventToCore,
      get fieldSchema() {
        return trackingSchema("core/v1.Event");
      },
    },
  };
  type.collection = "/events";
  type.conversion = eventsConversion;
}

/** A built-in resource type from its catalog entry. */
export function catalogType(entry: CatalogResource): ResourceType {
  const subresources = new Set(entry.subresources.map((sub) => sub.subresource));
  const type: ResourceType = {
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
    deprecationWarning: deprecatedVersions[`${entry.group}/${entry.version}/${entry.resource}`],
    fillZeroValues: groupsRoundingResourceLists.has(entry.group)
      ? (object) => {
          fillZeroValues(object, entry.goType);
          roundResourceLists(object, entry.goType);
        }
      : (object) => fillZeroValues(object, entry.goType),
    stored: entry.storageVersionHash !== "",
    returnsDeletedObject: returningDeletedObject.has(`${entry.group}/${entry.resource}`),
    catalog: entry,
  };
  lazily(type, "fieldSchema", () => ownFieldSchema(entry.goType));
  lazily(type, "emptyObject", () => {
    const empty = emptyObjectOf(entry.goType);
    return Object.keys(empty).length ? empty : undefined;
  });
  if (entry.resource === "events") eventStore(type);
  // autoscaling/v1 HorizontalPodAutoscalers are converted to and from the autoscaling/v2 store.
  if (entry.group === "autoscaling" && entry.version === "v1") serveFromV2Store(type);
  type.strategy = droppingUnknownFields(type);
  return type;
}
