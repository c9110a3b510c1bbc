/** +kubebuilder:object:root=true */
export interface Widget {
  spec?: { name?: string };
}

/** +kubebuilder:object:root=true */
interface Hidden {
  apiVersion?: string;
}
export type { Hidden as Visible };
