/**
 * The autoscaling kinds' strategies, by resource: HorizontalPodAutoscalers, stored at v2 and
 * served at v1 too with the conversion in hpa_conversion (hpaToV1 / hpaFromV1).
 */
import type { ResourceStrategy } from "../resource_type.js";
import { horizontalPodAutoscalerStrategy } from "./horizontalpodautoscalers.js";

export { hpaFromV1, hpaToV1 } from "./hpa_conversion.js";

export const strategies: Readonly<Record<string, ResourceStrategy>> = {
  horizontalpodautoscalers: horizontalPodAutoscalerStrategy,
};
export { serveFromV2Store } from "./hpa_versions.js";
