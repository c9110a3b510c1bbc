import type { KubernetesObject } from "../object.js";
import { defaultScheme, type Scheme } from "../scheme/group_version.js";
import { isNotFound } from "../client/errors.js";
import { deepEqual, mergeFrom } from "../client/patch.js";
import type { Client } from "../client/types.js";

/** What {@link createOrUpdate} / {@link createOrPatch} did. */
export type OperationResult = "unchanged" | "created" | "updated" | "updatedStatus" | "updatedStatusOnly";

/** Brings the object to its desired state; may be called on a fresh or on a read object. */
export type MutateFn = () => void | Promise<void>;

/** Options of {@link createOrUpdate} and {@link createOrPatch}. */
export interface CreateOrUpdateOptions {
  scheme?: Scheme;
}

async function readInto(client: Client, obj: KubernetesObject, scheme: Scheme): Promise<boolean> {
  const kind = scheme.descriptorFor(obj);
  const name = obj.metadata?.name;
  if (!name) throw new Error(`createOrUpdate ${kind.kind}: set metadata.name (generateName cannot be looked up)`);
  try {
    const current = await client.get(kind, { namespace: obj.metadata?.namespace, name });
    for (const key of Object.keys(obj)) delete (obj as Record<string, unknown>)[key];
    Object.assign(obj, current);
    return true;
  } catch (err) {
    if (isNotFound(err)) return false;
    throw err;
  }
}

async function mutateKeepingKey(obj: KubernetesObject, mutate: MutateFn): Promise<void> {
  const name = obj.metadata?.name;
  const namespace = obj.metadata?.namespace;
  await mutate();
  if (obj.metadata?.name !== name || obj.metadata?.namespace !== namespace) {
    throw new Error(
      `the mutate function changed the object's name or namespace (${namespace}/${name}); it must only change content`,
    );
  }
}

/**
 * Reads the object named by `obj` into `obj`; creates it after `mutate` if missing, otherwise
 * runs `mutate` and updates it when anything changed (controller-runtime's `CreateOrUpdate`).
 * Errors: whatever the client throws (a conflict means someone else wrote first: requeue);
 * an Error if `mutate` renames the object.
 */
export async function createOrUpdate(
  client: Client,
  obj: KubernetesObject,
  mutate: MutateFn,
  options: CreateOrUpdateOptions = {},
): Promise<OperationResult> {
  const scheme = options.scheme ?? defaultScheme;
  if (!(await readInto(client, obj, scheme))) {
    await mutateKeepingKey(obj, mutate);
    await client.create(obj);
    return "created";
  }
  const before = structuredClone(obj);
  await mutateKeepingKey(obj, mutate);
  if (deepEqual(before, obj)) return "unchanged";
  await client.update(obj);
  return "updated";
}

/**
 * Like {@link createOrUpdate} but writes merge patches of what `mutate` changed: one for the
 * object and, when status changed, one through the status subresource.
 */
export async function createOrPatch(
  client: Client,
  obj: KubernetesObject,
  mutate: MutateFn,
  options: CreateOrUpdateOptions = {},
): Promise<OperationResult> {
  const scheme = options.scheme ?? defaultScheme;
  if (!(await readInto(client, obj, scheme))) {
    await mutateKeepingKey(obj, mutate);
    const status = (obj as { status?: unknown }).status;
    await client.create(obj);
    if (status !== undefined && !deepEqual(status, (obj as { status?: unknown }).status)) {
      const created = structuredClone(obj);
      (obj as { status?: unknown }).status = status;
      await client.status().patch(obj, mergeFrom(created));
    }
    return "created";
  }
  const before = structuredClone(obj) as KubernetesObject & { status?: unknown };
  await mutateKeepingKey(obj, mutate);
  const after = obj as KubernetesObject & { status?: unknown };
  const { status: statusBefore, ...restBefore } = before;
  const { status: statusAfter, ...restAfter } = after;
  const contentChanged = !deepEqual(restBefore, restAfter);
  const statusChanged = !deepEqual(statusBefore, statusAfter);
  if (contentChanged) {
    const wantedStatus = structuredClone(statusAfter);
    await client.patch(obj, mergeFrom({ ...restBefore, status: statusAfter } as KubernetesObject));
    if (statusChanged) (obj as { status?: unknown }).status = wantedStatus;
  }
  if (statusChanged) {
    // Diff against the object as it is now, with only the status rolled back.
    const base = { ...structuredClone(obj), status: statusBefore } as KubernetesObject;
    await client.status().patch(obj, mergeFrom(base));
  }
  if (contentChanged && statusChanged) return "updatedStatus";
  if (contentChanged) return "updated";
  if (statusChanged) return "updatedStatusOnly";
  return "unchanged";
}
