import type { ObjectMeta } from "uselessctl";

export interface TreeNode {
  children?: TreeNode[];
}

/** A generic recursion: Tree<T> inside Tree<string> is Tree<string> again. */
export interface Tree<T> {
  value?: T;
  children?: Tree<T>[];
}

/** A recursion whose type arguments grow: Chain<T[]> inside Chain<T>. */
export interface Chain<T> {
  next?: Chain<T[]>;
}

/** Not a recursion: a Range of Ranges. */
export interface Range<T> {
  min?: T;
}

export interface WidgetSpec {
  root?: TreeNode;
  tree?: Tree<string>;
  chain?: Chain<string>;
  ranges?: Range<Range<string>>;
}

/** +kubebuilder:object:root=true */
export interface Widget {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
