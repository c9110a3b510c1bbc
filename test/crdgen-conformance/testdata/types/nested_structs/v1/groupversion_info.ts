/**
 * Package v1 is the nested_structs fixture's API.
 * +groupName=nested-structs.types.conformance.uselessctl.dev
 */
export const version = "v1";
