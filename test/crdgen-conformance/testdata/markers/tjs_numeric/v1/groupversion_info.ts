/**
 * Package v1 is the tjs_numeric fixture's API.
 * +groupName=tjs-numeric.markers.conformance.uselessctl.dev
 */
export const version = "v1";
