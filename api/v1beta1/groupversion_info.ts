/**
 * The useless.container.training v1beta1 API group: the GroupVersion every kind in this folder registers with.
 *
 * +groupName=useless.container.training
 */
import { defineGroupVersion } from "uselessctl";

/** The group and version of this folder's kinds; each types file declares its kind with it. */
export const GroupVersion = defineGroupVersion({ group: "useless.container.training", version: "v1beta1" });
