/**
 * Package v1 is the kind_by_embedded_meta fixture's API.
 * +groupName=kind-by-embedded-meta.crd.conformance.uselessctl.dev
 */
export const version = "v1";
