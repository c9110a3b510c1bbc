import type { KubernetesObject } from "../object.js";
import type { KindDescriptor } from "../scheme/group_version.js";
import type { Informers } from "../cache/cache.js";
import type { EventHandler, RequestQueue } from "../handler/handler.js";
import { passes, type Predicate } from "../predicate/predicate.js";

/**
 * Sources feed a controller's queue (controller-runtime's `source` package): {@link kindSource}
 * from a shared informer, {@link channelSource} from code (generic events).
 */
export interface Source {
  /** Starts delivering events to the queue. Called once, by the controller. */
  start(queue: RequestQueue, signal: AbortSignal): void;
  /** Resolves true once the source has delivered its initial state, false if aborted first. */
  waitForSync(signal: AbortSignal): Promise<boolean>;
  /** For logs and errors: `kind source: Switch`. */
  toString(): string;
}

/** Events of a kind from the cache's shared informer, filtered by predicates, mapped by a handler. */
export function kindSource<T extends KubernetesObject>(
  cache: Informers,
  kind: KindDescriptor<T>,
  handler: EventHandler,
  ...predicates: Predicate[]
): Source {
  let started = false;
  return {
    start(queue, signal) {
      if (started) throw new Error(`kind source ${kind.kind} was started twice; create one source per watch`);
      started = true;
      const informer = cache.getInformer(kind);
      informer.addEventHandler({
        onAdd: (object) => {
          if (!signal.aborted && passes(predicates, "create", { object })) handler.create?.({ object }, queue);
        },
        onUpdate: (objectOld, objectNew) => {
          const event = { objectOld, objectNew };
          if (!signal.aborted && passes(predicates, "update", event)) handler.update?.(event, queue);
        },
        onDelete: (object) => {
          if (!signal.aborted && passes(predicates, "delete", { object })) handler.delete?.({ object }, queue);
        },
      });
    },
    waitForSync: (signal) => cache.getInformer(kind).waitForSync(signal),
    toString: () => `kind source: ${kind.kind}.${kind.group || "core"}`,
  };
}

/** A source fed by code, plus the function that feeds it. */
export interface ChannelSource {
  source: Source;
  /** Delivers a generic event for the object. Events sent before the controller starts are kept. */
  emit(object: KubernetesObject): void;
}

/** Generic events from code (controller-runtime's `source.Channel`), e.g. from an external system. */
export function channelSource(handler: EventHandler, ...predicates: Predicate[]): ChannelSource {
  let target: RequestQueue | undefined;
  const backlog: KubernetesObject[] = [];
  const deliver = (object: KubernetesObject, queue: RequestQueue): void => {
    if (passes(predicates, "generic", { object })) handler.generic?.({ object }, queue);
  };
  return {
    source: {
      start(queue) {
        target = queue;
        for (const object of backlog.splice(0)) deliver(object, queue);
      },
      waitForSync: () => Promise.resolve(true),
      toString: () => "channel source",
    },
    emit(object) {
      if (target) deliver(object, target);
      else backlog.push(object);
    },
  };
}
