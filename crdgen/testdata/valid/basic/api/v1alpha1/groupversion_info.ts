/**
 * Package v1alpha1 contains API Schema definitions for the useless v1alpha1 API group.
 * +kubebuilder:object:generate=true
 * +groupName=useless.container.training
 */
export const groupVersion = { group: "useless.container.training", version: "v1alpha1" } as const;
