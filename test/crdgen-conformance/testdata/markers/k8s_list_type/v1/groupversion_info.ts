/**
 * Package v1 is the k8s_list_type fixture's API.
 * +groupName=k8s-list-type.markers.conformance.uselessctl.dev
 */
export const version = "v1";
