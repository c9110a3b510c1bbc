/**
 * Package v1 is the tjs_annotations fixture's API.
 * +groupName=tjs-annotations.markers.conformance.uselessctl.dev
 */
export const version = "v1";
