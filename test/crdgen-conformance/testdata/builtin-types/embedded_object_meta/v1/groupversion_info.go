// Package v1 is the embedded_object_meta fixture's API, generated with generateEmbeddedObjectMeta.
// +groupName=embeddedmeta.builtin-types.conformance.uselessctl.dev
package v1
