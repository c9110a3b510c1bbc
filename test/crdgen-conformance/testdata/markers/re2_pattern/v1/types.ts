import type { ObjectMeta, TypeMeta } from "uselessctl";

/** WidgetSpec has RE2-only patterns. */
export interface WidgetSpec {
  /**
   * word has no punctuation or space (POSIX class in a bracket).
   * +kubebuilder:validation:Pattern=`^[^[:punct:]\s]+$`
   */
  word?: string;
  /**
   * ascii is ASCII letters by Perl class and flags.
   * +kubebuilder:validation:Pattern=`(?i)^\pL[[:alnum:]]*\z`
   */
  ascii?: string;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
