/** events.k8s.io/v1 Events: pkg/registry/core/event (one store with core/v1's) and their conversion. */
import { eventsV1Columns } from "../event_columns.js";
import type { ResourceStrategy } from "../resource_type.js";
import { eventFieldSelectors } from "../core/event_field_selectors.js";

export const eventsV1Strategy: ResourceStrategy = { columns: eventsV1Columns, fieldSelectors: eventFieldSelectors };
