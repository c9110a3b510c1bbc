/**
 * Package v1beta1 is the unserved_and_skipped fixture's API.
 * +groupName=unserved-and-skipped.multi-version.conformance.uselessctl.dev
 */
export const version = "v1beta1";
