/**
 * Helpers reconcilers use on objects: owner references ({@link setControllerReference},
 * {@link setOwnerReference}), finalizers ({@link addFinalizer}, {@link removeFinalizer},
 * {@link containsFinalizer}) and idempotent writes ({@link createOrUpdate},
 * {@link createOrPatch}). They change objects in memory; only the create/patch helpers write.
 */
export {
  AlreadyOwnedError,
  setControllerReference,
  setOwnerReference,
  removeOwnerReference,
  getControllerOf,
  hasControllerReference,
  type OwnerOptions,
} from "./owner.js";
export { addFinalizer, removeFinalizer, containsFinalizer } from "./finalizers.js";
export {
  createOrUpdate,
  createOrPatch,
  type OperationResult,
  type MutateFn,
  type CreateOrUpdateOptions,
} from "./create_or_update.js";
