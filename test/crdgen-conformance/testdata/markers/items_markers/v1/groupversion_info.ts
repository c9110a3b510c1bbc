/**
 * Package v1 is the items_markers fixture's API.
 * +groupName=items-markers.markers.conformance.uselessctl.dev
 */
export const version = "v1";
