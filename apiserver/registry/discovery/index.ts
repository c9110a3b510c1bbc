/** The discovery.k8s.io/v1 kinds' strategies, by resource. */
import type { ResourceStrategy } from "../resource_type.js";
import { endpointSliceStrategy } from "./endpointslices.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = {
  endpointslices: endpointSliceStrategy,
};
