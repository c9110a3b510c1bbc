/**
 * Package v1 is the meta_types fixture's API.
 * +groupName=meta-types.types.conformance.uselessctl.dev
 */
export const version = "v1";
