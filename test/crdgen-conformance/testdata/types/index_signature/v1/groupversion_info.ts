/**
 * Package v1 is the index_signature fixture's API.
 * +groupName=index-signature.types.conformance.uselessctl.dev
 */
export const version = "v1";
