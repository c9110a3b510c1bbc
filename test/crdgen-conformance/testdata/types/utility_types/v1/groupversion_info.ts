/**
 * Package v1 is the utility_types fixture's API.
 * +groupName=utility-types.types.conformance.uselessctl.dev
 */
export const version = "v1";
