/**
 * Package v1 is the numeric_bounds fixture's API.
 * +groupName=numeric-bounds.markers.conformance.uselessctl.dev
 */
export const version = "v1";
