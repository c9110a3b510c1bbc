/**
 * Streams a watch as newline-delimited JSON events (or length-prefixed protobuf ones) over a
 * chunked response: ADDED, MODIFIED,
 * DELETED, BOOKMARKs when asked for, an ERROR event (410 Expired) for a too-old resourceVersion,
 * and a clean end after `timeoutSeconds`. Bookmarks come as kube-apiserver's cacher sends them:
 * every `bookmarkIntervalMs`, and once 2 s before the watch's end, each only when the collection
 * has moved past the revision the watch started from.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  bookmarkObject,
  validateWatchOptions,
  watch,
  type WatchEvent,
  type WatchSubscription,
} from "../registry/watch.js";
import type { ResourceType } from "../registry/resource_type.js";
import { served } from "../registry/conversion.js";
import type { Store } from "../storage/store.js";
import { protobufMediaType, type OutputFormat } from "./negotiation.js";
import { listIntegerOptions } from "./query_parameters.js";
import { StatusError } from "../errors/status.js";
import { toTable } from "./table.js";
import { partialObjectMetadata } from "../registry/printing.js";
import { toJson, toProtobuf } from "./respond.js";
import { encodeCatalogMessage } from "../serializer/protobuf_encoding.js";

export interface WatchStreamOptions {
  bookmarkIntervalMs: number;
  /** Longest watch when the client sets no timeoutSeconds (kube-apiserver: 30-60 minutes). */
  defaultTimeoutSeconds: number;
  now(): Date;
}

export function streamWatch(
  request: IncomingMessage,
  response: ServerResponse,
  context: {
    store: Store;
    type: ResourceType;
    namespace: string | undefined;
    query: URLSearchParams;
    format: OutputFormat;
    options: WatchStreamOptions;
    register(stop: () => void): () => void;
  },
): void {
  const { type, query, format, options } = context;
  const mediaType = format.kind === "table" ? "application/json" : format.mediaType;
  const protobuf = mediaType === protobufMediaType;
  const encode = (event: WatchEvent): string | Buffer => {
    let object: unknown = event.object;
    if (event.type !== "ERROR" && event.type !== "BOOKMARK") {
      if (format.kind === "table") {
        object = toTable(
          type,
          [event.object],
          undefined,
          { includeObject: format.includeObject, noHeaders: false },
          options.now(),
        );
      } else if (format.kind === "metadata") object = partialObjectMetadata(event.object);
    }
    if (protobuf) return protobufWatchFrame(event.type, object as object);
    // Stored objects are serialized once for every watcher (and list) that sends them.
    const objectJson = typeof object === "object" && object !== null ? toJson(object) : JSON.stringify(object);
    return `{"type":${JSON.stringify(event.type)},"object":${objectJson}}\n`;
  };
  validateWatchOptions(query);
  response.writeHead(200, {
    // The protobuf stream serializer's media type (runtime.StreamSerializerInfo, framed by length).
    "Content-Type": protobuf ? `${mediaType};stream=watch` : mediaType,
    "Cache-Control": "no-cache, private",
    "Transfer-Encoding": "chunked",
  });
  response.flushHeaders();
  let subscription: WatchSubscription | undefined;
  let finished = false;
  const timers: NodeJS.Timeout[] = [];
  let unregister: () => void = () => undefined;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    subscription?.stop();
    for (const timer of timers) clearTimeout(timer);
    unregister();
    response.end();
  };
  unregister = context.register(finish);
  const write = (event: WatchEvent): void => {
    if (!finished) response.write(encode(event));
  };
  const emit = type.webhookConversion ? convertingEmitter(type, write, () => finish()) : write;
  try {
    subscription = watch(
      context.store,
      type,
      {
        namespace: context.namespace,
        labelSelector: query.get("labelSelector"),
        fieldSelector: query.get("fieldSelector"),
        resourceVersion: query.get("resourceVersion"),
        sendInitialEvents: query.get("sendInitialEvents") === "true",
        allowWatchBookmarks: query.get("allowWatchBookmarks") === "true",
      },
      emit,
    );
  } catch (error) {
    if (error instanceof StatusError) {
      emit({ type: "ERROR", object: error.toStatus() });
      finish();
      return;
    }
    throw error;
  }
  const timeoutMs = Math.max(0, listIntegerOptions(query).timeoutSeconds ?? options.defaultTimeoutSeconds) * 1000;
  if (query.get("allowWatchBookmarks") === "true")
    scheduleBookmarks(
      subscription,
      timeoutMs,
      options.bookmarkIntervalMs,
      (revision) => emit({ type: "BOOKMARK", object: bookmarkObject(type, revision) }),
      timers,
    );
  const timeout = setTimeout(finish, timeoutMs);
  timeout.unref();
  timers.push(timeout);
  request.on("close", finish);
  response.on("error", finish);
}

/**
 * Events of a kind converted by a webhook go out in order, each once its object is converted;
 * every watcher has its own queue, so a slow webhook never holds up another watch. A failed
 * conversion ends the watch, as kube-apiserver's watch server stops at an event it cannot encode.
 */
function convertingEmitter(
  type: ResourceType,
  write: (event: WatchEvent) => void,
  stop: () => void,
): (event: WatchEvent) => void {
  let queue: Promise<void> = Promise.resolve();
  let failed = false;
  return (event) => {
    queue = queue.then(async () => {
      if (failed) return;
      if (event.type === "ERROR" || event.type === "BOOKMARK") return write(event);
      try {
        write({ ...event, object: await served(event.object, type) });
      } catch {
        failed = true;
        stop();
      }
    });
  };
}

/**
 * One protobuf watch frame as kube-apiserver writes it: the raw serializer's metav1.WatchEvent
 * (no envelope) whose object is the full serializer's bytes of the object (with its envelope),
 * behind the length-delimited framer's 4-byte big-endian length.
 */
function protobufWatchFrame(type: string, object: object): Buffer {
  const event = encodeCatalogMessage({ type, object: toProtobuf(object) }, "meta/v1.WatchEvent");
  const length = Buffer.alloc(4);
  length.writeUInt32BE(event.length);
  return Buffer.concat([length, event]);
}

/** Bookmark times: every `intervalMs`, and last 2 s before the end (kube-apiserver's cacheWatcher.nextBookmarkTime). */
function scheduleBookmarks(
  subscription: WatchSubscription,
  timeoutMs: number,
  intervalMs: number,
  send: (revision: number) => void,
  timers: NodeJS.Timeout[],
): void {
  const lastBookmarkAt = Date.now() + timeoutMs - 2000;
  const schedule = (): void => {
    const now = Date.now();
    const heartbeat = now + intervalMs;
    const final = heartbeat >= lastBookmarkAt;
    const timer = setTimeout(
      () => {
        const revision = subscription.lastRevision();
        if (revision > subscription.startRevision) send(revision);
        if (!final) schedule();
      },
      Math.max(0, (final ? lastBookmarkAt : heartbeat) - now),
    );
    timer.unref();
    timers.push(timer);
  };
  schedule();
}
