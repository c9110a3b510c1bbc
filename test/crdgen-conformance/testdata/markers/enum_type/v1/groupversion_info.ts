/**
 * Package v1 is the enum_type fixture's API.
 * +groupName=enum-type.markers.conformance.uselessctl.dev
 */
export const version = "v1";
