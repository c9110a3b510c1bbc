/** The networking.k8s.io/v1 kinds' strategies, by resource. */
import type { ResourceStrategy } from "../resource_type.js";
import { ingressClassStrategy } from "./ingressclasses.js";
import { ingressStrategy } from "./ingresses.js";
import { ipAddressStrategy } from "./ipaddresses.js";
import { networkPolicyStrategy } from "./networkpolicies.js";
import { serviceCIDRStrategy } from "./servicecidrs.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = {
  ingressclasses: ingressClassStrategy,
  ingresses: ingressStrategy,
  ipaddresses: ipAddressStrategy,
  networkpolicies: networkPolicyStrategy,
  servicecidrs: serviceCIDRStrategy,
};
