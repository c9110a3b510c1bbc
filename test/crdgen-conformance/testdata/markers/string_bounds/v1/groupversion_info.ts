/**
 * Package v1 is the string_bounds fixture's API.
 * +groupName=string-bounds.markers.conformance.uselessctl.dev
 */
export const version = "v1";
