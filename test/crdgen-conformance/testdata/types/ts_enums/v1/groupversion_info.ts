/**
 * Package v1 is the ts_enums fixture's API.
 * +groupName=ts-enums.types.conformance.uselessctl.dev
 */
export const version = "v1";
