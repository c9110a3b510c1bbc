/**
 * The metav1 types a kind is made of (TypeMeta, ObjectMeta, ListMeta, OwnerReference,
 * Condition), with the markers and docs that make the generator emit what controller-gen emits
 * for the Go originals.
 */
import type { int64, RawExtension, Time } from "./scalars.js";

/** @remarks apiVersion and kind of an object (metav1.TypeMeta); extend it in a kind to inherit their docs. */
export interface TypeMeta {
  /**
   * APIVersion defines the versioned schema of this representation of an object.
   * Servers should convert recognized schemas to the latest internal value, and
   * may reject unrecognized values.
   * More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources
   * +optional
   */
  apiVersion?: string;
  /**
   * Kind is a string value representing the REST resource this object represents.
   * Servers may infer this from the endpoint the client submits requests to.
   * Cannot be updated.
   * In CamelCase.
   * More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds
   * +optional
   */
  kind?: string;
}

/**
 * @remarks A reference from an object to its owner (metav1.OwnerReference).
 */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** @remarks Which manager owns which fields of an object (metav1.ManagedFieldsEntry). */
export interface ManagedFieldsEntry {
  manager?: string;
  operation?: "Apply" | "Update";
  apiVersion?: string;
  time?: Time;
  fieldsType?: string;
  fieldsV1?: RawExtension;
  subresource?: string;
}

/**
 * @remarks Standard object metadata (metav1.ObjectMeta). In a CRD schema it is `type: object`:
 * the API server owns its validation, as controller-gen's built-in mapping says.
 * +kubebuilder:validation:Schemaless
 * +kubebuilder:validation:Type=object
 */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  selfLink?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: int64;
  creationTimestamp?: Time;
  deletionTimestamp?: Time;
  deletionGracePeriodSeconds?: int64;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: ManagedFieldsEntry[];
}

/**
 * @remarks Metadata of list responses (metav1.ListMeta).
 * +kubebuilder:validation:Schemaless
 * +kubebuilder:validation:Type=object
 */
export interface ListMeta {
  selfLink?: string;
  resourceVersion?: string;
  continue?: string;
  remainingItemCount?: int64;
}

/** @remarks The status of a condition (metav1.ConditionStatus). */
export type ConditionStatus = "True" | "False" | "Unknown";

/**
 * Condition contains details for one aspect of the current state of this API Resource.
 * ---
 * This struct is intended for direct use as an array at the field path .status.conditions, as
 * metav1.Condition is.
 */
export interface Condition {
  /**
   * type of condition in CamelCase or in foo.example.com/CamelCase.
   * ---
   * Many .condition.type values are consistent across resources like Available, but because arbitrary conditions can be
   * useful (see .node.status.conditions), the ability to deconflict is important.
   * The regex it matches is (dns1123SubdomainFmt/)?(qualifiedNameFmt)
   * (`*` then `/` cannot appear in a JSDoc comment, hence the quoted pattern with \u002f.)
   * +required
   * +kubebuilder:validation:Required
   * +kubebuilder:validation:Pattern="^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\u002f)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$"
   * +kubebuilder:validation:MaxLength=316
   */
  type: string;
  /**
   * status of the condition, one of True, False, Unknown.
   * +required
   * +kubebuilder:validation:Required
   * +kubebuilder:validation:Enum=True;False;Unknown
   */
  status: ConditionStatus;
  /**
   * observedGeneration represents the .metadata.generation that the condition was set based upon.
   * For instance, if .metadata.generation is currently 12, but the .status.conditions[x].observedGeneration is 9, the condition is out of date
   * with respect to the current state of the instance.
   * +optional
   * +kubebuilder:validation:Minimum=0
   */
  observedGeneration?: int64;
  /**
   * lastTransitionTime is the last time the condition transitioned from one status to another.
   * This should be when the underlying condition changed.  If that is not known, then using the time when the API field changed is acceptable.
   * +required
   * +kubebuilder:validation:Required
   * +kubebuilder:validation:Type=string
   * +kubebuilder:validation:Format=date-time
   */
  lastTransitionTime: Time;
  /**
   * reason contains a programmatic identifier indicating the reason for the condition's last transition.
   * Producers of specific condition types may define expected values and meanings for this field,
   * and whether the values are considered a guaranteed API.
   * The value should be a CamelCase string.
   * This field may not be empty.
   * +required
   * +kubebuilder:validation:Required
   * +kubebuilder:validation:MaxLength=1024
   * +kubebuilder:validation:MinLength=1
   * +kubebuilder:validation:Pattern=`^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$`
   */
  reason: string;
  /**
   * message is a human readable message indicating details about the transition.
   * This may be an empty string.
   * +required
   * +kubebuilder:validation:Required
   * +kubebuilder:validation:MaxLength=32768
   */
  message: string;
}

/** @remarks One `matchExpressions` entry of a label selector (metav1.LabelSelectorRequirement). */
export interface LabelSelectorRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  values?: string[];
}

/**
 * @remarks A label query over a set of resources (metav1.LabelSelector): every `matchLabels`
 * pair and every `matchExpressions` entry must hold; an empty selector matches everything.
 * +structType=atomic
 */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}
