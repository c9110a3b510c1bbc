/** The core/v1 kinds' strategies, by resource. */
import type { ResourceStrategy } from "../resource_type.js";
import { configMapStrategy } from "./configmaps.js";
import { coreEventStrategy } from "./events.js";
import { namespaceStrategy } from "./namespaces.js";
import { secretStrategy } from "./secrets.js";
import { serviceAccountStrategy } from "./serviceaccounts.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = {
  configmaps: configMapStrategy,
  events: coreEventStrategy,
  namespaces: namespaceStrategy,
  secrets: secretStrategy,
  serviceaccounts: serviceAccountStrategy,
};
