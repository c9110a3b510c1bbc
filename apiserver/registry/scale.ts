/**
 * The scale subresource of custom resources: an autoscaling/v1 Scale read from and written to the
 * paths the CRD declares (specReplicasPath, statusReplicasPath, labelSelectorPath), and of the
 * built-in workloads (spec.replicas, status.replicas, and a selector of their own).
 */
import { badRequest } from "../errors/status.js";
import type { KubeObject, ManagedFieldsEntry } from "../storage/types.js";
import { deepClone, jsonEqual } from "./conversion.js";
import { joinPath } from "./field_set.js";
import { isEntryOf, newEntry, renderEntries, trackedEntriesOf, type TrackedEntry } from "./managed_fields.js";
import { evaluateSimpleJsonPath, parseSimpleJsonPath } from "./printing.js";
import { apiVersionOf, type ResourceType } from "./resource_type.js";

const scaleVersion = "autoscaling/v1";

export function readScale(type: ResourceType, object: KubeObject): KubeObject {
  const scale = type.scale;
  if (!scale) throw badRequest("no scale subresource");
  const specReplicas = evaluateSimpleJsonPath(object, parseSimpleJsonPath(scale.specReplicasPath));
  const statusReplicas = evaluateSimpleJsonPath(object, parseSimpleJsonPath(scale.statusReplicasPath));
  const selector = scale.labelSelectorPath
    ? evaluateSimpleJsonPath(object, parseSimpleJsonPath(scale.labelSelectorPath))
    : scale.selector?.(object);
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

const scaleReplicasPath = joinPath(["f:spec", "f:replicas"]);

/**
 * The parent's managedFields after `writer` wrote the Scale's spec.replicas, as kube-apiserver's
 * scale handler converts them: the entries owning the replicas path are seen as Scale entries,
 * the write is recorded on those, and the result comes back to the parent, where the replicas
 * path is taken from its previous owners and recorded at the parent's version under the Scale
 * entry's identity (an Update entry keeps no time on that way back).
 */
export function scaleManagedFields(
  type: ResourceType,
  current: KubeObject,
  replicas: { before: unknown; after: unknown },
  writer: { manager: string; time: string },
): ManagedFieldsEntry[] | undefined {
  const parentVersion = apiVersionOf(type);
  const replicasPath = joinPath(
    parseSimpleJsonPath(type.scale?.specReplicasPath ?? ".spec.replicas").flatMap((step) =>
      "field" in step ? [`f:${step.field}`] : [],
    ),
  );
  const parentEntries = trackedEntriesOf(current);
  const scaleEntries: TrackedEntry[] = parentEntries
    .filter(({ fields }) => fields.has(replicasPath))
    .map(({ entry }) => ({ entry: { ...entry, apiVersion: scaleVersion }, fields: new Set([scaleReplicasPath]) }));
  if (!jsonEqual(replicas.before, replicas.after)) {
    const identity = {
      manager: writer.manager,
      operation: "Update" as const,
      apiVersion: scaleVersion,
      subresource: "scale",
    };
    for (const { fields } of scaleEntries) fields.delete(scaleReplicasPath);
    let own = scaleEntries.find(({ entry }) => isEntryOf(entry, identity));
    if (!own) {
      own = { entry: newEntry(identity, writer.time), fields: new Set() };
      scaleEntries.push(own);
    }
    own.fields.add(scaleReplicasPath);
  }
  const result: TrackedEntry[] = [];
  for (const parent of parentEntries) {
    const asScale = scaleEntries.findIndex(({ entry }) => isEntryOf(entry, parent.entry));
    if (!parent.fields.has(replicasPath) || (asScale >= 0 && scaleEntries[asScale]?.fields.size)) {
      if (asScale >= 0) scaleEntries.splice(asScale, 1);
      result.push(parent);
    } else {
      result.push({ entry: parent.entry, fields: new Set([...parent.fields].filter((path) => path !== replicasPath)) });
    }
  }
  for (const { entry, fields } of scaleEntries) {
    if (!fields.has(scaleReplicasPath)) continue;
    const time = parentEntries.find((parent) => isEntryOf(parent.entry, entry))?.entry.time;
    const identity = {
      manager: entry.manager,
      operation: entry.operation,
      apiVersion: parentVersion,
      subresource: entry.subresource ?? "",
    };
    result.push({ entry: newEntry(identity, time), fields: new Set([replicasPath]) });
  }
  return renderEntries(result);
}

/**
 * The custom resource with the Scale's spec.replicas written to specReplicasPath by `writer`,
 * its managedFields already updated (the write must not be recorded again).
 */
export function scaleToObject(
  type: ResourceType,
  current: KubeObject,
  scale: unknown,
  writer: { manager: string; time: string },
): KubeObject {
  const replicas = (scale as { spec?: { replicas?: unknown } } | null)?.spec?.replicas;
  const object = deepClone(current);
  if (!type.scale) return object;
  const steps = parseSimpleJsonPath(type.scale.specReplicasPath);
  const before = evaluateSimpleJsonPath(current, steps);
  let target: Record<string, unknown> = object;
  steps.forEach((step, index) => {
    if (!("field" in step)) return;
    if (index === steps.length - 1) target[step.field] = typeof replicas === "number" ? replicas : 0;
    else {
      const next = target[step.field];
      target = (next && typeof next === "object" ? next : (target[step.field] = {})) as Record<string, unknown>;
    }
  });
  const managedFields = scaleManagedFields(
    type,
    current,
    { before, after: evaluateSimpleJsonPath(object, steps) },
    writer,
  );
  if (managedFields) object.metadata.managedFields = managedFields;
  else delete object.metadata.managedFields;
  const resourceVersion = (scale as { metadata?: { resourceVersion?: string } } | null)?.metadata?.resourceVersion;
  object.metadata.resourceVersion = resourceVersion ?? current.metadata.resourceVersion;
  return object;
}
