/** Label and field selectors, parsed once and used both for cache matching and API queries. */
export {
  parseSelector,
  parseFieldSelector,
  selectorFromSet,
  selectorFromLabelSelector,
  type Selector,
  type LabelSelector,
  type LabelSelectorRequirement,
  type FieldRequirement,
} from "./selector.js";
