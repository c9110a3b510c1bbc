import { formatTime, realClock, type Clock } from "../clock.js";
import { hostname } from "node:os";
import type { KubernetesObject } from "../object.js";
import { Event } from "../scheme/core_kinds.js";
import { getReference } from "../reference.js";
import { isNotFound } from "../client/errors.js";
import { mergePatch } from "../client/patch.js";
import type { Writer } from "../client/types.js";
import { discardLogger, type Logger } from "../log/logger.js";

/** `Normal` or `Warning`, as core/v1 Event.type. */
export type EventType = "Normal" | "Warning";

/** Records core/v1 Events about objects (client-go's `record.EventRecorder`). */
export interface EventRecorder {
  /**
   * Records an event. Fire and forget: failures are logged, never thrown, so a reconcile never
   * fails because an event could not be written.
   */
  event(object: KubernetesObject, type: EventType, reason: string, message: string): void;
  /** Like `event`, with a printf-less template literal friendly signature. */
  eventf(object: KubernetesObject, type: EventType, reason: string, format: string, ...args: unknown[]): void;
}

/** Options of {@link createEventRecorder}. */
export interface EventRecorderOptions {
  client: Pick<Writer, "create" | "patch">;
  /** `source.component` and `reportingComponent` of the events. */
  component: string;
  log: Logger;
  clock: Clock;
  /** Identical events within this window raise `count` on one Event instead of a new one. */
  aggregationWindowMs: number;
}

const DEFAULT_EVENT_RECORDER_OPTIONS = {
  log: discardLogger,
  clock: realClock,
  aggregationWindowMs: 10 * 60 * 1000,
} as const;

interface Aggregate {
  name: string;
  namespace: string;
  count: number;
  firstTimestamp: string;
  lastSeen: number;
}

function format(template: string, args: unknown[]): string {
  let index = 0;
  return template.replace(/%[sdvj%]/g, (token) =>
    token === "%%" ? "%" : index < args.length ? String(args[index++]) : token,
  );
}

/**
 * An event recorder that writes Events through the API (never the cache) and aggregates repeats:
 * the same type, reason and message about the same object within the window bump `count`.
 */
export function createEventRecorder(
  options: Partial<EventRecorderOptions> & Pick<EventRecorderOptions, "client" | "component">,
): EventRecorder {
  const settings = { ...DEFAULT_EVENT_RECORDER_OPTIONS, ...options };
  const aggregates = new Map<string, Aggregate>();
  const host = hostname();

  async function write(object: KubernetesObject, type: EventType, reason: string, message: string): Promise<void> {
    const namespace = object.metadata?.namespace || "default";
    const now = settings.clock.now();
    const timestamp = formatTime(now);
    const key = JSON.stringify([object.metadata?.uid ?? object.metadata?.name, type, reason, message]);
    for (const [candidate, aggregate] of aggregates) {
      if (now - aggregate.lastSeen > settings.aggregationWindowMs) aggregates.delete(candidate);
    }
    const previous = aggregates.get(key);
    if (previous) {
      previous.count++;
      previous.lastSeen = now;
      const target: Event = {
        apiVersion: "v1",
        kind: "Event",
        metadata: { name: previous.name, namespace },
        involvedObject: {},
      };
      try {
        await settings.client.patch(target, mergePatch({ count: previous.count, lastTimestamp: timestamp }));
        return;
      } catch (err) {
        if (!isNotFound(err)) throw err;
        aggregates.delete(key); // someone deleted it: write a fresh one
      }
    }
    const name = `${object.metadata?.name ?? "object"}.${(now * 1_000_000 + Math.floor(Math.random() * 1_000_000)).toString(16)}`;
    const event: Event = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name, namespace },
      involvedObject: getReference(object),
      reason,
      message,
      type,
      count: 1,
      firstTimestamp: timestamp,
      lastTimestamp: timestamp,
      source: { component: settings.component, host },
      reportingComponent: settings.component,
      reportingInstance: host,
    };
    await settings.client.create(event);
    aggregates.set(key, { name, namespace, count: 1, firstTimestamp: timestamp, lastSeen: now });
  }

  const event: EventRecorder["event"] = (object, type, reason, message) => {
    write(object, type, reason, message).catch((err: unknown) =>
      settings.log.error(err, "unable to write event", { reason, object: object.metadata?.name }),
    );
  };
  return {
    event,
    eventf: (object, type, reason, template, ...args) => event(object, type, reason, format(template, args)),
  };
}
