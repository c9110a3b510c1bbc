/**
 * Informers and the cache: one {@link Informer} per kind lists then watches the API server into an
 * indexed store; {@link InformerCache} shares them and serves reads (copies) from them. The manager
 * creates the cache; controllers reach informers through `kindSource`.
 */
export {
  InformerCache,
  DEFAULT_CACHE_OPTIONS,
  type Cache,
  type Informers,
  type InformerCacheOptions,
  type KindCacheOptions,
} from "./cache.js";
export {
  Informer,
  stripManagedFields,
  DEFAULT_INFORMER_OPTIONS,
  type InformerOptions,
  type ResourceEventHandler,
  type TransformFunc,
} from "./informer.js";
export { createListerWatcher, type ListerWatcher, type ListRequest, type WatchRequestOptions } from "./list_watcher.js";
export { IndexedStore, type IndexFunc, type StoreQuery } from "./store.js";
