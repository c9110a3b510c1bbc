// Package v2 is the skipped_package fixture's API.
// +groupName=skipped-package.multi-version.conformance.uselessctl.dev
package v2
