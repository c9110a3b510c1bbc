/**
 * Package v1 is the status_only fixture's API.
 * +groupName=status-only.types.conformance.uselessctl.dev
 */
export const version = "v1";
