/**
 * `uselessctl`: the controller runtime, controller-runtime for TypeScript.
 *
 * Entry point: `createManager()` gives a manager with a shared cache and client;
 * `controllerManagedBy(mgr).for(Kind).owns(Other).complete(reconciler)` adds a controller; `await
 * mgr.start(setupSignalHandler())` runs it. Kinds are declared once with
 * `defineGroupVersion({ group, version }).kind<T>({ kind, plural })`, and the descriptor stands in
 * for the type in every call (`client.get(Machine, { namespace, name })`).
 *
 * How the parts fit: informers (cache/) list+watch each kind once and feed sources (source/),
 * which pass events through predicates (predicate/) to handlers (handler/), which enqueue
 * `namespace/name` keys on a controller's rate-limited work queue (workqueue/); workers call the
 * reconciler and one switch turns its outcome into a queue operation. Reads come from the cache,
 * writes go to the API server (client/), with read-your-writes.
 *
 * Webhooks: `webhookManagedBy(mgr).for(Kind).withDefaulter(d).withValidator(v).complete()` serves
 * admission webhooks on the manager's HTTPS webhook server; `.withConversion(spokes)` CRD conversion.
 *
 * Not here: the API server and `startTestEnv` (`uselessctl/testenv`), the CRD generator
 * (`uselessctl/crdgen`). Nothing under `internal/` is public.
 */

// API types (crdgen's Go type aliases): the scalars and metav1 types that `api/<version>/*_types.ts` use.
export type {
  int32,
  int64,
  float64,
  Quantity,
  Bytes,
  IntOrString,
  Time,
  MicroTime,
  Duration,
  RawExtension,
  JSON,
} from "../apimachinery/index.js";
export type {
  TypeMeta,
  ObjectMeta,
  ListMeta,
  OwnerReference,
  ManagedFieldsEntry,
  ConditionStatus,
} from "../apimachinery/index.js";

// Kinds and objects
export {
  defineGroupVersion,
  defaultScheme,
  Scheme,
  resourceName,
  Namespace,
  ConfigMap,
  Secret,
  ServiceAccount,
  Pod,
  Service,
  Event,
  Lease,
  Deployment,
  CustomResourceDefinition,
  type GroupVersion,
  type GroupVersionOptions,
  type KindDescriptor,
  type KindOptions,
  type ObjectReference,
} from "./scheme/index.js";
export { objectKey, keyOf, type KubernetesObject, type ObjectList } from "./object.js";
export { getReference } from "./reference.js";

// Reconcile
export {
  TerminalError,
  isTerminalError,
  type Request,
  type Result,
  type ReconcileContext,
  type ReconcileFunc,
  type ReconcileResult,
  type Reconciler,
  type ReconcilerLike,
} from "./reconcile/index.js";

// Manager and builder
export {
  createManager,
  setupSignalHandler,
  DEFAULT_MANAGER_OPTIONS,
  type Manager,
  type ManagerOptions,
  type Runnable,
} from "./manager/index.js";
export {
  controllerManagedBy,
  ControllerBuilder,
  BuilderError,
  type WatchOptions,
  type OwnsOptions,
  type BuilderControllerOptions,
  type ManagedController,
  webhookManagedBy,
  WebhookBuilder,
  mutatePath,
  validatePath,
  type WebhookBuilderStart,
} from "./builder/index.js";

// Webhooks: the server, admission (defaulting, validation) and conversion
export {
  WebhookServer,
  DEFAULT_WEBHOOK_SERVER_OPTIONS,
  StatusError,
  invalid,
  forbidden,
  fieldError,
  conversionFor,
  ConversionRegistry,
  ConversionSetupError,
  createJsonPatch,
  admissionHttpHandler,
  conversionHttpHandler,
  defaultingHandler,
  validatingHandler,
  allowed,
  denied,
  errored,
  type WebhookServerOptions,
  type AdmissionContext,
  type AdmissionHandler,
  type WebhookHttpHandler,
  type CustomDefaulter,
  type CustomValidator,
  type Warnings,
  type Answer,
  type AdmissionOperation,
  type AdmissionRequest,
  type AdmissionResponse,
  type AdmissionReview,
  type FieldError,
  type Spoke,
  type HubConversion,
  type ConversionReview,
} from "./webhook/index.js";

// Client
export {
  createClient,
  createKubeConfigTransport,
  loadDefaultKubeConfig,
  type KubeConfigSource,
  FakeClient,
  interceptClient,
  ApiError,
  isNotFound,
  isConflict,
  isAlreadyExists,
  isInvalid,
  isGone,
  isForbidden,
  mergePatch,
  jsonPatch,
  strategicMergePatch,
  applyPatch,
  mergeFrom,
  type Client,
  type Reader,
  type Writer,
  type StatusWriter,
  type SubResourceClient,
  type SubResourceUpdateOptions,
  type SubResourcePatchOptions,
  type ObjectKey,
  type ListOptions,
  type WriteOptions,
  type PatchOptions,
  type DeleteOptions,
  type Patch,
  type PatchType,
  type JsonPatchOperation,
  type Transport,
  type FakeClientOptions,
  type FieldIndexer,
  type InterceptorFuncs,
} from "./client/index.js";
export {
  type Status,
  type StatusDetails,
  type StatusCause,
  type LabelSelector,
  type LabelSelectorRequirement,
  type Selector,
  LabelSelectorError,
  parseSelector,
  selectorFromSet,
  selectorFromLabelSelector,
} from "../apimachinery/index.js";

// Cache
export {
  InformerCache,
  Informer,
  stripManagedFields,
  type Cache,
  type Informers,
  type KindCacheOptions,
  type ResourceEventHandler,
  type TransformFunc,
} from "./cache/index.js";

// Watches: sources, handlers, predicates
export { kindSource, channelSource, type Source, type ChannelSource } from "./source/index.js";
export {
  enqueueRequestForObject,
  enqueueRequestForOwner,
  enqueueRequestsFromMapFunc,
  type EventHandler,
  type ObjectEvent,
  type UpdateEvent,
  type RequestQueue,
  type MapFunc,
} from "./handler/index.js";
export {
  and,
  or,
  not,
  newPredicateFuncs,
  generationChangedPredicate,
  labelChangedPredicate,
  annotationChangedPredicate,
  resourceVersionChangedPredicate,
  type Predicate,
} from "./predicate/index.js";

// Helpers
export {
  AlreadyOwnedError,
  setControllerReference,
  setOwnerReference,
  removeOwnerReference,
  getControllerOf,
  hasControllerReference,
  addFinalizer,
  removeFinalizer,
  containsFinalizer,
  createOrUpdate,
  createOrPatch,
  type OperationResult,
  type MutateFn,
} from "./controllerutil/index.js";
export {
  setStatusCondition,
  removeStatusCondition,
  findStatusCondition,
  isStatusConditionTrue,
  isStatusConditionFalse,
  isStatusConditionPresentAndEqual,
  type Condition,
  type ConditionInput,
} from "./conditions/index.js";
export { createEventRecorder, type EventRecorder, type EventType } from "./record/index.js";

// Operations: logs, metrics, health, leader election, queues, time
export {
  createLogger,
  discardLogger,
  type Logger,
  type LoggerOptions,
  type LogFields,
  type LogLevel,
} from "./log/index.js";
export { RuntimeMetrics } from "./metrics/index.js";
export { ping, type Checker } from "./healthz/index.js";
export { LeaderElector, LeaderElectionLostError, type LeaderElectionOptions } from "./leaderelection/index.js";
export {
  WorkQueue,
  RateLimitingQueue,
  ItemExponentialFailureRateLimiter,
  BucketRateLimiter,
  MaxOfRateLimiter,
  defaultControllerRateLimiter,
  type RateLimiter,
} from "./workqueue/index.js";
export { realClock, FakeClock, type Clock } from "./clock.js";
