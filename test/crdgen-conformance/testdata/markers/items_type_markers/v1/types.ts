import type { IntOrString, ObjectMeta, RawExtension, TypeMeta } from "uselessctl";

/** WidgetSpec overrides item types. */
export interface WidgetSpec {
  /**
   * sizes are integers or strings.
   * +kubebuilder:validation:items:XIntOrString
   */
  sizes?: IntOrString[];
  /**
   * blobs keep unknown fields.
   * +kubebuilder:validation:items:XPreserveUnknownFields
   * +kubebuilder:validation:items:Type=object
   */
  blobs?: RawExtension[];
  /**
   * objects are embedded resources.
   * +kubebuilder:validation:items:XEmbeddedResource
   * +kubebuilder:validation:items:XPreserveUnknownFields
   */
  objects?: RawExtension[];
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
