/**
 * Package v1 is the free_form fixture's API.
 * +groupName=free-form.types.conformance.uselessctl.dev
 */
export const version = "v1";
