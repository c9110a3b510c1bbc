/** The one marker registry: every family's definitions and the JSDoc aliases. */
import { crdDefinitions } from "./definitions/crd.js";
import { declarativeDefinitions } from "./definitions/declarative.js";
import { jsDocAliases } from "./definitions/jsdoc_aliases.js";
import { rbacDefinitions } from "./definitions/rbac.js";
import { topologyDefinitions } from "./definitions/topology.js";
import { validationDefinitions } from "./definitions/validation.js";
import { webhookDefinitions } from "./definitions/webhook.js";
import { MarkerRegistry } from "./registry.js";

/** The registry every stage uses. */
export const markerRegistry = new MarkerRegistry(
  [
    ...validationDefinitions,
    ...declarativeDefinitions,
    ...topologyDefinitions,
    ...crdDefinitions,
    ...rbacDefinitions,
    ...webhookDefinitions,
  ],
  jsDocAliases,
);
