/**
 * Package v1 is the cel_field fixture's API.
 * +groupName=cel-field.markers.conformance.uselessctl.dev
 */
export const version = "v1";
