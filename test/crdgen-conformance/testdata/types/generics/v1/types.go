package v1

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Range is a range of values.
type Int32Range struct {
	// min is the least value.
	Min int32 `json:"min,omitempty"`
	// max is the greatest value.
	Max int32 `json:"max,omitempty"`
}

// Range is a range of values.
type Float64Range struct {
	// min is the least value.
	Min float64 `json:"min,omitempty"`
	// max is the greatest value.
	Max float64 `json:"max,omitempty"`
}

// Pair is two values, the second a string unless said otherwise.
type Int32StringPair struct {
	// first is required.
	First int32 `json:"first"`
	// second is optional.
	Second string `json:"second,omitempty"`
}

// Pair is two values, the second a string unless said otherwise.
type BoolInt64Pair struct {
	// first is required.
	First bool `json:"first"`
	// second is optional.
	Second int64 `json:"second,omitempty"`
}

// Range is a range of values.
type Int32RangeRange struct {
	// min is the least value.
	Min Int32Range `json:"min,omitempty"`
	// max is the greatest value.
	Max Int32Range `json:"max,omitempty"`
}

// Bounded holds a range and values of one type.
type BoundedInt32Range struct {
	// range bounds the values.
	Range Int32RangeRange `json:"range,omitempty"`
	// values are the values.
	Values []Int32Range `json:"values,omitempty"`
	// byName are the values by name.
	ByName map[string]Int32Range `json:"byName,omitempty"`
}

// Tagged is a range of int64 with a tag.
type Tagged struct {
	// min is the least value.
	Min int64 `json:"min,omitempty"`
	// max is the greatest value.
	Max int64 `json:"max,omitempty"`
	// tag is a tag.
	Tag string `json:"tag,omitempty"`
}

// WidgetSpec uses generic types with concrete type arguments.
type WidgetSpec struct {
	// replicas is a range of int32.
	Replicas Int32Range `json:"replicas,omitempty"`
	// ratio is a range of float64.
	Ratio Float64Range `json:"ratio,omitempty"`
	// pair is an int32 and a string.
	Pair Int32StringPair `json:"pair,omitempty"`
	// flags is a boolean and an int64.
	Flags BoolInt64Pair `json:"flags,omitempty"`
	// nested holds ranges of int32.
	Nested BoundedInt32Range `json:"nested,omitempty"`
	// tagged extends a generic interface.
	Tagged Tagged `json:"tagged,omitempty"`
}

// Widget is the fixture's kind.
// +kubebuilder:object:root=true
type Widget struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata,omitempty"`

	Spec WidgetSpec `json:"spec,omitempty"`
}
