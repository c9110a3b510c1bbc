import type { KubernetesObject, OwnerReference } from "../object.js";
import { defaultScheme, type Scheme } from "../scheme/group_version.js";

/**
 * Owner references (controller-runtime's `controllerutil.SetControllerReference` family). The
 * API server's garbage collector deletes owned objects when their owner goes; the `controller`
 * reference also tells `owns()` which object to reconcile.
 */

/** Raised when an object already has a different controller owner. */
export class AlreadyOwnedError extends Error {
  readonly object: string;
  readonly owner: OwnerReference;
  constructor(object: string, owner: OwnerReference) {
    // controller-runtime's message, then what to do about it.
    super(
      `Object ${object} is already owned by another ${owner.kind} controller ${owner.name}; ` +
        `remove that owner reference first (or use setOwnerReference for a non-controller owner)`,
    );
    this.name = "AlreadyOwnedError";
    this.object = object;
    this.owner = owner;
  }
}

/** Options of the owner helpers. */
export interface OwnerOptions {
  /** Resolves the owner's kind when it lacks apiVersion/kind; the default scheme unless given. */
  scheme?: Scheme;
  /** `blockOwnerDeletion` of the reference (true by default for controller references). */
  blockOwnerDeletion?: boolean;
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

function sameOwner(a: OwnerReference, b: OwnerReference): boolean {
  return groupOf(a.apiVersion) === groupOf(b.apiVersion) && a.kind === b.kind && a.name === b.name;
}

/**
 * An owner in a namespace can only own objects of that namespace: the garbage collector looks
 * owners up in the dependent's namespace (controller-runtime's `validateOwner`, same messages).
 */
function validateOwner(owner: KubernetesObject, object: KubernetesObject): void {
  const ownerNamespace = owner.metadata?.namespace;
  if (!ownerNamespace) return;
  const objectNamespace = object.metadata?.namespace;
  if (!objectNamespace) {
    throw new Error(
      `cluster-scoped resource must not have a namespace-scoped owner, owner's namespace ${ownerNamespace}`,
    );
  }
  if (ownerNamespace !== objectNamespace) {
    throw new Error(
      `cross-namespace owner references are disallowed, owner's namespace ${ownerNamespace}, obj's namespace ${objectNamespace}`,
    );
  }
}

function referenceTo(owner: KubernetesObject, object: KubernetesObject, options: OwnerOptions): OwnerReference {
  const scheme = options.scheme ?? defaultScheme;
  const kind = scheme.descriptorFor(owner);
  const ownerName = owner.metadata?.name;
  const uid = owner.metadata?.uid;
  if (!ownerName || !uid) {
    throw new Error(
      `owner ${kind.kind} ${ownerName ?? "(unnamed)"} has no name or uid: read it from the API server (or create it) before referencing it`,
    );
  }
  validateOwner(owner, object);
  return { apiVersion: kind.apiVersion, kind: kind.kind, name: ownerName, uid };
}

function upsert(object: KubernetesObject, reference: OwnerReference): void {
  object.metadata ??= {};
  const references = object.metadata.ownerReferences ?? [];
  const index = references.findIndex((existing) => sameOwner(existing, reference));
  if (index >= 0) references[index] = reference;
  else references.push(reference);
  object.metadata.ownerReferences = references;
}

/**
 * Makes `owner` the controller of `object` (`controller: true`, `blockOwnerDeletion: true`).
 * Errors: {@link AlreadyOwnedError} when another object is its controller; an Error for cross-
 * namespace or namespaced-owner-of-cluster-scoped references, which the API server would ignore.
 */
export function setControllerReference(
  owner: KubernetesObject,
  object: KubernetesObject,
  options: OwnerOptions = {},
): void {
  const reference: OwnerReference = {
    ...referenceTo(owner, object, options),
    controller: true,
    blockOwnerDeletion: options.blockOwnerDeletion ?? true,
  };
  const current = getControllerOf(object);
  if (current && !sameOwner(current, reference)) {
    throw new AlreadyOwnedError(`${object.metadata?.namespace ?? ""}/${object.metadata?.name ?? ""}`, current);
  }
  upsert(object, reference);
}

/** Adds (or updates) a non-controller owner reference to `owner`. */
export function setOwnerReference(owner: KubernetesObject, object: KubernetesObject, options: OwnerOptions = {}): void {
  const reference = referenceTo(owner, object, options);
  const existing = object.metadata?.ownerReferences?.find((ref) => sameOwner(ref, reference));
  upsert(object, {
    ...reference,
    ...(existing?.controller !== undefined ? { controller: existing.controller } : {}),
    ...(options.blockOwnerDeletion !== undefined ? { blockOwnerDeletion: options.blockOwnerDeletion } : {}),
  });
}

/** Removes the reference to `owner`; says whether there was one. */
export function removeOwnerReference(
  owner: KubernetesObject,
  object: KubernetesObject,
  options: OwnerOptions = {},
): boolean {
  const kind = (options.scheme ?? defaultScheme).descriptorFor(owner);
  const references = object.metadata?.ownerReferences ?? [];
  const kept = references.filter(
    (ref) => !(groupOf(ref.apiVersion) === kind.group && ref.kind === kind.kind && ref.name === owner.metadata?.name),
  );
  if (kept.length === references.length || !object.metadata) return false;
  if (kept.length === 0) delete object.metadata.ownerReferences;
  else object.metadata.ownerReferences = kept;
  return true;
}

/** The controller owner reference of an object, if any. */
export function getControllerOf(object: KubernetesObject): OwnerReference | undefined {
  return object.metadata?.ownerReferences?.find((ref) => ref.controller === true);
}

/** Whether `owner` (by group, kind and name) is the controller of `object`. */
export function hasControllerReference(
  owner: KubernetesObject,
  object: KubernetesObject,
  options: OwnerOptions = {},
): boolean {
  const controller = getControllerOf(object);
  if (!controller) return false;
  const kind = (options.scheme ?? defaultScheme).descriptorFor(owner);
  return (
    groupOf(controller.apiVersion) === kind.group &&
    controller.kind === kind.kind &&
    controller.name === owner.metadata?.name
  );
}
