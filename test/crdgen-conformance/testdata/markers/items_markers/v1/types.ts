import type { ObjectMeta, TypeMeta, int32, int64 } from "uselessctl";

/** WidgetSpec constrains list items. */
export interface WidgetSpec {
  /**
   * ports are each between 1 and 65535.
   * +kubebuilder:validation:items:Minimum=1
   * +kubebuilder:validation:items:Maximum=65535
   * +kubebuilder:validation:items:MultipleOf=1
   */
  ports?: int32[];
  /**
   * names are each short lowercase words.
   * +kubebuilder:validation:items:MinLength=2
   * +kubebuilder:validation:items:MaxLength=8
   * +kubebuilder:validation:items:Pattern=`^[a-z]+$`
   * +kubebuilder:validation:items:Format=hostname
   */
  names?: string[];
  /**
   * modes are each one of read or write.
   * +kubebuilder:validation:items:Enum=read;write
   */
  modes?: string[];
  /**
   * matrix rows are each one or two long.
   * +kubebuilder:validation:items:MinItems=1
   * +kubebuilder:validation:items:MaxItems=2
   */
  matrix?: int64[][];
  /**
   * bounds are each strictly positive.
   * +kubebuilder:validation:items:Minimum=0
   * +kubebuilder:validation:items:ExclusiveMinimum=true
   * +kubebuilder:validation:items:Maximum=9
   * +kubebuilder:validation:items:ExclusiveMaximum=true
   */
  bounds?: int32[];
  /**
   * maps each have one or two keys.
   * +kubebuilder:validation:items:MinProperties=1
   * +kubebuilder:validation:items:MaxProperties=2
   */
  maps?: Record<string, string>[];
  /**
   * texts each have a CEL rule.
   * +kubebuilder:validation:items:XValidation:rule="self != 'x'",message="no x"
   */
  texts?: string[];
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
