/**
 * Package v1 is the literal_unions fixture's API.
 * +groupName=literal-unions.types.conformance.uselessctl.dev
 */
export const version = "v1";
