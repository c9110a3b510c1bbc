/** The policy/v1 kinds' strategies, by resource. */
import type { ResourceStrategy } from "../resource_type.js";
import { podDisruptionBudgetStrategy } from "./poddisruptionbudgets.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = {
  poddisruptionbudgets: podDisruptionBudgetStrategy,
};
