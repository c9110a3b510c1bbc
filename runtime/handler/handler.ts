import type { KubernetesObject } from "../object.js";
import type { KindDescriptor } from "../scheme/group_version.js";
import type { Request } from "../reconcile/reconcile.js";

/**
 * Event handlers turn watch events into requests for the controller's queue
 * (controller-runtime's `handler` package).
 */

/** A create, delete or generic event. */
export interface ObjectEvent {
  object: KubernetesObject;
}

/** An update event. */
export interface UpdateEvent {
  objectOld: KubernetesObject;
  objectNew: KubernetesObject;
}

/** The part of the queue a handler may use. */
export interface RequestQueue {
  add(req: Request): void;
  addAfter(req: Request, delayMs: number): void;
}

/** Maps events to requests; unset hooks ignore the event. Objects are frozen: read, never write. */
export interface EventHandler {
  create?(event: ObjectEvent, queue: RequestQueue): void;
  update?(event: UpdateEvent, queue: RequestQueue): void;
  delete?(event: ObjectEvent, queue: RequestQueue): void;
  generic?(event: ObjectEvent, queue: RequestQueue): void;
}

function requestFor(obj: KubernetesObject): Request | undefined {
  const name = obj.metadata?.name;
  return name ? { namespace: obj.metadata?.namespace ?? "", name } : undefined;
}

/** Enqueues the object the event is about (what `for(Kind)` uses). */
export function enqueueRequestForObject(): EventHandler {
  const enqueue = (obj: KubernetesObject, queue: RequestQueue): void => {
    const req = requestFor(obj);
    if (req) queue.add(req);
  };
  return {
    create: (event, queue) => enqueue(event.object, queue),
    update: (event, queue) => enqueue(event.objectNew, queue),
    delete: (event, queue) => enqueue(event.object, queue),
    generic: (event, queue) => enqueue(event.object, queue),
  };
}

/** Options of {@link enqueueRequestForOwner}. */
export interface OwnerHandlerOptions {
  /** Only the owner reference marked `controller: true` (what `owns()` uses). */
  onlyControllerOwner?: boolean;
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

/**
 * Enqueues the owners of kind `owner` named in the object's ownerReferences (on update, of both
 * the old and the new object, so a change of owner reaches both). Owners match by group and kind,
 * whatever their version.
 */
export function enqueueRequestForOwner(owner: KindDescriptor, options: OwnerHandlerOptions = {}): EventHandler {
  const ownersOf = (obj: KubernetesObject): Request[] =>
    (obj.metadata?.ownerReferences ?? [])
      .filter((ref) => ref.kind === owner.kind && groupOf(ref.apiVersion) === owner.group)
      .filter((ref) => !options.onlyControllerOwner || ref.controller === true)
      .map((ref) => ({ namespace: owner.namespaced ? (obj.metadata?.namespace ?? "") : "", name: ref.name }));
  const enqueue = (objects: KubernetesObject[], queue: RequestQueue): void => {
    for (const obj of objects) for (const req of ownersOf(obj)) queue.add(req);
  };
  return {
    create: (event, queue) => enqueue([event.object], queue),
    update: (event, queue) => enqueue([event.objectOld, event.objectNew], queue),
    delete: (event, queue) => enqueue([event.object], queue),
    generic: (event, queue) => enqueue([event.object], queue),
  };
}

/** Maps an object to the requests it concerns (e.g. a switch to its machine by label). */
export type MapFunc = (obj: KubernetesObject) => Request[];

/**
 * Enqueues whatever `map` returns for the object (on update, for the old and the new object, so
 * a relabelled object reaches its old and its new target). Duplicates are harmless: the queue
 * de-duplicates.
 */
export function enqueueRequestsFromMapFunc<T extends KubernetesObject = KubernetesObject>(
  map: (obj: T) => Request[],
): EventHandler {
  const enqueue = (objects: KubernetesObject[], queue: RequestQueue): void => {
    for (const obj of objects) for (const req of map(obj as T)) queue.add(req);
  };
  return {
    create: (event, queue) => enqueue([event.object], queue),
    update: (event, queue) => enqueue([event.objectOld, event.objectNew], queue),
    delete: (event, queue) => enqueue([event.object], queue),
    generic: (event, queue) => enqueue([event.object], queue),
  };
}

/** An event handler built from functions; unset hooks ignore the event. */
export function funcs(handler: EventHandler): EventHandler {
  return handler;
}
