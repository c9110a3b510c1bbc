/**
 * Package v1 is the collections fixture's API.
 * +groupName=collections.types.conformance.uselessctl.dev
 */
export const version = "v1";
