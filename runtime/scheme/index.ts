/**
 * Kinds and the scheme: {@link defineGroupVersion} declares a group version and its kinds once
 * (the scaffolded `groupversion_info.ts`); the resulting {@link KindDescriptor}s stand in for Go's
 * types in every call. Built-in kinds the runtime uses are declared in `core_kinds.ts`.
 */
export {
  defineGroupVersion,
  defaultScheme,
  Scheme,
  resourceName,
  type GroupVersion,
  type GroupVersionOptions,
  type KindDescriptor,
  type KindOptions,
} from "./group_version.js";
export {
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
  type ObjectReference,
} from "./core_kinds.js";
