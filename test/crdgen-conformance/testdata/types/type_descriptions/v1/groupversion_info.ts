/**
 * Package v1 is the type_descriptions fixture's API.
 * +groupName=type-descriptions.types.conformance.uselessctl.dev
 */
export const version = "v1";
