/**
 * Package v1 is the cel_type fixture's API.
 * +groupName=cel-type.markers.conformance.uselessctl.dev
 */
export const version = "v1";
