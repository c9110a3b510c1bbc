/**
 * The scale subresource of custom resources: an autoscaling/v1 Scale read from and written to the
 * paths the CRD declares (specReplicasPath, statusReplicasPath, labelSelectorPath).
 */
import { badRequest } from "../http/status.js";
import type { KubeObject } from "../storage/types.js";
import { deepClone } from "./conversion.js";
import { evaluateSimpleJsonPath, parseSimpleJsonPath } from "./printing.js";
import type { ResourceType } from "./resource_type.js";

export function readScale(type: ResourceType, object: KubeObject): KubeObject {
  const scale = type.scale;
  if (!scale) throw badRequest("no scale subresource");
  const specReplicas = evaluateSimpleJsonPath(object, parseSimpleJsonPath(scale.specReplicasPath));
  const statusReplicas = evaluateSimpleJsonPath(object, parseSimpleJsonPath(scale.statusReplicasPath));
  const selector = scale.labelSelectorPath ? evaluateSimpleJsonPath(object, parseSimpleJsonPath(scale.labelSelectorPath)) : undefined;
  const meta = object.metadata;
  const status: Record<string, unknown> = { replicas: typeof statusReplicas === "number" ? statusReplicas : 0 };
  if (typeof selector === "string") status.selector = selector;
  return {
    kind: "Scale",
    apiVersion: "autoscaling/v1",
    metadata: {
      name: meta.name,
      ...(meta.namespace ? { namespace: meta.namespace } : {}),
      uid: meta.uid,
      resourceVersion: meta.resourceVersion,
      creationTimestamp: meta.creationTimestamp,
    },
    spec: typeof specReplicas === "number" ? { replicas: specReplicas } : {},
    status,
  };
}

/** The custom resource with the Scale's spec.replicas written to specReplicasPath. */
export function scaleToObject(type: ResourceType, current: KubeObject, scale: unknown): KubeObject {
  const replicas = (scale as { spec?: { replicas?: unknown } } | null)?.spec?.replicas;
  const object = deepClone(current);
  if (!type.scale) return object;
  const steps = parseSimpleJsonPath(type.scale.specReplicasPath);
  let target: Record<string, unknown> = object;
  steps.forEach((step, index) => {
    if (!("field" in step)) return;
    if (index === steps.length - 1) target[step.field] = typeof replicas === "number" ? replicas : 0;
    else {
      const next = target[step.field];
      target = (next && typeof next === "object" ? next : (target[step.field] = {})) as Record<string, unknown>;
    }
  });
  const resourceVersion = (scale as { metadata?: { resourceVersion?: string } } | null)?.metadata?.resourceVersion;
  object.metadata.resourceVersion = resourceVersion ?? current.metadata.resourceVersion;
  return object;
}
