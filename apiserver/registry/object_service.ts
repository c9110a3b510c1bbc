/**
 * The generic REST storage every resource type is served by (genericregistry.Store's role):
 * get, list, create, update and delete with kube-apiserver's semantics for metadata, optimistic
 * concurrency, generation, status subresource, finalizers and graceful deletion.
 *
 * Errors: every rejection is a thrown `StatusError`, raised before the store is touched, so bad
 * input never changes state.
 */
import { randomUUID, randomInt } from "node:crypto";
import type { AdmissionAttributes } from "../admission/attributes.js";
import type { AdmissionChain } from "../admission/chain.js";
import type { UserInfo } from "../auth/user.js";
import {
  alreadyExists,
  conflict,
  forbidden,
  invalid,
  notFound,
  objectModifiedMessage,
  badRequest,
  fieldErrors,
  type FieldError,
  type GroupResource,
} from "../errors/status.js";
import { objectKey, type Store } from "../storage/store.js";
import type { KubeObject } from "../storage/types.js";
import { validateObjectMeta, type NameValidation } from "../validation/object_meta.js";
import { coerceObjectMetaTypes } from "../validation/object_meta_types.js";
import {
  deepClone,
  fillEmptyFields,
  jsonEqual,
  served,
  specPart,
  storageForm,
  toStorageVersion,
  withManagerVersions,
} from "./conversion.js";
import { recordUpdate, type ManagerIdentity } from "./managed_fields.js";
import { admissionAttributes, runMutating, runValidating, type AdmissionRequest } from "./write_admission.js";
import { storagePrefixOf, type ResourceType, type StoredObjects } from "./resource_type.js";

/** Options every write takes from its query string. */
export interface WriteOptions {
  dryRun: boolean;
  fieldValidation: "Strict" | "Warn" | "Ignore";
  manager: ManagerIdentity;
  /** Set by server-side apply, which computes managedFields itself. */
  managedFieldsPrepared?: boolean;
  /** Paths of keys the request body repeated, which the strict decoder reports like unknown fields. */
  duplicateFields?: readonly string[];
  /** Set for a client's request: admission runs for it (writes the server makes itself skip it). */
  admission?: AdmissionRequest | undefined;
}

export type { AdmissionRequest };

/** What an update must find in the stored object before it changes anything. */
export interface UpdateConditions {
  /** The resourceVersion the object must still have (else 409); the body's when undefined. */
  expectedResourceVersion?: string | undefined;
  /** A PUT's uid, which the stored object must have (rest.defaultUpdatedObjectInfo's precondition). */
  uidPrecondition?: string | undefined;
  /** `false` when the kind refuses an update without a resourceVersion (AllowUnconditionalUpdate). */
  unconditionalUpdate?: boolean | undefined;
}

export interface WriteResult {
  object: KubeObject;
  /** 201 for creates, 200 otherwise. */
  created: boolean;
  warnings: string[];
}

export interface ServiceDependencies {
  store: Store;
  now(): Date;
  /** The admission chain client requests go through (none: nothing is admitted). */
  admission?: AdmissionChain | undefined;
  /**
   * Refuses a write its user may not make, after mutating admission and before the kind's
   * validation (the RBAC kinds' policy-based storage: escalation prevention). Throws a StatusError.
   */
  guardWrite?(type: ResourceType, object: KubeObject, old: KubeObject | undefined, user: UserInfo | undefined): void;
}

const generateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

/** The RFC 3339 second-precision timestamp metav1.Time serializes to. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function groupResource(type: ResourceType): GroupResource {
  return { group: type.group, resource: type.resource };
}

function nameRuleOf(type: ResourceType): NameValidation {
  // Namespaces are DNS labels; a kind's strategy may say otherwise; every other kind served here
  // (custom resources too) is a DNS subdomain.
  if (type.strategy.nameRule) return type.strategy.nameRule;
  return type.group === "" && type.resource === "namespaces" ? "dns1123Label" : "dns1123Subdomain";
}

/** The write half shared by create, update and patch. */
export class ObjectService {
  readonly #dependencies: ServiceDependencies;

  constructor(dependencies: ServiceDependencies) {
    this.#dependencies = dependencies;
  }

  get store(): Store {
    return this.#dependencies.store;
  }

  now(): Date {
    return this.#dependencies.now();
  }

  /** The stored object, or a 404. */
  getStored(type: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const object = this.store.get(type.collection, objectKey(type.namespaced ? namespace : undefined, name));
    if (!object) throw notFound(groupResource(type), name);
    return object;
  }

  /** The object at `type`'s version (a promise only for a kind converted by a webhook). */
  get(type: ResourceType, namespace: string | undefined, name: string): KubeObject | Promise<KubeObject> {
    return served(this.getStored(type, namespace, name), type);
  }

  #checkNamespace(type: ResourceType, namespace: string | undefined, name: string): void {
    if (!type.namespaced || !namespace) return;
    const namespaceObject = this.store.get("/namespaces", objectKey(undefined, namespace));
    if (!namespaceObject) throw notFound({ group: "", resource: "namespaces" }, namespace);
    if (namespaceObject.metadata.deletionTimestamp) {
      throw forbidden(
        groupResource(type),
        name,
        `unable to create new content in namespace ${namespace} because it is being terminated`,
        [
          {
            reason: "NamespaceTerminating",
            message: `namespace ${namespace} is being terminated`,
            field: "metadata.namespace",
          },
        ],
      );
    }
  }

  /** Decoding checks, defaulting and pruning common to creates and updates; the warnings they earn. */
  #decode(type: ResourceType, object: KubeObject, options: WriteOptions): string[] {
    const typeError = coerceObjectMetaTypes(object);
    if (typeError) {
      throw badRequest(
        `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: json: cannot unmarshal ${typeError.jsonType} into Go struct field ObjectMeta.${typeError.field} of type ${typeError.goType}`,
      );
    }
    const decodeError = type.strategy.decodeTypeError?.(object);
    if (decodeError)
      throw badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${decodeError}`);
    if (type.fillZeroValues) type.fillZeroValues(object);
    else fillEmptyFields(object, type.emptyObject);
    dropEmptyMetadata(object);
    const warnings = [
      ...(options.duplicateFields ?? []).map((path) => `duplicate field "${path}"`),
      ...(type.strategy.normalize?.(object, { pruneUnknown: true }) ?? []),
    ];
    if (warnings.length && options.fieldValidation === "Strict") {
      throw badRequest(
        `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: strict decoding error: ${warnings.join(", ")}`,
      );
    }
    return options.fieldValidation === "Warn" ? warnings : [];
  }

  /**
   * The object mutating admission changed, defaulted and pruned again as kube-apiserver decodes
   * a webhook's patched object (what it adds beyond the schema is dropped, not warned about).
   */
  #redecode(type: ResourceType, object: KubeObject): void {
    object.metadata ??= {};
    if (type.fillZeroValues) type.fillZeroValues(object);
    else fillEmptyFields(object, type.emptyObject);
    dropEmptyMetadata(object);
    type.strategy.normalize?.(object, { pruneUnknown: true });
  }

  /** Metadata and the kind's validation; `earlier` warnings go out with a rejection. */
  #validate(
    type: ResourceType,
    object: KubeObject,
    old: KubeObject | undefined,
    subresource: string,
    earlier: readonly string[],
  ): string[] {
    // On updates the metadata update rules run twice, as in kube-apiserver: once among the common
    // fields every update checks (rest.BeforeUpdate), once in the kind's own ValidateUpdate; a kind
    // with declarative validation answers them once, its generated ObjectMeta rules replacing both.
    const metaUpdateErrors = old ? validateMetaUpdate(object, old) : [];
    const errors: FieldError[] = [
      ...(type.stored === false
        ? []
        : validateObjectMeta(object, { namespaced: type.namespaced, nameRule: nameRuleOf(type) })),
      ...metaUpdateErrors,
      ...(type.declarativeValidation ? [] : metaUpdateErrors),
    ];
    const validationWarnings: string[] = [];
    errors.push(
      ...(type.strategy.validate?.(object, old, {
        previous: errors,
        subresource,
        warnings: validationWarnings,
      }) ?? []),
    );
    const answered = [...earlier, ...validationWarnings];
    if (errors.length) {
      // The error names the object's own kind, which a custom resource's body may get wrong; a kind
      // stored as another group's (events.k8s.io Events) is validated, and named, as that one.
      const group = type.conversion ? (type.collection.split("/")[0] ?? "") : type.group;
      const kind = { group, kind: object.kind ?? type.kind };
      const rejection = invalid(kind, object.metadata.name ?? object.metadata.generateName ?? "", errors);
      rejection.warnings = answered;
      throw rejection;
    }
    return answered;
  }

  /** The attributes admission sees of a write, or undefined when it is not admitted. */
  #attributes(...args: Parameters<typeof admissionAttributes>): AdmissionAttributes | undefined {
    return this.#dependencies.admission ? admissionAttributes(...args) : undefined;
  }

  /** Runs the mutating steps; the admitted object (re-decoded when a step changed it). */
  async #mutate(type: ResourceType, attributes: AdmissionAttributes, warnings: string[]): Promise<KubeObject> {
    const before = attributes.object as KubeObject;
    await runMutating(this.#chain(), attributes, warnings);
    const object = attributes.object ?? before;
    if (object !== before) this.#redecode(type, object);
    return object;
  }

  async #validateAdmission(
    attributes: AdmissionAttributes | undefined,
    object: KubeObject | undefined,
    warnings: string[],
  ): Promise<void> {
    if (attributes)
      await runValidating(this.#chain(), { ...attributes, object: object && deepClone(object) }, warnings);
  }

  #chain(): AdmissionChain {
    const chain = this.#dependencies.admission;
    if (!chain) throw new Error("admission requested without an admission chain");
    return chain;
  }

  /** DELETE admission of the stored `current` (mutating steps, which may not change it, then validating). */
  async admitDelete(
    type: ResourceType,
    namespace: string | undefined,
    current: KubeObject,
    options: { dryRun: boolean; admission?: AdmissionRequest | undefined },
  ): Promise<string[]> {
    const read = served(deepClone(current), type);
    const oldObject = read instanceof Promise ? await read : read;
    const attributes = this.#attributes("DELETE", type, namespace, "", { object: undefined, oldObject }, options);
    const warnings: string[] = [];
    if (!attributes) return warnings;
    await runMutating(this.#chain(), attributes, warnings);
    await runValidating(this.#chain(), attributes, warnings);
    return warnings;
  }

  /** Creates `body` (already decoded and checked against the URL). */
  async create(
    type: ResourceType,
    namespace: string | undefined,
    body: KubeObject,
    options: WriteOptions,
  ): Promise<WriteResult> {
    if (type.stored === false) return this.#createUnstored(type, namespace, body, options);
    // The body is the caller's freshly decoded object: it becomes the stored one without a copy.
    const object = body;
    object.metadata ??= {};
    const meta = object.metadata;
    if (type.namespaced) meta.namespace = namespace;
    else delete meta.namespace;
    for (const field of ["uid", "resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"])
      Reflect.deleteProperty(meta, field);
    delete meta.creationTimestamp;
    const warnings = this.#decode(type, object, options);
    if (!options.managedFieldsPrepared) recordUpdate(type, object, undefined, options.manager, timestamp(this.now()));
    const attributes = this.#attributes("CREATE", type, namespace, "", { object, oldObject: undefined }, options);
    let admitted = object;
    if (attributes) {
      // NamespaceLifecycle comes first among kube-apiserver's admission plugins.
      this.#checkNamespace(type, namespace, meta.name ?? meta.generateName ?? "");
      admitted = await this.#mutate(type, attributes, warnings);
    }
    this.#dependencies.guardWrite?.(type, admitted, undefined, options.admission?.user);
    const created = await this.#prepareCreate(type, namespace, admitted, warnings);
    await this.#validateAdmission(attributes, created, warnings);
    const name = created.metadata.name ?? "";
    const key = objectKey(type.namespaced ? namespace : undefined, name);
    if (this.store.get(type.collection, key)) throw alreadyExists(groupResource(type), name);
    // No await unless a webhook converts: the name check and the write stay one step, as etcd's
    // create transaction is; after a webhook's round trip the name is checked again.
    let storable = storageForm(created, type);
    if (storable instanceof Promise) {
      storable = await storable;
      if (this.store.get(type.collection, key)) throw alreadyExists(groupResource(type), name);
    }
    if (options.dryRun) {
      // Nothing reaches storage, so a dry-run create has no resourceVersion (as with etcd).
      delete storable.metadata.resourceVersion;
      return { object: await served(storable, type), created: true, warnings };
    }
    const stored = this.store.put(type.collection, key, storable);
    await stored.durable;
    return { object: await served(stored.object, type), created: true, warnings };
  }

  /** BeforeCreate: the fields the server sets, the kind's PrepareForCreate, then validation. */
  async #prepareCreate(
    type: ResourceType,
    namespace: string | undefined,
    object: KubeObject,
    warnings: string[],
  ): Promise<KubeObject> {
    const meta = object.metadata;
    meta.creationTimestamp = timestamp(this.now());
    if (type.tracksGeneration) meta.generation = 1;
    else delete meta.generation;
    const keepsStatus = (type.group === "" && type.resource === "namespaces") || type.strategy.keepsStatusOnCreate;
    if (type.statusSubresource && !keepsStatus) {
      // PrepareForCreate resets status to its zero value, which a built-in kind serializes as {}.
      delete object.status;
      if (type.fillZeroValues) type.fillZeroValues(object);
      else fillEmptyFields(object, type.emptyObject);
    }
    if (!meta.name && meta.generateName) meta.name = this.#generateName(type, namespace, meta.generateName);
    // The uid is set before validation, as kube-apiserver's store does before BeforeCreate: a Job's
    // generated selector, which its create validation checks, carries it.
    meta.uid = randomUUID();
    warnings.splice(0, warnings.length, ...this.#validate(type, object, undefined, "", warnings));
    this.#checkNamespace(type, namespace, meta.name ?? "");
    type.strategy.prepareForCreate?.(object, this.#storedObjects());
    return object;
  }

  #storedObjects(): StoredObjects {
    const store = this.store;
    return {
      get: (collection, namespace, name) => store.get(collection, objectKey(namespace, name)),
      list: (collection) => store.list(collection),
    };
  }

  /**
   * A create of a kind that is computed, not stored (TokenReview, SubjectAccessReview...): its
   * strategy's prepareForCreate fills in the answer; it has no name, uid or resourceVersion.
   */
  #createUnstored(
    type: ResourceType,
    namespace: string | undefined,
    object: KubeObject,
    options: WriteOptions,
  ): WriteResult {
    object.metadata ??= {};
    if (type.namespaced) object.metadata.namespace = namespace;
    else delete object.metadata.namespace;
    const decoded = this.#decode(type, object, options);
    const warnings = this.#validate(type, object, undefined, "", decoded);
    if (!options.managedFieldsPrepared) recordUpdate(type, object, undefined, options.manager, timestamp(this.now()));
    type.strategy.prepareForCreate?.(object, this.#storedObjects());
    return { object, created: true, warnings };
  }

  #generateName(type: ResourceType, namespace: string | undefined, prefix: string): string {
    const base = prefix.slice(0, 63 - 5);
    for (let attempt = 0; attempt < 8; attempt++) {
      let suffix = "";
      for (let index = 0; index < 5; index++) suffix += generateNameAlphabet[randomInt(generateNameAlphabet.length)];
      const name = base + suffix;
      if (!this.store.get(type.collection, objectKey(type.namespaced ? namespace : undefined, name))) return name;
    }
    return base + randomUUID().slice(0, 5);
  }

  /**
   * Replaces the object `name` with `body` (PUT, and the last step of every PATCH).
   * @param subresource "status" writes only status; "" (or another subresource, such as a namespace's
   *   "finalize") writes everything but status when the type has a status subresource
   */
  async update(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
    body: KubeObject,
    options: WriteOptions & UpdateConditions & { subresource: string },
  ): Promise<WriteResult> {
    const key = objectKey(type.namespaced ? namespace : undefined, name);
    const old = this.store.get(type.collection, key);
    if (!old) throw notFound(groupResource(type), name);
    checkUidPrecondition(type, options.uidPrecondition, old);
    const requested = options.expectedResourceVersion ?? body.metadata?.resourceVersion;
    if (!requested && options.unconditionalUpdate === false) {
      // genericregistry.Store names the resource where the kind goes here (its TODO: "The Invalid
      // error should have a field for Resource"), and prints the parsed version, a uint64 0.
      throw invalid({ group: type.group, kind: type.resource }, name, [
        fieldErrors.invalid("metadata.resourceVersion", 0, "must be specified for an update"),
      ]);
    }
    if (requested && requested !== old.metadata.resourceVersion)
      throw conflict(groupResource(type), name, objectModifiedMessage);
    const prepared = this.#prepareUpdate(type, deepClone(body), old, options.subresource);
    const warnings = this.#decode(type, prepared, options);
    const read = served(old, type);
    const oldObject = read instanceof Promise ? await read : read;
    if (!options.managedFieldsPrepared) {
      const tracked = type.webhookConversion ? await withManagerVersions(type, oldObject, prepared) : type;
      recordUpdate(tracked, prepared, oldObject, options.manager, timestamp(this.now()), options.subresource);
    }
    const attributes = this.#attributes(
      "UPDATE",
      type,
      namespace,
      options.subresource,
      { object: prepared, oldObject: deepClone(oldObject) },
      options,
    );
    let object = prepared;
    if (attributes) {
      const admitted = await this.#mutate(type, attributes, warnings);
      // What a webhook changed goes through the same rules as the request's own changes.
      if (admitted !== prepared) object = this.#prepareUpdate(type, admitted, old, options.subresource);
    }
    this.#dependencies.guardWrite?.(type, object, old, options.admission?.user);
    warnings.splice(0, warnings.length, ...this.#validate(type, object, old, options.subresource, warnings));
    this.#setGeneration(type, object, old);
    await this.#validateAdmission(attributes, object, warnings);
    const storable = type.webhookConversion
      ? await this.#storedAfterConversion(type, object, old)
      : toStorageVersion(object, type);
    // An update that changes nothing is not written: no new resourceVersion, no watch event.
    if (jsonEqual(withoutVolatile(storable), withoutVolatile(old)))
      return { object: await served(old, type), created: false, warnings };
    if (options.dryRun) return { object: await served(storable, type), created: false, warnings };
    if (storable.metadata.deletionTimestamp && !storable.metadata.finalizers?.length) {
      // The last finalizer is gone: the object is deleted instead of written (the generic store's
      // shouldDeleteDuringUpdate), so watchers see one DELETED with its last stored state, and
      // the caller gets the updated object, as from deleteWithoutFinalizers.
      await this.store.delete(type.collection, key)?.durable;
      return { object: await served(storable, type), created: false, warnings };
    }
    const stored = this.store.put(type.collection, key, storable);
    await stored.durable;
    return { object: await served(stored.object, type), created: false, warnings };
  }

  /**
   * The object of an update at its stored version, converted by the kind's webhook, or a 409 if
   * another write got in during the round trip (etcd's compare-and-swap on the version read).
   */
  async #storedAfterConversion(type: ResourceType, object: KubeObject, old: KubeObject): Promise<KubeObject> {
    const storable = await storageForm(object, type);
    const key = objectKey(type.namespaced ? old.metadata.namespace : undefined, old.metadata.name ?? "");
    if (this.store.get(type.collection, key)?.metadata.resourceVersion !== old.metadata.resourceVersion)
      throw conflict(groupResource(type), old.metadata.name ?? "", objectModifiedMessage);
    return storable;
  }

  /** Copies what a write may not change from the stored object, as the strategies' PrepareForUpdate do. */
  #prepareUpdate(type: ResourceType, object: KubeObject, old: KubeObject, subresource: string): KubeObject {
    object.metadata ??= {};
    if (subresource === "status") {
      const status = object.status;
      const managedFields = object.metadata.managedFields;
      const result = deepClone(old);
      if (status === undefined) delete result.status;
      else result.status = status;
      if (managedFields) result.metadata.managedFields = managedFields;
      type.strategy.prepareForStatusUpdate?.(result, old);
      return result;
    }
    const meta = object.metadata;
    const oldMeta = old.metadata;
    if (type.namespaced) meta.namespace = oldMeta.namespace;
    meta.name = oldMeta.name;
    // An update that names no uid keeps the stored one; another uid is refused as immutable.
    meta.uid ||= oldMeta.uid;
    meta.creationTimestamp = oldMeta.creationTimestamp;
    meta.resourceVersion = oldMeta.resourceVersion;
    if (oldMeta.deletionTimestamp) meta.deletionTimestamp = oldMeta.deletionTimestamp;
    else delete meta.deletionTimestamp;
    if (oldMeta.deletionGracePeriodSeconds !== undefined)
      meta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
    else delete meta.deletionGracePeriodSeconds;
    delete meta.generateName;
    if (oldMeta.generateName) meta.generateName = oldMeta.generateName;
    if (type.statusSubresource) {
      if (old.status === undefined) delete object.status;
      else object.status = old.status;
    }
    type.strategy.prepareForUpdate?.(object, old, subresource, this.#storedObjects());
    return object;
  }

  /**
   * Bumps generation on a spec change. It runs after admission, since kube-apiserver prunes unknown
   * fields while decoding, before the strategy compares: a change only to pruned fields is none.
   */
  #setGeneration(type: ResourceType, object: KubeObject, old: KubeObject): void {
    if (!type.tracksGeneration) {
      delete object.metadata.generation;
      return;
    }
    const changed = !jsonEqual(specPart(object, type.statusSubresource), specPart(old, type.statusSubresource));
    object.metadata.generation = (old.metadata.generation ?? 1) + (changed ? 1 : 0);
  }
}

/**
 * A failed uid precondition is etcd storage's invalid-object error, which the generic store
 * answers as a Conflict naming the object's storage key.
 */
function checkUidPrecondition(type: ResourceType, uid: string | undefined, current: KubeObject): void {
  const meta = current.metadata;
  if (!uid || uid === meta.uid) return;
  const key = [storagePrefixOf(type), type.namespaced ? meta.namespace : undefined, meta.name]
    .filter((segment) => segment !== undefined)
    .join("/");
  throw conflict(
    groupResource(type),
    meta.name ?? "",
    `StorageError: invalid object, Code: 4, Key: /registry/${key}, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: ${uid}, UID in object meta: ${meta.uid ?? ""}`,
  );
}

/** A value ObjectMeta's JSON encoding leaves out (all its fields are omitempty): null, "", [] or {}. */
export function isEmptyMetadataValue(value: unknown): boolean {
  if (value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && Object.keys(value).length === 0;
}

/** Every kind's metadata is an ObjectMeta: empty fields (`labels: {}`, `managedFields: []`) are not kept. */
function dropEmptyMetadata(object: KubeObject): void {
  for (const [field, value] of Object.entries(object.metadata ?? {})) {
    if (isEmptyMetadataValue(value)) Reflect.deleteProperty(object.metadata, field);
  }
}

/** Metadata rules of ValidateObjectMetaUpdate that depend on the old object. */
function validateMetaUpdate(object: KubeObject, old: KubeObject): FieldError[] {
  const errors: FieldError[] = [];
  if (old.metadata.deletionTimestamp) {
    // ValidateNoNewFinalizers: the set difference, sorted, printed with Go's %#v.
    const before = new Set(old.metadata.finalizers ?? []);
    const added = [...new Set(object.metadata.finalizers ?? [])].filter((finalizer) => !before.has(finalizer)).sort();
    if (added.length) {
      errors.push(
        fieldErrors.forbidden(
          "metadata.finalizers",
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(", ")}}`,
        ),
      );
    }
  }
  if (object.metadata.uid !== old.metadata.uid)
    errors.push(fieldErrors.invalid("metadata.uid", object.metadata.uid, "field is immutable"));
  return errors;
}

function withoutVolatile(object: KubeObject): KubeObject {
  const meta = { ...object.metadata };
  delete meta.resourceVersion;
  const entries = meta.managedFields?.map((entry) => ({ ...entry, time: undefined }));
  if (entries) meta.managedFields = entries;
  return { ...object, metadata: meta };
}
