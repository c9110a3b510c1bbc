/** core/v1 Events: pkg/registry/core/event/strategy.go. */
import { coreEventColumns } from "../event_columns.js";
import type { ResourceStrategy } from "../resource_type.js";
import { eventFieldSelectors } from "./event_field_selectors.js";
import { validateEventCreate, validateEventUpdate } from "./event_validation.js";

export const coreEventStrategy: ResourceStrategy = {
  validate: (object, old) => (old ? validateEventUpdate(object, old, false) : validateEventCreate(object, false)),
  columns: coreEventColumns,
  fieldSelectors: eventFieldSelectors,
};
