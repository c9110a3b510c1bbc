/**
 * A served resource: its names, scope, verbs, subresources and the strategy that validates and
 * prints it. Built-in kinds and CRD-served kinds are both described by this one shape, so the
 * HTTP handlers never tell them apart.
 */
import type { CatalogResource } from "../catalog/catalog_model.js";
import type { FieldError } from "../errors/status.js";
import type { FieldGetter } from "../storage/selectors.js";
import type { KubeObject } from "../storage/types.js";

/** A column of a server-side Table, with the function that fills its cell. */
export interface PrinterColumn {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
  cell(object: KubeObject, now: Date): unknown;
}

export interface ScaleSubresource {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath: string | undefined;
  /** For built-in kinds, Scale's status.selector computed from the object (their registries' scaleFrom*). */
  selector?: ((object: KubeObject) => string | undefined) | undefined;
}

/**
 * A read-only view of what is stored, by collection (`<group>/<resource>`), for the admission
 * steps a strategy stands in for (the Priority plugin reads PriorityClasses).
 */
export interface StoredObjects {
  get(collection: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(collection: string): KubeObject[];
}

/** How a kind is checked and shaped on writes; defaults do nothing. */
export interface ResourceStrategy {
  /** The strategy's AllowUnconditionalUpdate: false makes a PUT without resourceVersion a 422. */
  allowUnconditionalUpdate?: boolean;
  /**
   * encoding/json's "cannot unmarshal" error for a value of the body whose JSON type the kind's Go
   * field cannot hold (a 400 before anything else is checked), or undefined.
   */
  decodeTypeError?(object: KubeObject): string | undefined;
  /**
   * How the kind's metadata.name is checked, when not as a DNS subdomain (StatefulSets, whose
   * pods take their name, are DNS labels: ValidateStatefulSetName).
   */
  nameRule?: "dns1123Label" | "dns1123Subdomain" | "pathSegment";
  /** Defaulting and pruning of a decoded body, before validation; returns unknown-field warnings. */
  normalize?(object: KubeObject, options: { pruneUnknown: boolean }): string[];
  /**
   * Field errors for a create (old undefined) or an update. `previous` holds the metadata errors
   * already found, which (as in kube-apiserver) keep CEL rules from running on an invalid object;
   * `subresource` is "status" for a /status write; `warnings` collects what the write answers with
   * besides (failures that ratcheting lets pass).
   */
  validate?(
    object: KubeObject,
    old: KubeObject | undefined,
    context?: { previous: readonly FieldError[]; subresource: string; warnings?: string[] },
  ): FieldError[];
  /**
   * What the server sets on a create after the field manager has recorded the write (the
   * strategy's PrepareForCreate), so no manager owns it.
   */
  prepareForCreate?(object: KubeObject, stored?: StoredObjects): void;
  /** What an update through `subresource` may not change, copied from the stored object (the strategy's PrepareForUpdate). */
  prepareForUpdate?(object: KubeObject, old: KubeObject, subresource: string, stored?: StoredObjects): void;
  /** Whether a create keeps the status it is sent (a Node's, which its kubelet reports on create). */
  keepsStatusOnCreate?: boolean;
  /**
   * For a kind deleted gracefully (the strategy's CheckGracefulDelete, pods): the grace period a
   * delete of `object` gets, from the one asked for (undefined when none was); a kind without
   * this hook is deleted at once.
   */
  gracefulDeletionPeriod?(object: KubeObject, requested: number | undefined): number;
  /**
   * What a /status write may not change or must keep, copied from the stored object (the status
   * strategy's PrepareForUpdate); the write already holds the stored object with the new status.
   */
  prepareForStatusUpdate?(object: KubeObject, old: KubeObject): void;
  /**
   * The propagation a delete that names none gets (the strategy's DefaultGarbageCollectionPolicy:
   * core/v1 ReplicationControllers orphan their pods); undefined is the generic background.
   */
  defaultPropagationPolicy?: "Orphan" | undefined;
  /** Whether a change between two versions counts as a spec change (bumps generation). */
  specChanged?(object: KubeObject, old: KubeObject): boolean;
  /**
   * The warning a delete that names no propagation answers with, for a kind whose default
   * propagation surprises (batch/v1 Jobs orphan their pods).
   */
  defaultPropagationWarning?: string;
  /**
   * The object's metadata as the kind's internal version holds it, where conversion moves a field
   * out of it (a DaemonSet's template generation annotation is the internal spec's field): what a
   * Table row's PartialObjectMetadata shows, since kube-apiserver prints internal objects.
   */
  internalMetadata?(object: KubeObject): KubeObject["metadata"];
  /** Server-side Table columns after Name. */
  columns?: PrinterColumn[];
  /**
   * The field selectors the kind supports beyond metadata.name and metadata.namespace (its
   * strategy's GetAttrs and field label conversion), each reading the stored object. A kind that
   * has any also words an unknown one as "field label not supported".
   */
  fieldSelectors?: Readonly<Record<string, FieldGetter>>;
}

export interface ResourceType {
  group: string;
  version: string;
  /** The plural, lowercase resource name (`configmaps`). */
  resource: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Whether the main resource ignores `status` and `/status` writes only `status`. */
  statusSubresource: boolean;
  scale: ScaleSubresource | undefined;
  /**
   * Whether the kind's strategy validates declaratively (rest.DeclarativeValidation, the core
   * kinds): its generated ObjectMeta rules replace the handwritten ones, so each metadata update
   * error is reported once rather than twice.
   */
  declarativeValidation?: boolean | undefined;
  /** Built-in kinds accept strategic-merge-patch; custom resources do not. */
  strategicMerge: boolean;
  /** Whether spec changes bump `metadata.generation` (kinds with a spec or a status subresource). */
  tracksGeneration: boolean;
  /** Storage collection shared by every version of the same group/resource. */
  collection: string;
  /**
   * The key prefix kube-apiserver stores the objects under in etcd (after `/registry/`): the
   * resource of a kind in kube-apiserver's own registry, `<group>/<resource>` otherwise.
   */
  storagePrefix?: string | undefined;
  /** Version the objects are stored at (conversion between versions only rewrites apiVersion). */
  storageVersion: string;
  /** How objects of this kind are normalized, validated and printed. */
  strategy: ResourceStrategy;
  /** Field-level conversion to and from the stored form, for kinds stored as another group's kind. */
  conversion?: { toStorage(object: KubeObject): void; fromStorage(object: KubeObject): KubeObject } | undefined;
  /**
   * A CRD's conversion webhook (strategy Webhook): converts objects between its versions, pruning
   * each converted one by its version's schema. Objects of such a kind cross versions only through
   * conversion.ts's `served`/`servedList`/`storageForm`.
   */
  webhookConversion?:
    | {
        convert(objects: readonly KubeObject[], desiredApiVersion: string): Promise<KubeObject[]>;
        /** Each version's schema by apiVersion, by which managedFields recorded at it are compared. */
        schemas: Readonly<Record<string, Record<string, unknown> | undefined>>;
      }
    | undefined;
  /** The Warning every request to this version answers with (a deprecated CRD version). */
  deprecationWarning?: string | undefined;
  /** A built-in resource's entry in the generated catalog (its discovery facts and Go type). */
  catalog?: CatalogResource | undefined;
  /** The structural schema published in OpenAPI (custom resources). */
  openApiSchema?: Record<string, unknown> | undefined;
  /**
   * For built-in kinds, how managedFields track their fields, in OpenAPI's words: `properties`
   * (a struct's declared fields), `additionalProperties` (a map), `x-kubernetes-list-type`,
   * `x-kubernetes-map-type: atomic` (an atomic struct such as ObjectReference).
   */
  fieldSchema?: Record<string, unknown> | undefined;
  /**
   * The fields Go serializes for the kind's zero value (non-omitempty fields, and struct fields,
   * which omitempty never drops): every decoded object has them, and a create is tracked as a
   * change from this object.
   */
  emptyObject?: Record<string, unknown> | undefined;
  /**
   * For built-in kinds, adds every zero value Go serializes that the object lacks, at any depth
   * (list items and map values included), and the defaults every field of a Go type gets
   * (SetDefaults_ResourceList); kinds without it are filled from `emptyObject`.
   */
  fillZeroValues?: ((object: KubeObject) => void) | undefined;
  /**
   * False for a kind that is computed rather than stored (the reviews: discovery gives them no
   * storage version): a create answers without storing, naming or validating metadata.
   */
  stored?: boolean | undefined;
  /** Whether a delete answers with the deleted object rather than a Success Status (the store's ReturnDeletedObject). */
  returnsDeletedObject?: boolean | undefined;
  /**
   * Other versions of the same objects whose field names differ (core/v1 and events.k8s.io/v1
   * Events), by apiVersion: how to convert an object of this version to it, and its field schema.
   * managedFields entries recorded at such a version are compared in its names.
   */
  otherVersions?:
    | Record<
        string,
        {
          convert(object: KubeObject): KubeObject;
          fieldSchema?: Record<string, unknown> | undefined;
          openApiSchema?: Record<string, unknown> | undefined;
        }
      >
    | undefined;
}

export const allVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"] as const;

/** The custom resource handler's verbs, in the order kube-apiserver's CRD discovery lists them. */
export const customResourceVerbs = [
  "delete",
  "deletecollection",
  "get",
  "list",
  "patch",
  "create",
  "update",
  "watch",
] as const;

export function apiVersionOf(type: Pick<ResourceType, "group" | "version">): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

export function storagePrefixOf(type: Pick<ResourceType, "group" | "resource" | "storagePrefix">): string {
  return type.storagePrefix ?? `${type.group}/${type.resource}`;
}

export function collectionOf(group: string, resource: string): string {
  return `${group}/${resource}`;
}
