import type { KubernetesObject, ObjectList } from "../object.js";
import type { KindDescriptor } from "../scheme/group_version.js";
import type { Patch } from "./patch.js";
import type {
  Client,
  DeleteOptions,
  ListOptions,
  ObjectKey,
  PatchOptions,
  SubResourceClient,
  WriteOptions,
} from "./types.js";

/**
 * Replacements for some of a client's calls (controller-runtime's `interceptor.Funcs`). Each gets
 * the wrapped client first, so it can fail, alter or delay a call and still delegate to it.
 */
export interface InterceptorFuncs {
  get?<T extends KubernetesObject>(client: Client, kind: KindDescriptor<T>, key: ObjectKey): Promise<T>;
  list?<T extends KubernetesObject>(
    client: Client,
    kind: KindDescriptor<T>,
    options?: ListOptions,
  ): Promise<ObjectList<T>>;
  create?<T extends KubernetesObject>(client: Client, obj: T, options?: WriteOptions): Promise<T>;
  update?<T extends KubernetesObject>(client: Client, obj: T, options?: WriteOptions): Promise<T>;
  patch?<T extends KubernetesObject>(client: Client, obj: T, patch: Patch, options?: PatchOptions): Promise<T>;
  delete?<T extends KubernetesObject>(client: Client, obj: T, options?: DeleteOptions): Promise<void>;
  deleteAllOf?<T extends KubernetesObject>(
    client: Client,
    kind: KindDescriptor<T>,
    options?: ListOptions & DeleteOptions,
  ): Promise<void>;
  /** `client.status().update(...)`. */
  statusUpdate?<T extends KubernetesObject>(client: Client, obj: T, options?: WriteOptions): Promise<T>;
  /** `client.status().patch(...)`. */
  statusPatch?<T extends KubernetesObject>(client: Client, obj: T, patch: Patch, options?: PatchOptions): Promise<T>;
  /** `client.subResource(name)`: a whole subresource client in place of the wrapped one's. */
  subResource?(client: Client, subResource: string): SubResourceClient;
}

/**
 * A client whose calls go through `funcs` where one is given, and straight to `client` otherwise:
 * how a unit test makes a write fail with a Conflict, or a read lag behind the writes as a cache
 * does, around the fake client (or any client).
 */
export function interceptClient(client: Client, funcs: InterceptorFuncs): Client {
  return {
    get: (kind, key) => (funcs.get ? funcs.get(client, kind, key) : client.get(kind, key)),
    list: (kind, options) => (funcs.list ? funcs.list(client, kind, options) : client.list(kind, options)),
    create: (obj, options) => (funcs.create ? funcs.create(client, obj, options) : client.create(obj, options)),
    update: (obj, options) => (funcs.update ? funcs.update(client, obj, options) : client.update(obj, options)),
    patch: (obj, patch, options) =>
      funcs.patch ? funcs.patch(client, obj, patch, options) : client.patch(obj, patch, options),
    delete: (obj, options) => (funcs.delete ? funcs.delete(client, obj, options) : client.delete(obj, options)),
    deleteAllOf: (kind, options) =>
      funcs.deleteAllOf ? funcs.deleteAllOf(client, kind, options) : client.deleteAllOf(kind, options),
    status: () => ({
      update: (obj, options) =>
        funcs.statusUpdate ? funcs.statusUpdate(client, obj, options) : client.status().update(obj, options),
      patch: (obj, patch, options) =>
        funcs.statusPatch ? funcs.statusPatch(client, obj, patch, options) : client.status().patch(obj, patch, options),
    }),
    subResource: (name) => (funcs.subResource ? funcs.subResource(client, name) : client.subResource(name)),
  };
}
