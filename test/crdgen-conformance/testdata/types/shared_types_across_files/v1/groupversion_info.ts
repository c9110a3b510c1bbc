/**
 * Package v1 is the shared_types_across_files fixture's API.
 * +groupName=shared-types-across-files.types.conformance.uselessctl.dev
 */
export const version = "v1";
