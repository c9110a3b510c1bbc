/**
 * Deletion as kube-apiserver does it: preconditions, finalizers (deletionTimestamp set and the
 * object kept until they are gone), and the propagation policies Background (dependents removed
 * later by the garbage collector), Foreground (`foregroundDeletion` finalizer) and Orphan
 * (`orphan` finalizer). Namespaces get `status.phase: Terminating` and are emptied by the
 * namespace lifecycle in `garbagecollector/`.
 */
import { conflict, forbidden, notFound, type StatusBody } from "../errors/status.js";
import { objectKey } from "../storage/store.js";
import type { KubeObject } from "../storage/types.js";
import { deepClone } from "./conversion.js";
import { groupResource, timestamp, type AdmissionRequest, type ObjectService } from "./object_service.js";
import { served } from "./conversion.js";
import type { ResourceType } from "./resource_type.js";

export type PropagationPolicy = "Background" | "Foreground" | "Orphan";

export interface DeleteOptions {
  propagationPolicy: PropagationPolicy | undefined;
  preconditions: { uid?: string; resourceVersion?: string } | undefined;
  dryRun: boolean;
  /** The grace period asked for, for kinds whose strategy deletes gracefully (pods). */
  gracePeriodSeconds?: number | undefined;
  /** Set for a client's request: DELETE admission runs for it. */
  admission?: AdmissionRequest | undefined;
}

export const finalizerForeground = "foregroundDeletion";
export const finalizerOrphan = "orphan";
const namespaceFinalizer = "kubernetes";
/** The NamespaceLifecycle admission plugin's namespaces that can never be deleted. */
const immortalNamespaces = new Set(["default", "kube-system", "kube-public"]);

export interface DeleteResult {
  /** The object, when it is kept (finalizers pending) or when the kind returns the deleted object. */
  object: KubeObject | undefined;
  /** The Success Status kinds that do not return the deleted object answer with. */
  status: (StatusBody & { status: "Success" }) | undefined;
  /** What admission warned about. */
  warnings?: string[];
}

function successStatus(type: ResourceType, object: KubeObject): DeleteResult["status"] {
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Success",
    details: {
      name: object.metadata.name ?? "",
      ...(type.group ? { group: type.group } : {}),
      kind: type.resource,
      uid: object.metadata.uid ?? "",
    },
  } as DeleteResult["status"];
}

/**
 * rest.BeforeDelete's early precondition check: a Conflict that names the kind (not the resource)
 * where the resource goes, as kube-apiserver builds it from the object's GroupVersionKind.
 */
function checkPreconditions(
  type: ResourceType,
  name: string,
  current: KubeObject,
  preconditions: DeleteOptions["preconditions"],
): void {
  const asKind = { group: type.group, resource: type.kind };
  const uid = preconditions?.uid;
  if (typeof uid === "string" && uid !== current.metadata.uid) {
    throw conflict(
      asKind,
      name,
      `the UID in the precondition (${uid}) does not match the UID in record (${current.metadata.uid ?? ""}). The object might have been deleted and then recreated`,
    );
  }
  const resourceVersion = preconditions?.resourceVersion;
  if (typeof resourceVersion === "string" && resourceVersion !== current.metadata.resourceVersion) {
    throw conflict(
      asKind,
      name,
      `the ResourceVersion in the precondition (${resourceVersion}) does not match the ResourceVersion in record (${current.metadata.resourceVersion ?? ""}). The object might have been modified`,
    );
  }
}

/** Deletes one object, or marks it for deletion when finalizers must run first. */
export async function deleteObject(
  service: ObjectService,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  options: DeleteOptions,
): Promise<DeleteResult> {
  const key = objectKey(type.namespaced ? namespace : undefined, name);
  const current = service.store.get(type.collection, key);
  if (!current) throw notFound(groupResource(type), name);
  checkPreconditions(type, name, current, options.preconditions);
  const isNamespace = type.group === "" && type.resource === "namespaces";
  if (isNamespace && immortalNamespaces.has(name))
    throw forbidden(groupResource(type), name, "this namespace may not be deleted");
  const warnings = await service.admitDelete(type, namespace, current, options);
  return { ...(await removeOrMark(service, type, key, current, options)), warnings };
}

/** The deletion itself, once the request was checked and admitted. */
async function removeOrMark(
  service: ObjectService,
  type: ResourceType,
  key: string,
  current: KubeObject,
  options: DeleteOptions,
): Promise<DeleteResult> {
  const isNamespace = type.group === "" && type.resource === "namespaces";
  const finalizers = [...(current.metadata.finalizers ?? [])];
  const policy = options.propagationPolicy ?? type.strategy.defaultPropagationPolicy;
  const wanted = new Set(finalizers);
  // A CRD keeps its instances' cleanup finalizer until the CRD controller removed them all.
  if (type.collection === "apiextensions.k8s.io/customresourcedefinitions" && !current.metadata.deletionTimestamp) {
    wanted.add("customresourcecleanup.apiextensions.k8s.io");
  }
  if (policy === "Foreground") {
    wanted.add(finalizerForeground);
    wanted.delete(finalizerOrphan);
  } else if (policy === "Orphan") {
    wanted.add(finalizerOrphan);
    wanted.delete(finalizerForeground);
  } else if (policy === "Background") {
    wanted.delete(finalizerForeground);
    wanted.delete(finalizerOrphan);
  }
  const namespaceFinalizers = isNamespace
    ? ((current.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [])
    : [];
  const mustWait = wanted.size > 0 || namespaceFinalizers.includes(namespaceFinalizer);
  if (mustWait) {
    const updated = deepClone(current);
    const meta = updated.metadata;
    const alreadyDeleting = meta.deletionTimestamp !== undefined;
    // Namespaces and CRDs mark their first deletion in their own storage code, which sets neither a
    // grace period nor a new generation; the generic store does both (markAsDeleting).
    const genericMark =
      !(isNamespace || type.collection === "apiextensions.k8s.io/customresourcedefinitions") || alreadyDeleting;
    meta.deletionTimestamp ??= timestamp(service.now());
    if (genericMark) meta.deletionGracePeriodSeconds ??= 0;
    // Finalizers the policy manages only change on the first delete or on an explicit policy.
    const nextFinalizers = alreadyDeleting && !policy ? finalizers : [...wanted];
    if (nextFinalizers.length) meta.finalizers = nextFinalizers;
    else delete meta.finalizers;
    if (!alreadyDeleting && genericMark && meta.generation !== undefined) meta.generation += 1;
    if (isNamespace) updated.status = { ...(updated.status as object), phase: "Terminating" };
    if (type.collection === "apiextensions.k8s.io/customresourcedefinitions" && !alreadyDeleting) {
      const status = { ...((updated.status as Record<string, unknown> | undefined) ?? {}) };
      const conditions = (Array.isArray(status.conditions) ? status.conditions : []).filter(
        (c: { type?: string }) => c.type !== "Terminating",
      );
      conditions.push({
        type: "Terminating",
        status: "True",
        lastTransitionTime: meta.deletionTimestamp,
        reason: "InstanceDeletionPending",
        message: "CustomResourceDefinition marked for deletion; CustomResource deletion will begin soon",
      });
      updated.status = { ...status, conditions };
    }
    if (options.dryRun) return { object: await served(updated, type), status: undefined };
    if (
      alreadyDeleting &&
      JSON.stringify(updated.metadata.finalizers) === JSON.stringify(current.metadata.finalizers)
    ) {
      return { object: await served(current, type), status: undefined };
    }
    const stored = service.store.put(type.collection, key, updated);
    await stored.durable;
    return { object: await served(stored.object, type), status: undefined };
  }
  const gracePeriod = type.strategy.gracefulDeletionPeriod?.(current, options.gracePeriodSeconds);
  if (gracePeriod !== undefined) return deleteGracefully(service, type, key, current, { ...options, gracePeriod });
  if (options.dryRun)
    return type.returnsDeletedObject
      ? { object: await served(current, type), status: undefined }
      : { object: undefined, status: successStatus(type, current) };
  const deleted = service.store.delete(type.collection, key);
  await deleted?.durable;
  const object = await served(deleted?.object ?? current, type);
  if (type.returnsDeletedObject) return { object, status: undefined };
  // Generic stores (custom resources included) answer an immediate deletion with a Success Status.
  return { object: undefined, status: successStatus(type, object) };
}

/**
 * The generic store's graceful deletion (BeforeDelete with a strategy that checks it): the object
 * is marked with a deletion timestamp `gracePeriod` seconds ahead, once (a later delete may only
 * shorten it), and answered rather than a Status. A zero period deletes it at once; otherwise it
 * stays until whatever runs it (a kubelet, of which there is none here) removes it.
 */
async function deleteGracefully(
  service: ObjectService,
  type: ResourceType,
  key: string,
  current: KubeObject,
  options: DeleteOptions & { gracePeriod: number },
): Promise<DeleteResult> {
  const updated = deepClone(current);
  const meta = updated.metadata;
  const now = service.now().getTime();
  const deadline = timestamp(new Date(now + options.gracePeriod * 1000));
  if (meta.deletionTimestamp === undefined) {
    if (meta.generation !== undefined) meta.generation += 1;
    meta.deletionTimestamp = deadline;
    meta.deletionGracePeriodSeconds = options.gracePeriod;
  } else if (options.gracePeriod < (meta.deletionGracePeriodSeconds ?? Infinity)) {
    meta.deletionTimestamp = deadline;
    meta.deletionGracePeriodSeconds = options.gracePeriod;
  }
  if (options.dryRun) return { object: await served(updated, type), status: undefined };
  if (options.gracePeriod > 0 || meta.deletionGracePeriodSeconds !== 0) {
    const stored = service.store.put(type.collection, key, updated);
    await stored.durable;
    return { object: await served(stored.object, type), status: undefined };
  }
  await service.store.put(type.collection, key, updated).durable;
  const deleted = service.store.delete(type.collection, key);
  await deleted?.durable;
  return { object: await served(deleted?.object ?? updated, type), status: undefined };
}
