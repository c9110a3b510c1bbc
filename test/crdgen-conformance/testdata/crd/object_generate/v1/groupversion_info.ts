/**
 * Package v1 is the object_generate fixture's API.
 * +kubebuilder:object:generate=true
 * +groupName=object-generate.crd.conformance.uselessctl.dev
 */
export const version = "v1";
