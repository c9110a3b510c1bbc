/**
 * Package v1 is the preserve_unknown fixture's API.
 * +groupName=preserve-unknown.markers.conformance.uselessctl.dev
 */
export const version = "v1";
