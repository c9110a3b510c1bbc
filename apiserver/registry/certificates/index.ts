/** The certificates.k8s.io/v1 kinds' strategies, by resource. */
import type { ResourceStrategy } from "../resource_type.js";
import { certificateSigningRequestStrategy } from "./certificatesigningrequests.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = {
  certificatesigningrequests: certificateSigningRequestStrategy,
};
