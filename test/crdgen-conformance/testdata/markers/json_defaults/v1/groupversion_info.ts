/**
 * Package v1 is the json_defaults fixture's API.
 * +groupName=json-defaults.markers.conformance.uselessctl.dev
 */
export const version = "v1";
