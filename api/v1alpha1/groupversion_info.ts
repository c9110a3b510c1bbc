/**
 * Package v1alpha1 contains the API schema definitions for the useless v1alpha1 API group: the
 * `Machine` and the `Switch` of the useless machine operator.
 *
 * The `+groupName` marker below gives every kind in this folder its API group, as kubebuilder's
 * `groupversion_info.go` does; the version is the folder's name. There is no
 * `+kubebuilder:object:generate` marker: it asks controller-gen for Go deep-copy methods, which
 * TypeScript objects do not need (`structuredClone` copies them).
 *
 * +groupName=useless.container.training
 */

import { defineGroupVersion } from "uselessctl";

/**
 * GroupVersion is the group and version of the kinds in this folder, for clients and controllers:
 * each kind registers itself with `GroupVersion.kind(...)` beside its interface.
 */
export const GroupVersion = defineGroupVersion({ group: "useless.container.training", version: "v1alpha1" });
