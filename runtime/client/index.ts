/**
 * The typed client: {@link createClient} talks straight to the API server over a
 * {@link Transport} built from a client-node `KubeConfig`; `Reader`/`Writer`/`StatusWriter` are
 * the narrow interfaces consumers ask for; errors are {@link ApiError}s told apart with
 * `isNotFound`, `isConflict`, ...; patches are values (`mergeFrom`, `mergePatch`, `jsonPatch`,
 * `applyPatch`). The manager's cache-backed client is in `runtime/manager/`. {@link FakeClient}
 * is an in-memory client for unit tests; {@link interceptClient} wraps any client to fail or alter
 * chosen calls.
 */
export { createClient, type ClientOptions, type WriteObserver } from "./client.js";
export { loadDefaultKubeConfig, type KubeConfigSource } from "./kubeconfig.js";
export {
  createKubeConfigTransport,
  DEFAULT_TRANSPORT_OPTIONS,
  type Transport,
  type TransportRequest,
  type WatchRequest,
  type RawWatchEvent,
  type KubeConfigTransportOptions,
} from "./transport.js";
export { ApiError, isNotFound, isConflict, isAlreadyExists, isInvalid, isGone, isForbidden } from "./errors.js";
export {
  mergePatch,
  jsonPatch,
  strategicMergePatch,
  applyPatch,
  mergeFrom,
  createMergePatch,
  type Patch,
  type PatchType,
  type JsonPatchOperation,
  type MergeFromOptions,
} from "./patch.js";
export { FakeClient, type FakeClientOptions } from "./fake.js";
export { interceptClient, type InterceptorFuncs } from "./interceptor.js";
export type {
  Client,
  Reader,
  Writer,
  StatusWriter,
  SubResourceClient,
  SubResourceUpdateOptions,
  SubResourcePatchOptions,
  ObjectKey,
  ListOptions,
  WriteOptions,
  PatchOptions,
  DeleteOptions,
  FieldIndexer,
} from "./types.js";
