/**
 * Predicates: event filters applied before handlers. Built-ins drop updates that did not change
 * what a controller cares about (generation, labels, annotations, resourceVersion); `and`, `or`,
 * `not` compose them; {@link newPredicateFuncs} filters by object.
 */
export {
  and,
  or,
  not,
  passes,
  newPredicateFuncs,
  generationChangedPredicate,
  labelChangedPredicate,
  annotationChangedPredicate,
  resourceVersionChangedPredicate,
  type Predicate,
  type EventType,
} from "./predicate.js";
