import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/** WidgetSpec constrains list items the typescript-json-schema way. */
export interface WidgetSpec {
  /**
   * ports are each between 1 and 65535.
   * @items.minimum 1
   * @items.maximum 65535
   */
  ports?: int32[];
  /**
   * names are each short lowercase words.
   * @items {"minLength": 2, "maxLength": 8, "pattern": "^[a-z]+$", "format": "hostname"}
   */
  names?: string[];
  /**
   * bounds are each strictly positive and strictly below 9.
   * @TJS-items.exclusiveMinimum 0
   * @items.exclusiveMaximum 9
   */
  bounds?: int32[];
  /**
   * counts are each integers.
   * @items.type integer
   * @minItems 1
   * @maxItems 3
   */
  counts?: number[];
  /**
   * modes are each read or write.
   * @items.enum read;write
   */
  modes?: string[];
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
