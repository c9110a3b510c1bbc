/** The events.k8s.io kinds' strategies, by resource. */
import type { ResourceStrategy } from "../resource_type.js";
import { eventsV1Strategy } from "./events.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = { events: eventsV1Strategy };
