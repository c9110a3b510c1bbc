/** The storage.k8s.io/v1 kinds' strategies, by resource. */
import type { ResourceStrategy } from "../resource_type.js";
import { csiDriverStrategy } from "./csidrivers.js";
import { csiNodeStrategy } from "./csinodes.js";
import { csiStorageCapacityStrategy } from "./csistoragecapacities.js";
import { storageClassStrategy } from "./storageclasses.js";
import { volumeAttachmentStrategy } from "./volumeattachments.js";
import { volumeAttributesClassStrategy } from "./volumeattributesclasses.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = {
  storageclasses: storageClassStrategy,
  csidrivers: csiDriverStrategy,
  csinodes: csiNodeStrategy,
  volumeattachments: volumeAttachmentStrategy,
  csistoragecapacities: csiStorageCapacityStrategy,
  volumeattributesclasses: volumeAttributesClassStrategy,
};
