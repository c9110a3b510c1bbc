/**
 * Package v1 is the conditions fixture's API.
 * +groupName=conditions.types.conformance.uselessctl.dev
 */
export const version = "v1";
