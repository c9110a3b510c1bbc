/**
 * The batch.tutorial.kubebuilder.io v1 API group: the GroupVersion every kind in this folder registers with.
 *
 * +groupName=batch.tutorial.kubebuilder.io
 */
import { defineGroupVersion } from "uselessctl";

/** The group and version of this folder's kinds; each types file declares its kind with it. */
export const GroupVersion = defineGroupVersion({ group: "batch.tutorial.kubebuilder.io", version: "v1" });
