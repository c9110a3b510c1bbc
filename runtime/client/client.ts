import type { KubernetesObject, ObjectList } from "../object.js";
import { defaultScheme, type KindDescriptor, type Scheme } from "../scheme/group_version.js";
import { PATCH_CONTENT_TYPES, type Patch } from "./patch.js";
import { listQuery, queryString, resourcePath } from "./paths.js";
import type { Transport } from "./transport.js";
import type {
  Client,
  DeleteOptions,
  ListOptions,
  PatchOptions,
  StatusWriter,
  SubResourceClient,
  SubResourcePatchOptions,
  SubResourceUpdateOptions,
  WriteOptions,
} from "./types.js";

/** Called after every successful write with the object as the server returned it (or deleted). */
export type WriteObserver = (kind: KindDescriptor, obj: KubernetesObject, verb: "write" | "delete") => void;

/** Options of {@link createClient}. */
export interface ClientOptions {
  transport: Transport;
  /** Maps objects to kinds for writes; the default scheme unless given. */
  scheme: Scheme;
  /** Field manager sent with every write that names none. */
  fieldManager?: string;
  /** Told about every write: the manager uses it for read-your-writes. */
  onWrite?: WriteObserver;
}

/** Replaces the contents of `target` with `source`, keeping the caller's reference valid. */
function assignInPlace<T extends object>(target: T, source: T): T {
  for (const key of Object.keys(target)) delete (target as Record<string, unknown>)[key];
  Object.assign(target, source);
  return target;
}

/** Sets apiVersion/kind on list items, which the API server omits for built-in kinds. */
export function withTypeMeta<T extends KubernetesObject>(kind: KindDescriptor, obj: T): T {
  if (obj.apiVersion !== kind.apiVersion || obj.kind !== kind.kind) {
    return Object.assign(obj, { apiVersion: kind.apiVersion, kind: kind.kind });
  }
  return obj;
}

/**
 * A client that talks straight to the API server: every call is one HTTP request, with no cache
 * and no retry. The manager's client wraps it with cache reads.
 */
export function createClient(options: Partial<ClientOptions> & { transport: Transport }): Client {
  const { transport, fieldManager } = options;
  const scheme = options.scheme ?? defaultScheme;

  function locate(obj: KubernetesObject, subresource?: string): { kind: KindDescriptor; path: string } {
    const kind = scheme.descriptorFor(obj);
    const path = resourcePath(kind, {
      namespace: obj.metadata?.namespace,
      name: obj.metadata?.name ?? "",
      subresource,
    });
    return { kind, path };
  }

  function writeQuery(writeOptions: PatchOptions | undefined): string {
    return queryString({
      fieldManager: writeOptions?.fieldManager ?? fieldManager,
      dryRun: writeOptions?.dryRun?.join(","),
      force: writeOptions?.force,
    });
  }

  /** PUT of `body` at `obj`'s path (its subresource's when given); the answer lands in `body`. */
  async function put<B extends KubernetesObject>(
    obj: KubernetesObject,
    subresource: string | undefined,
    body: B,
    writeOptions?: WriteOptions,
  ): Promise<B> {
    const { kind, path } = locate(obj, subresource);
    const answer = (await transport.request({ method: "PUT", path: path + writeQuery(writeOptions), body })) as B;
    // A subresource's answer (a Scale) carries the parent's new resourceVersion, all read-your-writes needs.
    options.onWrite?.(kind, answer, "write");
    return assignInPlace(body, answer);
  }

  /** PATCH at `obj`'s path (its subresource's when given), computed from `body`, answered into `into`. */
  async function patch<B extends KubernetesObject>(
    obj: KubernetesObject,
    thePatch: Patch,
    subresource: string | undefined,
    body: KubernetesObject,
    patchOptions?: PatchOptions,
    into: B = body as B,
  ): Promise<B> {
    const { kind, path } = locate(obj, subresource);
    if (thePatch.type === "apply" && !(patchOptions?.fieldManager ?? fieldManager)) {
      throw new Error(`server-side apply of ${kind.kind} ${obj.metadata?.name}: set patch options fieldManager`);
    }
    const answer = (await transport.request({
      method: "PATCH",
      path: path + writeQuery(patchOptions),
      body: thePatch.data(body),
      contentType: PATCH_CONTENT_TYPES[thePatch.type],
    })) as B;
    options.onWrite?.(kind, answer, "write");
    return assignInPlace(into, answer);
  }

  function subResourceClient(subresource: string): SubResourceClient {
    return {
      async get<S extends KubernetesObject>(obj: KubernetesObject): Promise<S> {
        return (await transport.request({ method: "GET", path: locate(obj, subresource).path })) as S;
      },
      async create<S extends KubernetesObject>(obj: KubernetesObject, body: S, writeOptions?: WriteOptions) {
        const { path } = locate(obj, subresource);
        const answer = (await transport.request({ method: "POST", path: path + writeQuery(writeOptions), body })) as S;
        return assignInPlace(body, answer);
      },
      update: <T extends KubernetesObject, S extends KubernetesObject = T>(
        obj: T,
        updateOptions?: SubResourceUpdateOptions<S>,
      ) => put(obj, subresource, updateOptions?.subResourceBody ?? (obj as unknown as S), updateOptions),
      patch: <T extends KubernetesObject, S extends KubernetesObject = T>(
        obj: T,
        thePatch: Patch,
        patchOptions?: SubResourcePatchOptions<S>,
      ) => {
        const body = patchOptions?.subResourceBody;
        // Without a body, only status answers with the object itself; a Scale must not overwrite it.
        const into = body ?? (subresource === "status" ? obj : {});
        return patch(obj, thePatch, subresource, body ?? obj, patchOptions, into as S);
      },
    };
  }

  const statusWriter: StatusWriter = {
    update: (obj, writeOptions) => put(obj, "status", obj, writeOptions),
    patch: (obj, thePatch, patchOptions) => patch(obj, thePatch, "status", obj, patchOptions),
  };

  return {
    async get<T extends KubernetesObject>(
      kind: KindDescriptor<T>,
      key: { namespace?: string; name: string },
    ): Promise<T> {
      const path = resourcePath(kind, { namespace: key.namespace, name: key.name });
      return withTypeMeta(kind, (await transport.request({ method: "GET", path })) as T);
    },

    async list<T extends KubernetesObject>(
      kind: KindDescriptor<T>,
      listOptions: ListOptions = {},
    ): Promise<ObjectList<T>> {
      const path = resourcePath(kind, { namespace: listOptions.namespace }) + queryString(listQuery(listOptions));
      const answer = (await transport.request({ method: "GET", path })) as ObjectList<T>;
      answer.items = (answer.items ?? []).map((item) => withTypeMeta(kind, item));
      return answer;
    },

    async create<T extends KubernetesObject>(obj: T, writeOptions?: WriteOptions): Promise<T> {
      const kind = scheme.descriptorFor(obj);
      const path = resourcePath(kind, { namespace: obj.metadata?.namespace });
      if (kind.namespaced && !obj.metadata?.namespace) {
        throw new Error(
          `create ${kind.kind} ${obj.metadata?.name ?? obj.metadata?.generateName ?? ""}: set metadata.namespace`,
        );
      }
      const answer = (await transport.request({
        method: "POST",
        path: path + writeQuery(writeOptions),
        body: obj,
      })) as T;
      options.onWrite?.(kind, answer, "write");
      return assignInPlace(obj, answer);
    },

    update: (obj, writeOptions) => put(obj, undefined, obj, writeOptions),

    patch: (obj, thePatch, patchOptions) => patch(obj, thePatch, undefined, obj, patchOptions),

    async delete<T extends KubernetesObject>(obj: T, deleteOptions: DeleteOptions = {}): Promise<void> {
      const { kind, path } = locate(obj);
      const answer = (await transport.request({
        method: "DELETE",
        path: path + queryString({ dryRun: deleteOptions.dryRun?.join(",") }),
        body: { apiVersion: "v1", kind: "DeleteOptions", ...deleteOptions, dryRun: deleteOptions.dryRun },
      })) as KubernetesObject;
      // The answer is the object (finalizers pending or deleted) or a Success Status.
      if (answer.metadata?.resourceVersion) options.onWrite?.(kind, answer, "delete");
    },

    async deleteAllOf<T extends KubernetesObject>(
      kind: KindDescriptor<T>,
      deleteOptions: ListOptions & DeleteOptions = {},
    ): Promise<void> {
      const { propagationPolicy, gracePeriodSeconds, preconditions, dryRun, ...listOptions } = deleteOptions;
      const path = resourcePath(kind, { namespace: listOptions.namespace }) + queryString(listQuery(listOptions));
      await transport.request({
        method: "DELETE",
        path,
        body: { apiVersion: "v1", kind: "DeleteOptions", propagationPolicy, gracePeriodSeconds, preconditions, dryRun },
      });
    },

    status: () => statusWriter,

    subResource: subResourceClient,
  };
}
