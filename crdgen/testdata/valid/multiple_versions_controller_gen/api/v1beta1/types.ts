// controller-tools pkg/crd/testdata/multiple_versions/v1beta1/types.go, in TypeScript.
import type { ObjectMeta, TypeMeta } from "uselessctl";
import type { OuterStruct } from "../common.js";

export interface VersionedResourceSpec {
  struct?: OuterStruct;
}

/**
 * +kubebuilder:object:root=true
 * +kubebuilder:subresource:status
 * +kubebuilder:resource:singular=versionedresource
 */
export interface VersionedResource extends TypeMeta {
  metadata?: ObjectMeta;
  spec: VersionedResourceSpec;
}

/** +kubebuilder:object:root=true */
export interface VersionedResourceList extends TypeMeta {
  items: VersionedResource[];
}
