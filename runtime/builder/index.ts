/**
 * The controller builder: `controllerManagedBy(mgr).for(Kind).owns(Other).watches(Kind, handler)
 * .withEventFilter(p).named("x").withOptions({...}).complete(reconciler)`. It is sugar over
 * `kindSource`, the handlers and predicates; `complete()` reports misuse as a `BuilderError`.
 */
export {
  controllerManagedBy,
  ControllerBuilder,
  BuilderError,
  type WatchOptions,
  type OwnsOptions,
  type BuilderControllerOptions,
  type ManagedController,
} from "./builder.js";
export {
  webhookManagedBy,
  WebhookBuilder,
  mutatePath,
  validatePath,
  CONVERT_PATH,
  type WebhookBuilderStart,
} from "./webhook.js";
