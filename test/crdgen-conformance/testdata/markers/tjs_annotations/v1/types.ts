import type { ObjectMeta, TypeMeta, int32 } from "uselessctl";

/**
 * WidgetSpec has fields annotated for typescript-json-schema.
 * @remarks
 * Read by editors only: documentation tags never reach the schema.
 * @see https://github.com/YousefED/typescript-json-schema
 * @minProperties 1
 * @maxProperties 9
 */
export interface WidgetSpec {
  /**
   * Words here are replaced by the description tag.
   * @description name names the widget,
   * over two lines.
   * @TJS-required
   * @minLength 1
   * @maxLength 63
   * @pattern ^[a-z]([-a-z0-9]*[a-z0-9])?$
   * @examples ["demo"]
   */
  name?: string;
  /**
   * size has a title, a default and an example.
   * @title Size
   * @default 3
   * @examples [5, 7]
   * @example
   * ```ts
   * const spec: WidgetSpec = { name: "a", size: 3 };
   * ```
   */
  size?: int32;
  /**
   * url may be null.
   * @nullable
   * @format uri
   */
  url?: string;
  /**
   * cache lives in memory only.
   * @ignore
   */
  cache?: Record<string, string>;
  /**
   * mode is optional though TypeScript says required.
   * @optional
   * @enum fast;safe
   */
  mode: string;
}

/**
 * Widget is the fixture's kind.
 * +kubebuilder:object:root=true
 */
export interface Widget extends TypeMeta {
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
