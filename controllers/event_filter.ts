/**
 * The machine controller's event filter: which updates are worth a reconcile. Creates and
 * deletes always pass. An update passes when it changed what the rules read: the spec (the
 * generation moves), labels (membership), owner references (adoption, release) or the start of
 * a deletion. Status-only and annotation-only updates, which are the controller's own seen marks
 * and stamps, are dropped: the controller already planned its next look with `requeueAfter`.
 */
import { generationChangedPredicate, labelChangedPredicate, or, type Predicate } from "uselessctl";

/** Lets updates through when the owner references changed (adoption, release). */
const ownerReferencesChanged: Predicate = {
  update: ({ objectOld, objectNew }) =>
    JSON.stringify(objectOld.metadata?.ownerReferences ?? []) !==
    JSON.stringify(objectNew.metadata?.ownerReferences ?? []),
};

/** Lets updates through when a deletion started. */
const deletionStarted: Predicate = {
  update: ({ objectOld, objectNew }) => objectOld.metadata?.deletionTimestamp !== objectNew.metadata?.deletionTimestamp,
};

/** The filter of the machine controller's watches. */
export const machineEventFilter: Predicate = or(
  generationChangedPredicate,
  labelChangedPredicate,
  ownerReferencesChanged,
  deletionStarted,
);
