/**
 * Package v1 is the version_name fixture's API.
 * +versionName=v2
 * +groupName=version-name.multi-version.conformance.uselessctl.dev
 */
export const version = "v1";
