import type { ObjectMeta, TypeMeta } from "uselessctl";

/**
 * Source names where data comes from.
 * +kubebuilder:validation:ExactlyOneOf=configMap;secret
 * +kubebuilder:validation:AtMostOneOf=inline;url
 * +kubebuilder:validation:AtLeastOneOf=configMap;url
 */
export interface Source {
  /** configMap is a config map name. */
  configMap?: string;
  /** secret is a secret name. */
  secret?: string;
  /** inline is inline data. */
  inline?: string;
  /** url is a URL. */
  url?: string;
}

/** WidgetSpec uses one-of constraints. */
export interface WidgetSpec {
  /** source is where data comes from. */
  source?: Source;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
