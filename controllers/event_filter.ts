/**
 * The machine controller's event filter: which updates are worth a reconcile. Creates and
 * deletes always pass. An update passes when it changed what the rules read: the spec (the
 * generation moves), labels (membership), owner references (adoption, release) or the start of
 * a deletion. Status-only and annotation-only updates, which are the controller's own seen marks
 * and stamps, are dropped: the controller already planned its next look with `requeueAfter`.
 */
import type { MetaView } from "./objects.js";

/** An object as an event carries it: only metadata is read. */
interface EventObject {
  metadata?: MetaView;
}

/** An update event (the runtime's UpdateEvent, structurally). */
export interface ObjectUpdate {
  objectOld: EventObject;
  objectNew: EventObject;
}

/** Whether an update changed anything the machine controller decides on. */
export function updateMatters(event: ObjectUpdate): boolean {
  const before = event.objectOld.metadata ?? {};
  const after = event.objectNew.metadata ?? {};
  return (
    before.generation !== after.generation ||
    before.deletionTimestamp !== after.deletionTimestamp ||
    JSON.stringify(before.labels ?? {}) !== JSON.stringify(after.labels ?? {}) ||
    JSON.stringify(before.ownerReferences ?? []) !== JSON.stringify(after.ownerReferences ?? [])
  );
}

/** The filter as a runtime Predicate: only `update` is narrowed. */
export const machineEventFilter = { update: updateMatters };
