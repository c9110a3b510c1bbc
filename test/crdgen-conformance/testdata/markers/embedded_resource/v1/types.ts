import type { ObjectMeta, RawExtension, TypeMeta } from "uselessctl";

/** WidgetSpec embeds resources. */
export interface WidgetSpec {
  /**
   * template is an embedded object.
   * +kubebuilder:validation:EmbeddedResource
   * +kubebuilder:pruning:PreserveUnknownFields
   */
  template?: RawExtension;
  /**
   * other is an embedded object, old spelling.
   * +kubebuilder:validation:XEmbeddedResource
   * +kubebuilder:pruning:PreserveUnknownFields
   */
  other?: RawExtension;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
