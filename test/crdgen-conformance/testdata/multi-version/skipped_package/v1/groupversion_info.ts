/**
 * Package v1 is the skipped_package fixture's API.
 * +kubebuilder:skip
 * +groupName=skipped-package.multi-version.conformance.uselessctl.dev
 */
export const version = "v1";
