import type { KubernetesObject } from "../object.js";
import type { ObjectEvent, UpdateEvent } from "../handler/handler.js";
import { deepEqual } from "../client/patch.js";

/**
 * Predicates filter events before they reach the handler. A predicate is four optional hooks;
 * an unset hook lets its events through (controller-runtime's `predicate.Funcs`).
 */
export interface Predicate {
  create?(event: ObjectEvent): boolean;
  update?(event: UpdateEvent): boolean;
  delete?(event: ObjectEvent): boolean;
  generic?(event: ObjectEvent): boolean;
}

/** Which hook an event goes to. */
export type EventType = keyof Predicate;

/** Whether an event passes every predicate. */
export function passes(predicates: readonly Predicate[], type: "update", event: UpdateEvent): boolean;
export function passes(
  predicates: readonly Predicate[],
  type: Exclude<EventType, "update">,
  event: ObjectEvent,
): boolean;
export function passes(predicates: readonly Predicate[], type: EventType, event: ObjectEvent | UpdateEvent): boolean {
  return predicates.every((predicate) => evaluate(predicate, type, event));
}

function evaluate(predicate: Predicate, type: EventType, event: ObjectEvent | UpdateEvent): boolean {
  const hook = predicate[type] as ((event: ObjectEvent | UpdateEvent) => boolean) | undefined;
  return hook ? hook.call(predicate, event) : true;
}

/** A predicate that applies one filter to the object of every event (the new one on update). */
export function newPredicateFuncs(filter: (obj: KubernetesObject) => boolean): Predicate {
  return {
    create: (event) => filter(event.object),
    update: (event) => filter(event.objectNew),
    delete: (event) => filter(event.object),
    generic: (event) => filter(event.object),
  };
}

/** Lets updates through only when `metadata.resourceVersion` changed (drops resyncs). */
export const resourceVersionChangedPredicate: Predicate = {
  update: (event) => event.objectOld.metadata?.resourceVersion !== event.objectNew.metadata?.resourceVersion,
};

/**
 * Lets updates through only when `metadata.generation` changed, i.e. the spec changed: status and
 * metadata-only writes are dropped. Caveat: kinds without a generation (no status subresource)
 * never pass updates.
 */
export const generationChangedPredicate: Predicate = {
  update: (event) => event.objectOld.metadata?.generation !== event.objectNew.metadata?.generation,
};

/** Lets updates through only when the labels changed. */
export const labelChangedPredicate: Predicate = {
  update: (event) => !deepEqual(event.objectOld.metadata?.labels ?? {}, event.objectNew.metadata?.labels ?? {}),
};

/** Lets updates through only when the annotations changed. */
export const annotationChangedPredicate: Predicate = {
  update: (event) =>
    !deepEqual(event.objectOld.metadata?.annotations ?? {}, event.objectNew.metadata?.annotations ?? {}),
};

function combine(predicates: Predicate[], joinAll: boolean): Predicate {
  const hook =
    (type: EventType) =>
    (event: ObjectEvent & UpdateEvent): boolean =>
      joinAll
        ? predicates.every((predicate) => evaluate(predicate, type, event))
        : predicates.some((predicate) => evaluate(predicate, type, event));
  return { create: hook("create"), update: hook("update"), delete: hook("delete"), generic: hook("generic") };
}

/** Passes when every predicate passes. */
export function and(...predicates: Predicate[]): Predicate {
  return combine(predicates, true);
}

/** Passes when any predicate passes. */
export function or(...predicates: Predicate[]): Predicate {
  return combine(predicates, false);
}

/** Passes when the predicate does not. */
export function not(predicate: Predicate): Predicate {
  const hook =
    (type: EventType) =>
    (event: ObjectEvent & UpdateEvent): boolean =>
      !evaluate(predicate, type, event);
  return { create: hook("create"), update: hook("update"), delete: hook("delete"), generic: hook("generic") };
}
