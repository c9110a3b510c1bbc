/**
 * Package v1 is the embedded_struct fixture's API.
 * +groupName=embedded-struct.types.conformance.uselessctl.dev
 */
export const version = "v1";
