/**
 * Package v1 is the k8s_optional_required fixture's API.
 * +groupName=k8s-optional-required.markers.conformance.uselessctl.dev
 */
export const version = "v1";
