/**
 * Package v1 is the default_ref fixture's API.
 * +groupName=default-ref.markers.conformance.uselessctl.dev
 */
export const version = "v1";
