/**
 * Scalar types that TypeScript lacks and Kubernetes APIs use, each carrying the markers that give
 * it the schema controller-gen gives its Go counterpart (as `metav1.Time` carries its own).
 * Prose sits under `@remarks` so that the generator does not copy it into every field's
 * description, exactly as controller-gen's built-in types add none.
 */

/**
 * @remarks A 32-bit integer (Go `int32`): `type: integer, format: int32`.
 * +kubebuilder:validation:Type=integer
 * +kubebuilder:validation:Format=int32
 */
export type int32 = number;

/**
 * @remarks A 64-bit integer (Go `int64`): `type: integer, format: int64`. Values above 2^53 lose
 * precision in JavaScript numbers.
 * +kubebuilder:validation:Type=integer
 * +kubebuilder:validation:Format=int64
 */
export type int64 = number;

/** @remarks A floating-point number (Go `float64`): `type: number`, no format, as controller-gen emits. */
export type float64 = number;

/**
 * @remarks A resource quantity such as `500m` or `1Gi` (resource.Quantity): an integer or a string
 * matching the quantity grammar. The API server returns it as a string.
 * +kubebuilder:validation:XIntOrString
 * +kubebuilder:validation:Pattern=`^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$`
 */
export type Quantity = string | number;

/**
 * @remarks Bytes as base64 text (Go `[]byte`): `type: string, format: byte`.
 * +kubebuilder:validation:Type=string
 * +kubebuilder:validation:Format=byte
 */
export type Bytes = string;

/**
 * @remarks An integer or a string (intstr.IntOrString), e.g. a port number or name, or `25%`.
 * +kubebuilder:validation:XIntOrString
 */
export type IntOrString = number | string;

/**
 * @remarks An RFC 3339 timestamp with second precision (metav1.Time), e.g. `2024-01-02T03:04:05Z`.
 * +kubebuilder:validation:Type=string
 * +kubebuilder:validation:Format=date-time
 */
export type Time = string;

/**
 * @remarks An RFC 3339 timestamp with microsecond precision (metav1.MicroTime).
 * +kubebuilder:validation:Type=string
 * +kubebuilder:validation:Format=date-time
 */
export type MicroTime = string;

/** @remarks A duration in Go syntax (metav1.Duration), e.g. `1h30m`: `type: string`. */
export type Duration = string;

/**
 * @remarks An embedded object of any kind (runtime.RawExtension): kept as given, never pruned.
 * +kubebuilder:validation:Schemaless
 * +kubebuilder:validation:Type=object
 * +kubebuilder:pruning:PreserveUnknownFields
 */
export interface RawExtension {
  [key: string]: unknown;
}

/**
 * @remarks Any JSON value (apiextensions JSON): kept as given, never pruned.
 * +kubebuilder:pruning:PreserveUnknownFields
 */
export type JSON = unknown;
