/**
 * Watches of one resource type: history replay from a resourceVersion, the current objects first
 * for a watch from "now", selector transitions (a change into or out of the selection is ADDED or
 * DELETED), and the bookmark that ends the initial events.
 */
import { badRequest, expired, fieldErrors, type FieldError, type StatusError } from "../errors/status.js";
import { RevisionTooOldError, type Store } from "../storage/store.js";
import type { KubeObject, StoreEvent } from "../storage/types.js";
import { toVersion } from "./conversion.js";
import { invalidListOptions, selectorPredicate } from "./list_watch.js";
import { apiVersionOf, type ResourceType } from "./resource_type.js";

export type WatchEvent =
  | { type: "ADDED" | "MODIFIED" | "DELETED"; object: KubeObject }
  | { type: "BOOKMARK"; object: KubeObject }
  | { type: "ERROR"; object: ReturnType<StatusError["toStatus"]> };

export interface WatchQuery {
  namespace: string | undefined;
  labelSelector: string | null;
  fieldSelector: string | null;
  resourceVersion: string | null;
  sendInitialEvents: boolean;
  allowWatchBookmarks: boolean;
}

/** A running watch: `events` are pushed to `emit` until `stop()`. */
export interface WatchSubscription {
  stop(): void;
  /** The revision the watch started from: bookmarks are only worth sending past it. */
  readonly startRevision: number;
  /** The newest revision of the collection the watch has been handed, for bookmarks. */
  lastRevision(): number;
}

/**
 * ListOptions validation of a watch (validateWatchOptions): sendInitialEvents needs
 * resourceVersionMatch=NotOlderThan, and resourceVersionMatch needs sendInitialEvents.
 * @throws StatusError 422 on meta.k8s.io ListOptions
 */
export function validateWatchOptions(query: URLSearchParams): void {
  const match = query.get("resourceVersionMatch") ?? "";
  const sendInitialEvents = query.get("sendInitialEvents");
  const errors: FieldError[] = [];
  if (sendInitialEvents !== null && match !== "NotOlderThan") {
    errors.push(
      fieldErrors.forbidden(
        "resourceVersionMatch",
        "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan",
      ),
    );
  }
  if (match) {
    if (sendInitialEvents === null)
      errors.push(
        fieldErrors.forbidden(
          "resourceVersionMatch",
          "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided",
        ),
      );
    if (match !== "NotOlderThan")
      errors.push(fieldErrors.notSupported("resourceVersionMatch", match, ["NotOlderThan"]));
    if (query.get("continue"))
      errors.push(
        fieldErrors.forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden when continue is provided"),
      );
  }
  if (errors.length) throw invalidListOptions(errors);
}

/** A BOOKMARK event's object: only the kind and a resourceVersion. */
export function bookmarkObject(type: ResourceType, revision: number, annotations?: Record<string, string>): KubeObject {
  return {
    kind: type.kind,
    apiVersion: apiVersionOf(type),
    metadata: { resourceVersion: String(revision), ...(annotations ? { annotations } : {}) },
  };
}

/**
 * Starts a watch. With no resourceVersion (or "0"), or with sendInitialEvents, the current
 * objects come first as ADDED, as the watch cache does, followed (when bookmarks are allowed) by
 * a BOOKMARK annotated `k8s.io/initial-events-end`; with a resourceVersion, the kept changes after it.
 * @throws StatusError 410 Expired when the version is older than the kept history (sent by the caller as an ERROR event)
 */
export function watch(
  store: Store,
  type: ResourceType,
  query: WatchQuery,
  emit: (event: WatchEvent) => void,
): WatchSubscription {
  const matches = selectorPredicate(type, query.labelSelector, query.fieldSelector);
  const namespace = type.namespaced ? query.namespace : undefined;
  const inScope = (object: KubeObject | undefined): object is KubeObject =>
    object !== undefined && (!namespace || object.metadata.namespace === namespace) && matches(object);
  let last = store.currentRevision();
  let backlog: StoreEvent[] = [];
  const requested = query.resourceVersion;
  const fromNow = !requested || requested === "0" || query.sendInitialEvents;
  if (requested && requested !== "0") {
    const revision = Number(requested);
    if (!Number.isInteger(revision) || revision < 0) throw badRequest(`invalid resource version: ${requested}`);
    if (!query.sendInitialEvents) {
      try {
        backlog = store.changesSince(type.collection, revision);
      } catch (error) {
        if (error instanceof RevisionTooOldError) throw expired(error.message);
        throw error;
      }
      last = revision;
    }
  }
  const initial = fromNow ? store.list(type.collection, namespace) : [];
  const startRevision = last;
  const deliver = (event: StoreEvent): void => {
    if (event.revision <= last) return;
    last = event.revision;
    const now = inScope(event.type === "DELETED" ? undefined : event.object);
    const before = inScope(event.previous);
    if (event.type === "DELETED") {
      if (inScope(event.object)) emit({ type: "DELETED", object: toVersion(event.object, type) });
    } else if (now && before) emit({ type: "MODIFIED", object: toVersion(event.object, type) });
    else if (now) emit({ type: "ADDED", object: toVersion(event.object, type) });
    else if (event.previous && before) {
      // Leaving the selection is a DELETED of the last state the watcher was shown, at the event's
      // resourceVersion (the cacher's convertToWatchEvent).
      const leaving = {
        ...event.previous,
        metadata: { ...event.previous.metadata, resourceVersion: String(event.revision) },
      };
      emit({ type: "DELETED", object: toVersion(leaving, type) });
    }
  };
  const unsubscribe = store.subscribe(type.collection, deliver);
  for (const object of initial) if (inScope(object)) emit({ type: "ADDED", object: toVersion(object, type) });
  if (fromNow && query.allowWatchBookmarks) {
    emit({ type: "BOOKMARK", object: bookmarkObject(type, last, { "k8s.io/initial-events-end": "true" }) });
  }
  for (const event of backlog) deliver(event);
  return { stop: unsubscribe, startRevision, lastRevision: () => last };
}
