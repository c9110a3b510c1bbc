/**
 * Event handlers: what to enqueue for a watch event. {@link enqueueRequestForObject} (the object
 * itself), {@link enqueueRequestForOwner} (its owner), {@link enqueueRequestsFromMapFunc} (any
 * mapping). A handler is four optional hooks, so writing one by hand is a literal.
 */
export {
  enqueueRequestForObject,
  enqueueRequestForOwner,
  enqueueRequestsFromMapFunc,
  funcs,
  type EventHandler,
  type ObjectEvent,
  type UpdateEvent,
  type RequestQueue,
  type MapFunc,
  type OwnerHandlerOptions,
} from "./handler.js";
