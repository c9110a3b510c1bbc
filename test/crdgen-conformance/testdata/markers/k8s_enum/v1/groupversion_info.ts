/**
 * Package v1 is the k8s_enum fixture's API.
 * +groupName=k8s-enum.markers.conformance.uselessctl.dev
 */
export const version = "v1";
