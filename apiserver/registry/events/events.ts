/** events.k8s.io/v1 Events: pkg/registry/core/event (one store with core/v1's), validated in their stored form. */
import { eventsV1Columns } from "../event_columns.js";
import type { ResourceStrategy } from "../resource_type.js";
import { eventFieldSelectors } from "../core/event_field_selectors.js";
import { validateEventCreate, validateEventUpdate } from "../core/event_validation.js";
import { eventToCore } from "./event_conversion.js";

export const eventsV1Strategy: ResourceStrategy = {
  validate: (object, old) =>
    old
      ? validateEventUpdate(eventToCore(object), eventToCore(old), true)
      : validateEventCreate(eventToCore(object), true),
  columns: eventsV1Columns,
  fieldSelectors: eventFieldSelectors,
};
