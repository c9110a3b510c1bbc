import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec has string bounds. */
export interface WidgetSpec {
  /**
   * name is a DNS label.
   * +kubebuilder:validation:MinLength=1
   * +kubebuilder:validation:MaxLength=63
   * +kubebuilder:validation:Pattern=`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`
   */
  name: string;
  /**
   * created is a timestamp string.
   * +kubebuilder:validation:Format=date-time
   */
  created?: string;
  /**
   * address is an IP.
   * +kubebuilder:validation:Format=ipv4
   */
  address?: string;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
