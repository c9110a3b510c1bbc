import type { KubernetesObject, ObjectList } from "../object.js";
import type { KindDescriptor } from "../scheme/group_version.js";
import { queryString, resourcePath } from "../client/paths.js";
import type { RawWatchEvent, Transport } from "../client/transport.js";

/** What a list page asks for. */
export interface ListRequest {
  resourceVersion?: string;
  limit?: number;
  continue?: string;
  signal: AbortSignal;
}

/** What a watch asks for. */
export interface WatchRequestOptions {
  resourceVersion: string;
  timeoutSeconds: number;
  signal: AbortSignal;
  onOpen: () => void;
}

/**
 * Lists and watches one kind (client-go's `ListerWatcher`): the only I/O an informer does, so a fake
 * one drives informer tests.
 */
export interface ListerWatcher {
  list(request: ListRequest): Promise<ObjectList<KubernetesObject>>;
  /** Streams events until the server ends the watch (resolves) or it fails (rejects). */
  watch(request: WatchRequestOptions, onEvent: (event: RawWatchEvent) => void): Promise<void>;
}

/** A {@link ListerWatcher} over the API server for a kind, optionally limited to one namespace. */
export function createListerWatcher(transport: Transport, kind: KindDescriptor, namespace?: string): ListerWatcher {
  const path = resourcePath(kind, { namespace: kind.namespaced ? namespace : undefined });
  return {
    async list(request) {
      const query = queryString({
        resourceVersion: request.resourceVersion,
        limit: request.limit,
        continue: request.continue,
      });
      return (await transport.request({
        method: "GET",
        path: path + query,
        signal: request.signal,
      })) as ObjectList<KubernetesObject>;
    },
    watch(request, onEvent) {
      const query = queryString({
        watch: "true",
        resourceVersion: request.resourceVersion,
        allowWatchBookmarks: "true",
        timeoutSeconds: request.timeoutSeconds,
      });
      return transport.watch({ path: path + query, signal: request.signal, onOpen: request.onOpen }, onEvent);
    },
  };
}
