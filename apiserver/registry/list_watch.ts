/**
 * Lists (selectors, limit/continue) and watches (history replay, selector transitions,
 * bookmarks) of one resource type.
 */
import { badRequest, expired, StatusError } from "../http/status.js";
import { parseFieldSelector, parseLabelSelector, metadataFieldGetters, type FieldGetter } from "../storage/selectors.js";
import { RevisionTooOldError, type Store } from "../storage/store.js";
import type { KubeObject, StoreEvent } from "../storage/types.js";
import { toVersion } from "./conversion.js";
import type { ResourceType } from "./resource_type.js";

export interface ListQuery {
  namespace: string | undefined;
  labelSelector: string | null;
  fieldSelector: string | null;
  limit: number;
  continueToken: string | null;
}

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
  continueToken: string | undefined;
  remainingItemCount: number | undefined;
}

/** Field selectors each built-in kind supports beyond metadata.name/namespace. */
const extraFieldGetters: Record<string, Record<string, FieldGetter>> = {
  "/secrets": { type: (o) => o.type as string | undefined },
  "/namespaces": { "status.phase": (o) => (o.status as { phase?: string } | undefined)?.phase },
  "/events": {
    "involvedObject.kind": (o) => (o.involvedObject as Record<string, string> | undefined)?.kind ?? "",
    "involvedObject.name": (o) => (o.involvedObject as Record<string, string> | undefined)?.name ?? "",
    "involvedObject.namespace": (o) => (o.involvedObject as Record<string, string> | undefined)?.namespace ?? "",
    "involvedObject.uid": (o) => (o.involvedObject as Record<string, string> | undefined)?.uid ?? "",
    reason: (o) => (o.reason as string | undefined) ?? "",
    type: (o) => (o.type as string | undefined) ?? "",
  },
};

/** Builds the predicate of a request's selectors, with the error wording of built-ins vs custom resources. */
export function selectorPredicate(type: ResourceType, labelSelector: string | null, fieldSelector: string | null): (object: KubeObject) => boolean {
  const labels = parseLabelSelector(labelSelector);
  const getters = { ...metadataFieldGetters, ...(extraFieldGetters[type.collection] ?? {}) };
  const fields = parseFieldSelector(fieldSelector, getters, (field) =>
    type.strategicMerge
      ? badRequest(`field label not supported: ${field}`)
      : badRequest(`"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`),
  );
  if (labels.empty && fields.empty) return () => true;
  return (object) => labels.matches(object.metadata.labels) && fields.matches(object);
}

interface ContinueToken {
  rv: number;
  start: string;
}

function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: "meta.k8s.io/v1", rv: token.rv, start: token.start })).toString("base64url");
}

function decodeContinue(text: string): ContinueToken {
  try {
    const parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as { rv?: unknown; start?: unknown };
    if (typeof parsed.rv === "number" && typeof parsed.start === "string") return { rv: parsed.rv, start: parsed.start };
  } catch {
    // fall through to the error below
  }
  throw badRequest(`continue key is not valid: ${text}`);
}

function keyOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? ""}/${object.metadata.name ?? ""}`;
}

export function list(store: Store, type: ResourceType, query: ListQuery): ListResult {
  const matches = selectorPredicate(type, query.labelSelector, query.fieldSelector);
  let objects = store.list(type.collection, type.namespaced ? query.namespace : undefined);
  let revision = store.currentRevision();
  if (query.continueToken) {
    const token = decodeContinue(query.continueToken);
    revision = token.rv;
    objects = objects.filter((object) => keyOf(object) > token.start);
  }
  const items: KubeObject[] = [];
  let continueToken: string | undefined;
  let remaining: number | undefined;
  for (let index = 0; index < objects.length; index++) {
    const object = objects[index] as KubeObject;
    if (!matches(object)) continue;
    if (query.limit > 0 && items.length >= query.limit) {
      const last = items[items.length - 1];
      continueToken = encodeContinue({ rv: revision, start: last ? keyOf(last) : "" });
      // remainingItemCount is only known without selectors, as in kube-apiserver.
      if (query.labelSelector === null && query.fieldSelector === null) remaining = objects.length - index;
      break;
    }
    items.push(toVersion(object, type));
  }
  return { items, resourceVersion: String(revision), continueToken, remainingItemCount: remaining };
}

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
}

/** A running watch: `events` are pushed to `emit` until `stop()`. */
export interface WatchSubscription {
  stop(): void;
  /** The newest revision the client has seen, for bookmarks. */
  lastRevision(): number;
}

/**
 * Starts a watch. With no resourceVersion (or "0") the current objects come first as ADDED, as
 * the watch cache does; with a resourceVersion, the kept changes after it.
 * @throws StatusError 410 Expired when the version is older than the kept history (sent by the caller as an ERROR event)
 */
export function watch(store: Store, type: ResourceType, query: WatchQuery, emit: (event: WatchEvent) => void): WatchSubscription {
  const matches = selectorPredicate(type, query.labelSelector, query.fieldSelector);
  const inScope = (object: KubeObject | undefined): object is KubeObject =>
    object !== undefined && (!type.namespaced || !query.namespace || object.metadata.namespace === query.namespace) && matches(object);
  let last = 0;
  let backlog: StoreEvent[] = [];
  const initial: KubeObject[] = [];
  const requested = query.resourceVersion;
  if (requested && requested !== "0") {
    const revision = Number(requested);
    if (!Number.isInteger(revision) || revision < 0) throw badRequest(`invalid resource version: ${requested}`);
    try {
      backlog = store.changesSince(type.collection, revision);
    } catch (error) {
      if (error instanceof RevisionTooOldError) throw expired(error.message);
      throw error;
    }
    last = revision;
    if (query.sendInitialEvents) initial.push(...store.list(type.collection, type.namespaced ? query.namespace : undefined));
  } else {
    initial.push(...store.list(type.collection, type.namespaced ? query.namespace : undefined));
    last = store.currentRevision();
  }
  const deliver = (event: StoreEvent): void => {
    if (event.revision <= last) return;
    last = event.revision;
    const now = inScope(event.type === "DELETED" ? undefined : event.object);
    const before = inScope(event.previous);
    if (event.type === "DELETED") {
      if (inScope(event.object)) emit({ type: "DELETED", object: toVersion(event.object, type) });
    } else if (now && before) emit({ type: "MODIFIED", object: toVersion(event.object, type) });
    else if (now) emit({ type: "ADDED", object: toVersion(event.object, type) });
    else if (before) emit({ type: "DELETED", object: toVersion(event.object, type) });
  };
  const unsubscribe = store.subscribe(type.collection, deliver);
  for (const object of initial) if (inScope(object)) emit({ type: "ADDED", object: toVersion(object, type) });
  if (query.sendInitialEvents) {
    emit({
      type: "BOOKMARK",
      object: {
        kind: type.kind,
        apiVersion: type.group ? `${type.group}/${type.version}` : type.version,
        metadata: { resourceVersion: String(last), annotations: { "k8s.io/initial-events-end": "true" } },
      },
    });
  }
  for (const event of backlog) deliver(event);
  return { stop: unsubscribe, lastRevision: () => last };
}
