/**
 * `status.conditions` helpers with apimachinery's semantics: {@link setStatusCondition} (returns
 * whether anything changed), {@link findStatusCondition}, {@link isStatusConditionTrue}, ...
 */
export {
  setStatusCondition,
  removeStatusCondition,
  findStatusCondition,
  isStatusConditionTrue,
  isStatusConditionFalse,
  isStatusConditionPresentAndEqual,
  type Condition,
  type ConditionInput,
  type SetConditionOptions,
} from "./conditions.js";
