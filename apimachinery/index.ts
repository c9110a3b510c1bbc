/**
 * The shared leaf of the toolkit, after k8s.io/apimachinery: what both the controller runtime
 * (`runtime/`) and the local API server (`apiserver/`) need to agree on, so that each side does
 * not declare it again.
 *
 * - API types: the scalars TypeScript lacks (`int32`, `Quantity`, `Time`...) and the metav1
 *   building blocks (`ObjectMeta`, `OwnerReference`, `Condition`, `LabelSelector`...), each with
 *   the controller-gen markers that give it its Go counterpart's schema (crdgen reads them from
 *   here when a project imports them from "uselessctl"), and the `Status` failures are told in.
 * - Label selectors: one parser with labels.Parse's grammar and wording, one matcher, and the
 *   meta/v1 `LabelSelector` conversion (label_selector.ts), on the name checks of
 *   util/validation (name_validation.ts).
 * - resource.Quantity: parsing with its error wording, comparison, and the canonical form the
 *   API server stores (quantity.ts).
 * - The kubeconfig for an API server endpoint, rendered as YAML.
 *
 * Not here: anything that does I/O (reading or writing files, HTTP) or knows about either side.
 * `runtime/` and `apiserver/` never import each other; both may import this folder, and it
 * imports neither (test/boundaries.test.ts checks both).
 */
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
} from "./scalars.js";
export type {
  TypeMeta,
  ObjectMeta,
  ListMeta,
  OwnerReference,
  ManagedFieldsEntry,
  Condition,
  ConditionStatus,
  LabelSelector,
  LabelSelectorRequirement,
} from "./meta.js";
export type { Status, StatusDetails, StatusCause } from "./status.js";
export {
  newSelector,
  parseSelector,
  selectorFromSet,
  selectorFromLabelSelector,
  LabelSelectorError,
  type Selector,
  type Requirement,
  type Operator,
} from "./label_selector.js";
export {
  dns1123LabelErrors,
  dns1035LabelErrors,
  dns1123SubdomainErrors,
  qualifiedNameErrors,
  labelValueErrors,
} from "./name_validation.js";
export {
  renderKubeconfig,
  DEFAULT_KUBECONFIG_NAMES,
  type ApiServerEndpoint,
  type KubeconfigNames,
} from "./kubeconfig.js";
export { parseGoInt64 } from "./go_strconv.js";
export { applyMergePatch } from "./merge_patch.js";
export {
  parseQuantity,
  formatQuantity,
  canonicalQuantity,
  compareQuantities,
  roundUpToMilli,
  isWholeQuantity,
  quantityErrors,
  QuantityParseError,
  type Quantity as ParsedQuantity,
  type QuantityFormat,
} from "./quantity.js";
