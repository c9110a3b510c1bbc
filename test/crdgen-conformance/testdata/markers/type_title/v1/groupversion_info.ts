/**
 * Package v1 is the type_title fixture's API.
 * +groupName=type-title.markers.conformance.uselessctl.dev
 */
export const version = "v1";
