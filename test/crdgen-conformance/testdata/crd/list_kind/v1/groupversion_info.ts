/**
 * Package v1 is the list_kind fixture's API.
 * +groupName=list-kind.crd.conformance.uselessctl.dev
 */
export const version = "v1";
