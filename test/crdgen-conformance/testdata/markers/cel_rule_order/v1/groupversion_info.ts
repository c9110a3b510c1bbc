/**
 * Package v1 is the cel_rule_order fixture's API.
 * +groupName=cel-rule-order.markers.conformance.uselessctl.dev
 */
export const version = "v1";
