/** The scheduling.k8s.io/v1 kinds' strategies, by resource. */
import type { ResourceStrategy } from "../resource_type.js";
import { priorityClassStrategy } from "./priorityclasses.js";

export { systemPriorityClasses, systemPriorityClassObject } from "./priorityclasses.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = {
  priorityclasses: priorityClassStrategy,
};
