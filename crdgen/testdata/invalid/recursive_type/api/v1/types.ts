import type { ObjectMeta } from "uselessctl";

export interface TreeNode {
  children?: TreeNode[];
}

export interface WidgetSpec {
  root?: TreeNode;
}

/** +kubebuilder:object:root=true */
export interface Widget {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec?: WidgetSpec;
}
