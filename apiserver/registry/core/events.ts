/** core/v1 Events: pkg/registry/core/event/strategy.go. */
import { coreEventColumns } from "../event_columns.js";
import type { ResourceStrategy } from "../resource_type.js";
import { eventFieldSelectors } from "./event_field_selectors.js";

export const coreEventStrategy: ResourceStrategy = { columns: coreEventColumns, fieldSelectors: eventFieldSelectors };
