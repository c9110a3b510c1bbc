/**
 * Package v1 is the nullable fixture's API.
 * +groupName=nullable.markers.conformance.uselessctl.dev
 */
export const version = "v1";
