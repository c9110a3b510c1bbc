import type { ObjectMeta, int32 } from "uselessctl";

/**
 * WidgetSpec carries the typescript-json-schema tags a CRD cannot hold.
 * @ignore
 * @see https://github.com/YousefED/typescript-json-schema
 */
export interface WidgetSpec {
  /**
   * tags are unique.
   * @uniqueItems true
   */
  tags?: string[];
  /**
   * parent is a reference.
   * @$ref #/definitions/Parent
   */
  parent?: string;
  /**
   * extra holds no more than it says.
   * @additionalProperties false
   */
  extra?: { a?: string };
  /**
   * ports hold one port at least.
   * @contains {"minimum": 1}
   * @items.default 1
   * @items not-json
   */
  ports?: int32[];
  /**
   * id is read-only and deprecated.
   * @readOnly
   * @deprecated use name
   * @$comment internal
   * @contentMediaType text/plain
   * @defaultValue x
   * @minimun 1
   * @frobnicate
   * @TJS-examples ["a", "b"]
   */
  id?: string;
  /**
   * shape has another type.
   * @asType integer
   * @discriminator kind
   */
  shape?: string;
  /** mode is a mode. */
  mode?: Mode;
}

export enum Mode {
  /**
   * Fast is fast.
   * @deprecated use Safe
   */
  Fast = "fast",
  /**
   * Safe is safe.
   * +kubebuilder:validation:MinLength=1
   */
  Safe = "safe",
}

/** +kubebuilder:object:root=true */
export interface Widget {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
