/** The node.k8s.io/v1 kinds' strategies, by resource. */
import type { ResourceStrategy } from "../resource_type.js";
import { runtimeClassStrategy } from "./runtimeclasses.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = {
  runtimeclasses: runtimeClassStrategy,
};
