/** The coordination.k8s.io kinds' strategies, by resource. */
import type { ResourceStrategy } from "../resource_type.js";
import { leaseStrategy } from "./leases.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = { leases: leaseStrategy };
