/**
 * Package v1 is the k8s_immutable fixture's API.
 * +groupName=k8s-immutable.markers.conformance.uselessctl.dev
 */
export const version = "v1";
