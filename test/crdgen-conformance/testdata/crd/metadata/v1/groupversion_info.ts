/**
 * Package v1 is the metadata fixture's API.
 * +groupName=metadata.crd.conformance.uselessctl.dev
 */
export const version = "v1";
