import { formatTime, realClock, type Clock } from "../clock.js";
import { randomUUID } from "node:crypto";
import { keyOf, objectKey, type KubernetesObject, type ObjectList } from "../object.js";
import { defaultScheme, resourceName, type KindDescriptor, type Scheme } from "../scheme/group_version.js";
import { labelSelectorOf } from "./paths.js";
import type { Patch } from "./patch.js";
import type {
  Client,
  DeleteOptions,
  FieldIndexer,
  ListOptions,
  ObjectKey,
  PatchOptions,
  StatusWriter,
  SubResourceClient,
} from "./types.js";
import { applyMergePatch } from "../../apimachinery/index.js";
import { fakeApiError as apiError } from "./fake_support.js";
import { fakeScaleClient } from "./fake_scale.js";

/** Options of {@link FakeClient}. */
export interface FakeClientOptions {
  scheme: Scheme;
  /** Objects present from the start. */
  objects: KubernetesObject[];
  /** Clock for creationTimestamp and deletionTimestamp. */
  clock: Clock;
}

/**
 * An in-memory {@link Client} for unit tests of reconcilers (controller-runtime's fake client):
 * resourceVersions, optimistic concurrency, generateName, generation bumps on spec changes,
 * finalizers holding deletion, label selectors and the status subresource split.
 * Field selectors (`matchingFields`) work on `metadata.name`, `metadata.namespace` and the fields
 * registered with {@link FakeClient.indexField}, as the manager's cached client does (the fake
 * client's `WithIndex` in controller-runtime).
 * Caveats: merge and apply patches are both applied as JSON merge patches; JSON patches are not
 * supported; no garbage collection or admission.
 */
export class FakeClient implements Client, FieldIndexer {
  readonly #scheme: Scheme;
  readonly #objects = new Map<string, KubernetesObject>();
  /** Index functions by kind (`apiVersion/kind`), then field. */
  readonly #indexes = new Map<string, Map<string, (obj: KubernetesObject) => string[]>>();
  readonly #clock: Clock;
  #resourceVersion = 1;
  /** Every call made, as `verb kind namespace/name`, for assertions. */
  readonly actions: string[] = [];

  constructor(options: Partial<FakeClientOptions> = {}) {
    this.#scheme = options.scheme ?? defaultScheme;
    this.#clock = options.clock ?? realClock;
    for (const obj of options.objects ?? []) this.#store(this.#scheme.descriptorFor(obj), structuredClone(obj));
  }

  #id(kind: KindDescriptor, namespace: string | undefined, name: string): string {
    return `${kind.apiVersion}/${kind.kind}/${objectKey(kind.namespaced ? namespace : undefined, name)}`;
  }

  #store(kind: KindDescriptor, obj: KubernetesObject): KubernetesObject {
    obj.apiVersion = kind.apiVersion;
    obj.kind = kind.kind;
    obj.metadata = { ...obj.metadata, resourceVersion: String(++this.#resourceVersion) };
    obj.metadata.uid ??= randomUUID();
    obj.metadata.creationTimestamp ??= formatTime(this.#clock.now());
    obj.metadata.generation ??= 1;
    this.#objects.set(this.#id(kind, obj.metadata.namespace, obj.metadata.name ?? ""), obj);
    return structuredClone(obj);
  }

  #existing(kind: KindDescriptor, obj: KubernetesObject): KubernetesObject {
    const current = this.#objects.get(this.#id(kind, obj.metadata?.namespace, obj.metadata?.name ?? ""));
    if (!current) throw apiError(404, "NotFound", `${resourceName(kind)} "${obj.metadata?.name}" not found`);
    return current;
  }

  /**
   * Registers a field index, so that `list(kind, { matchingFields: { [field]: value } })` finds
   * the objects whose `extract` returns `value`: the same call a reconciler makes on the
   * manager's cache in `setupWithManager`.
   * Errors: throws when the field of this kind is already indexed.
   */
  indexField<T extends KubernetesObject>(kind: KindDescriptor<T>, field: string, extract: (obj: T) => string[]): void {
    const kindKey = `${kind.apiVersion}/${kind.kind}`;
    const fields = this.#indexes.get(kindKey) ?? new Map<string, (obj: KubernetesObject) => string[]>();
    if (fields.has(field)) throw new Error(`field "${field}" of ${kind.kind} is already indexed`);
    fields.set(field, extract as (obj: KubernetesObject) => string[]);
    this.#indexes.set(kindKey, fields);
  }

  #matchesField(kind: KindDescriptor, obj: KubernetesObject, field: string, value: string): boolean {
    const extract = this.#indexes.get(`${kind.apiVersion}/${kind.kind}`)?.get(field);
    if (extract) return extract(obj).includes(value);
    if (field === "metadata.name") return obj.metadata?.name === value;
    if (field === "metadata.namespace") return obj.metadata?.namespace === value;
    throw new Error(
      `no index for field "${field}" of ${kind.kind}; register one with fakeClient.indexField(kind, "${field}", extract)`,
    );
  }

  async get<T extends KubernetesObject>(kind: KindDescriptor<T>, key: ObjectKey): Promise<T> {
    this.actions.push(`get ${kind.kind} ${objectKey(key.namespace, key.name)}`);
    const obj = this.#objects.get(this.#id(kind, key.namespace, key.name));
    if (!obj) throw apiError(404, "NotFound", `${resourceName(kind)} "${key.name}" not found`);
    return structuredClone(obj) as T;
  }

  async list<T extends KubernetesObject>(kind: KindDescriptor<T>, options: ListOptions = {}): Promise<ObjectList<T>> {
    this.actions.push(`list ${kind.kind} ${options.namespace ?? ""}`);
    const selector = labelSelectorOf(options);
    const prefix = `${kind.apiVersion}/${kind.kind}/`;
    const items = [...this.#objects.entries()]
      .filter(([id]) => id.startsWith(prefix))
      .map(([, obj]) => obj)
      .filter((obj) => !options.namespace || obj.metadata?.namespace === options.namespace)
      .filter((obj) => !selector || selector.matches(obj.metadata?.labels))
      .filter((obj) =>
        Object.entries(options.matchingFields ?? {}).every(([field, value]) =>
          this.#matchesField(kind, obj, field, value),
        ),
      );
    return { items: structuredClone(items) as T[], metadata: { resourceVersion: String(this.#resourceVersion) } };
  }

  async create<T extends KubernetesObject>(obj: T): Promise<T> {
    const kind = this.#scheme.descriptorFor(obj);
    const copy = structuredClone(obj);
    copy.metadata ??= {};
    if (!copy.metadata.name && copy.metadata.generateName) {
      copy.metadata.name = copy.metadata.generateName + randomUUID().slice(0, 5);
    }
    if (!copy.metadata.name)
      throw apiError(422, "Invalid", "metadata.name: Required value: name or generateName is required");
    if (kind.namespaced && !copy.metadata.namespace)
      throw apiError(422, "Invalid", "metadata.namespace: Required value");
    if (this.#objects.has(this.#id(kind, copy.metadata.namespace, copy.metadata.name))) {
      throw apiError(409, "AlreadyExists", `${resourceName(kind)} "${copy.metadata.name}" already exists`);
    }
    delete copy.metadata.resourceVersion;
    this.actions.push(`create ${kind.kind} ${keyOf(copy)}`);
    return Object.assign(obj, this.#store(kind, copy));
  }

  #write<T extends KubernetesObject>(obj: T, next: KubernetesObject, subresource: "status" | undefined): T {
    const kind = this.#scheme.descriptorFor(obj);
    const current = this.#existing(kind, obj);
    const sentRv = next.metadata?.resourceVersion;
    if (sentRv && sentRv !== current.metadata?.resourceVersion) {
      throw apiError(
        409,
        "Conflict",
        `Operation cannot be fulfilled on ${resourceName(kind)} "${obj.metadata?.name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
    const currentRecord = current as Record<string, unknown>;
    const nextRecord = structuredClone(next) as Record<string, unknown>;
    // The status subresource changes only status; the main resource never changes status.
    const merged: Record<string, unknown> =
      subresource === "status"
        ? { ...structuredClone(currentRecord), status: nextRecord.status }
        : { ...nextRecord, status: currentRecord.status };
    const metadata = {
      ...(merged.metadata as object),
      uid: current.metadata?.uid,
      creationTimestamp: current.metadata?.creationTimestamp,
    } as NonNullable<KubernetesObject["metadata"]>;
    metadata.generation = current.metadata?.generation ?? 1;
    if (subresource !== "status" && JSON.stringify(nextRecord.spec) !== JSON.stringify(currentRecord.spec))
      metadata.generation++;
    merged.metadata = metadata;
    this.actions.push(`${subresource ? "update-status" : "update"} ${kind.kind} ${keyOf(current)}`);
    if (metadata.deletionTimestamp && (metadata.finalizers ?? []).length === 0) {
      this.#objects.delete(this.#id(kind, metadata.namespace, metadata.name ?? ""));
      return Object.assign(obj, merged);
    }
    return Object.assign(obj, this.#store(kind, merged));
  }

  async update<T extends KubernetesObject>(obj: T): Promise<T> {
    return this.#write(obj, obj, undefined);
  }

  #patched(obj: KubernetesObject, patch: Patch): KubernetesObject {
    if (patch.type === "json")
      throw new Error("the fake client does not support JSON patches; use mergeFrom or mergePatch");
    const kind = this.#scheme.descriptorFor(obj);
    const current = this.#existing(kind, obj);
    const body = patch.data(obj);
    const next = applyMergePatch(structuredClone(current), body) as KubernetesObject;
    const lock = (body as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion;
    next.metadata = { ...next.metadata, resourceVersion: lock ?? current.metadata?.resourceVersion };
    return next;
  }

  async patch<T extends KubernetesObject>(obj: T, patch: Patch, _options?: PatchOptions): Promise<T> {
    return this.#write(obj, this.#patched(obj, patch), undefined);
  }

  async delete<T extends KubernetesObject>(obj: T, options: DeleteOptions = {}): Promise<void> {
    const kind = this.#scheme.descriptorFor(obj);
    const current = this.#existing(kind, obj);
    if (options.preconditions?.uid && options.preconditions.uid !== current.metadata?.uid) {
      throw apiError(409, "Conflict", "Precondition failed: UID in precondition does not match");
    }
    this.actions.push(`delete ${kind.kind} ${keyOf(current)}`);
    if ((current.metadata?.finalizers ?? []).length > 0) {
      if (!current.metadata?.deletionTimestamp) {
        const next = structuredClone(current);
        next.metadata = {
          ...next.metadata,
          deletionTimestamp: formatTime(this.#clock.now()),
        };
        this.#store(kind, next);
      }
      return;
    }
    this.#objects.delete(this.#id(kind, current.metadata?.namespace, current.metadata?.name ?? ""));
  }

  async deleteAllOf<T extends KubernetesObject>(
    kind: KindDescriptor<T>,
    options: ListOptions & DeleteOptions = {},
  ): Promise<void> {
    for (const item of (await this.list(kind, options)).items) await this.delete(item, options);
  }

  status(): StatusWriter {
    return {
      update: async (obj) => this.#write(obj, obj, "status"),
      patch: async (obj, patch) => this.#write(obj, this.#patched(obj, patch), "status"),
    };
  }

  /**
   * The status subresource (read, as the API server answers it, the whole object; written as
   * {@link FakeClient.status} writes), and the scale subresource of Deployments, ReplicaSets,
   * StatefulSets and ReplicationControllers as the API server serves it.
   * Errors: the calls of any other subresource reject, naming it.
   */
  subResource(subResource: string): SubResourceClient {
    if (subResource === "scale") return fakeScaleClient(this, this.#scheme);
    const unsupported = async (): Promise<never> => {
      throw new Error(`the fake client serves the status and scale subresources, not ${subResource}`);
    };
    if (subResource !== "status") {
      return { get: unsupported, create: unsupported, update: unsupported, patch: unsupported };
    }
    const status = this.status();
    return {
      get: async <S extends KubernetesObject>(obj: KubernetesObject) =>
        structuredClone(this.#existing(this.#scheme.descriptorFor(obj), obj)) as S,
      create: unsupported,
      update: async <T extends KubernetesObject, S extends KubernetesObject = T>(obj: T) =>
        (await status.update(obj)) as unknown as S,
      patch: async <T extends KubernetesObject, S extends KubernetesObject = T>(obj: T, patch: Patch) =>
        (await status.patch(obj, patch)) as unknown as S,
    };
  }
}
