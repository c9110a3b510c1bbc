import type { KubernetesObject, ObjectList } from "../object.js";
import type { KindDescriptor } from "../scheme/group_version.js";
import type { LabelSelector } from "../../apimachinery/index.js";
import type { Patch } from "./patch.js";

/** Names one object: `namespace` is ignored (may be "") for cluster-scoped kinds. */
export interface ObjectKey {
  namespace?: string;
  name: string;
}

/** Options of `list` and `deleteAllOf`. Selectors combine (all must hold). */
export interface ListOptions {
  /** Only this namespace; all namespaces when unset. */
  namespace?: string;
  /** Equality label requirements (`{ machine: "m1" }`). */
  matchingLabels?: Record<string, string>;
  /** A label selector in string or meta/v1 form. */
  labelSelector?: string | LabelSelector;
  /**
   * Field requirements: from the cache these look up indexes registered with `indexField`
   * (`metadata.name` and `metadata.namespace` always work); on the API server they become a
   * `fieldSelector`.
   */
  matchingFields?: Record<string, string>;
  /** Page size (API server only). */
  limit?: number;
  /** Continue token of the previous page (API server only). */
  continue?: string;
}

/** Options of writes. */
export interface WriteOptions {
  /** `["All"]` to validate without persisting. */
  dryRun?: "All"[];
  /** The field manager recorded in managedFields. */
  fieldManager?: string;
}

/** Options of `patch`. */
export interface PatchOptions extends WriteOptions {
  /** Server-side apply only: take over conflicting fields. */
  force?: boolean;
}

/** Options of `delete` and `deleteAllOf`. */
export interface DeleteOptions {
  propagationPolicy?: "Foreground" | "Background" | "Orphan";
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: "All"[];
}

/** Reads objects. Implemented by the API client and by the cache. */
export interface Reader {
  /** Reads one object. Errors: `ApiError` with reason NotFound when it does not exist. */
  get<T extends KubernetesObject>(kind: KindDescriptor<T>, key: ObjectKey): Promise<T>;
  /** Lists objects of a kind. */
  list<T extends KubernetesObject>(kind: KindDescriptor<T>, options?: ListOptions): Promise<ObjectList<T>>;
}

/**
 * Writes objects. The kind comes from the object's `apiVersion`/`kind` through the scheme. As in
 * controller-runtime, the object passed in is updated in place with the server's answer, which is
 * also returned.
 */
export interface Writer {
  create<T extends KubernetesObject>(obj: T, options?: WriteOptions): Promise<T>;
  update<T extends KubernetesObject>(obj: T, options?: WriteOptions): Promise<T>;
  patch<T extends KubernetesObject>(obj: T, patch: Patch, options?: PatchOptions): Promise<T>;
  delete<T extends KubernetesObject>(obj: T, options?: DeleteOptions): Promise<void>;
  deleteAllOf<T extends KubernetesObject>(
    kind: KindDescriptor<T>,
    options?: ListOptions & DeleteOptions,
  ): Promise<void>;
}

/** Writes the status subresource. */
export interface StatusWriter {
  update<T extends KubernetesObject>(obj: T, options?: WriteOptions): Promise<T>;
  patch<T extends KubernetesObject>(obj: T, patch: Patch, options?: PatchOptions): Promise<T>;
}

/** Options of a subresource update: what to send when it is not the object itself. */
export interface SubResourceUpdateOptions<S extends KubernetesObject = KubernetesObject> extends WriteOptions {
  /** The subresource's own object (a `Scale`), sent in place of the parent object. */
  subResourceBody?: S;
}

/** Options of a subresource patch: the patch's data comes from, and its answer lands in, this body. */
export interface SubResourcePatchOptions<S extends KubernetesObject = KubernetesObject> extends PatchOptions {
  subResourceBody?: S;
}

/**
 * Reads and writes one subresource of objects (controller-runtime's `SubResourceClient`): the
 * object names the parent (`client.subResource("scale").get<Scale>(deployment)`). The answer of a
 * write lands in `subResourceBody` when one is given and in the object for "status"; a patch of
 * another subresource without a body leaves the object alone and only returns the answer.
 */
export interface SubResourceClient {
  /** Reads the subresource of `obj` (a `Scale` for "scale"). */
  get<S extends KubernetesObject>(obj: KubernetesObject): Promise<S>;
  /** Creates the subresource (an `Eviction` for "eviction", a `TokenRequest` for "token"). */
  create<S extends KubernetesObject>(obj: KubernetesObject, subResource: S, options?: WriteOptions): Promise<S>;
  /** Replaces the subresource with `options.subResourceBody` (a `Scale`), or with the object itself. */
  update<T extends KubernetesObject, S extends KubernetesObject = T>(
    obj: T,
    options?: SubResourceUpdateOptions<S>,
  ): Promise<S>;
  /** Patches the subresource; the patch's data comes from `options.subResourceBody` when given. */
  patch<T extends KubernetesObject, S extends KubernetesObject = T>(
    obj: T,
    patch: Patch,
    options?: SubResourcePatchOptions<S>,
  ): Promise<S>;
}

/** Reads, writes, and writes status and other subresources. */
export type Client = Reader &
  Writer & {
    status(): StatusWriter;
    /** A client of the named subresource ("scale", "status", "eviction", ...). */
    subResource(subResource: string): SubResourceClient;
  };

/**
 * Registers field indexes that `list(kind, { matchingFields })` looks up (controller-runtime's
 * `client.FieldIndexer`): the manager's cache implements it, and so does the fake client, so a
 * reconciler registers its indexes once for both.
 */
export interface FieldIndexer {
  indexField<T extends KubernetesObject>(kind: KindDescriptor<T>, field: string, extract: (obj: T) => string[]): void;
}
