import type { int32, ObjectMeta } from "uselessctl";

export interface WidgetSpec {
  /** +kubebuilder:validation:Minimum=one */
  size?: int32;
  /** +kubebuilder:validation:MaxLength=3,extra */
  name?: string;
  /** +kubebuilder:validation:XValidation:message="no rule" */
  rule?: string;
  /** +kubebuilder:validation:XValidation:rule="self > 0",severity=high */
  unknownArgument?: int32;
  /** +kubebuilder:validation:Pattern="unterminated */
  pattern?: string;
}

/**
 * +kubebuilder:object:root=true
 * +kubebuilder:printcolumn:name="Size",type="integer"
 * +kubebuilder:resource:scope=Global
 * +kubebuilder:printcolumn:name="Size",type="int",JSONPath=".spec.size"
 */
export interface Widget {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
