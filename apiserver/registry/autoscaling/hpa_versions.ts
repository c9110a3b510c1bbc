/**
 * autoscaling/v1 HorizontalPodAutoscalers share autoscaling/v2's store: a v1 write is converted
 * to v2 as soon as its unknown fields are dropped (so defaulting, validation and the status rules
 * see the stored form, as kube-apiserver's internal type), and reads are converted back.
 */
import type { KubeObject } from "../../storage/types.js";
import type { ResourceStrategy, ResourceType } from "../resource_type.js";
import { hpaFromV1, hpaToV1 } from "./hpa_conversion.js";

/** Rewrites `object` in place as its v2 form. */
function convertInPlace(object: KubeObject): void {
  if (object.apiVersion !== "autoscaling/v1") return;
  const converted = hpaFromV1(object);
  for (const key of Object.keys(object)) Reflect.deleteProperty(object, key);
  Object.assign(object, converted);
}

/** Makes the autoscaling/v1 resource type convert to and from the v2 store. */
export function serveFromV2Store(type: ResourceType): void {
  const own = type.strategy;
  const strategy: ResourceStrategy = {
    ...own,
    // An update's body meets the stored status (or, on /status, the stored spec) before its
    // unknown fields are dropped: each is given in the body's version.
    prepareForUpdate(object, old, subresource) {
      if (subresource === "status") {
        object.status = hpaFromV1({ ...object, apiVersion: "autoscaling/v1", spec: {} }).status;
        object.apiVersion = "autoscaling/v2";
        own.prepareForUpdate?.(object, old, subresource);
      } else object.status = hpaToV1(old).status;
    },
    normalize(object, options) {
      convertInPlace(object);
      return own.normalize?.(object, options) ?? [];
    },
  };
  type.strategy = strategy;
  type.conversion = {
    toStorage(object) {
      convertInPlace(object);
      object.apiVersion = "autoscaling/v2";
      object.kind = "HorizontalPodAutoscaler";
    },
    fromStorage: hpaToV1,
  };
}
