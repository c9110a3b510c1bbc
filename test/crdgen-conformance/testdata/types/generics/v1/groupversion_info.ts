/**
 * Package v1 is the generics fixture's API.
 * +groupName=generics.types.conformance.uselessctl.dev
 */
export const version = "v1";
