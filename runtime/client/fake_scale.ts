import type { KubernetesObject } from "../object.js";
import type { KindDescriptor, Scheme } from "../scheme/group_version.js";
import type { Patch } from "./patch.js";
import { applyMergePatch } from "../../apimachinery/index.js";
import { fakeApiError } from "./fake_support.js";
import type { Reader, SubResourceClient, SubResourcePatchOptions, SubResourceUpdateOptions, Writer } from "./types.js";
import type { Scale } from "../apis/k8s/autoscaling/v1.js";
import { selectorFromLabelSelector, selectorFromSet, type LabelSelector } from "../../apimachinery/index.js";

/**
 * The scale subresource as kube-apiserver serves it for its built-in kinds (the registries'
 * `scaleFrom<Kind>` and scale updates in pkg/registry): an autoscaling/v1 Scale whose spec is the
 * parent's `spec.replicas` and whose status is its `status.replicas` and selector in string form.
 * The fake client serves it over its own reads and updates of the parent; the API client lets
 * the server do it.
 */

interface Scalable extends KubernetesObject {
  spec?: { replicas?: number; selector?: unknown };
  status?: { replicas?: number };
}

/** How each built-in kind with a scale subresource keeps its selector. */
const SELECTOR_FORMS: Record<string, "labelSelector" | "set"> = {
  "apps/v1/Deployment": "labelSelector",
  "apps/v1/ReplicaSet": "labelSelector",
  "apps/v1/StatefulSet": "labelSelector",
  "v1/ReplicationController": "set",
};

function selectorForm(kind: KindDescriptor): "labelSelector" | "set" {
  const form = SELECTOR_FORMS[`${kind.apiVersion}/${kind.kind}`];
  if (!form) {
    throw new Error(
      `${kind.kind} of ${kind.apiVersion} has no scale subresource here: the built-in kinds with one are ` +
        Object.keys(SELECTOR_FORMS).join(", "),
    );
  }
  return form;
}

function withoutEmpty<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== 0 && value !== "")) as Partial<T>;
}

/**
 * The Scale of a Deployment, ReplicaSet, StatefulSet or ReplicationController.
 * Errors: throws naming the kind when it has no scale subresource.
 */
function scaleOf(kind: KindDescriptor, obj: KubernetesObject): Scale {
  const form = selectorForm(kind);
  const { spec, status, metadata } = obj as Scalable;
  const selector =
    form === "set"
      ? selectorFromSet((spec?.selector ?? {}) as Record<string, string>)
      : selectorFromLabelSelector((spec?.selector ?? {}) as LabelSelector);
  return {
    apiVersion: "autoscaling/v1",
    kind: "Scale",
    metadata: {
      name: metadata?.name,
      namespace: metadata?.namespace,
      uid: metadata?.uid,
      resourceVersion: metadata?.resourceVersion,
      creationTimestamp: metadata?.creationTimestamp,
    },
    // Replicas default to 1 when the object is created, as the API server's defaulting does; zero
    // and empty values are left out as Go's omitempty does.
    spec: withoutEmpty({ replicas: spec?.replicas ?? 1 }),
    status: { replicas: status?.replicas ?? 0, ...withoutEmpty({ selector: selector.toString() }) },
  };
}

/**
 * The object with the replicas of `scale`, and the scale's resourceVersion (when it has one) as
 * the precondition of the write, as a scale update on the server does.
 */
function withScale<T extends KubernetesObject>(kind: KindDescriptor, obj: T, scale: Scale): T {
  selectorForm(kind);
  const next = structuredClone(obj) as T & Scalable;
  next.spec = { ...next.spec, replicas: scale.spec?.replicas ?? 0 };
  const resourceVersion = scale.metadata?.resourceVersion;
  if (resourceVersion) next.metadata = { ...next.metadata, resourceVersion };
  return next;
}

/**
 * The scale subresource over `client`'s reads and updates of the parent: a scale update is an
 * update of the parent's replicas, so it bumps the generation and fails on a stale resourceVersion.
 */
export function fakeScaleClient(client: Reader & Writer, scheme: Scheme): SubResourceClient {
  async function current(obj: KubernetesObject): Promise<{ kind: KindDescriptor; parent: KubernetesObject }> {
    const kind = scheme.descriptorFor(obj);
    selectorForm(kind);
    const name = obj.metadata?.name ?? "";
    return { kind, parent: await client.get(kind, { namespace: obj.metadata?.namespace, name }) };
  }
  async function write<S extends KubernetesObject>(obj: KubernetesObject, scale: Scale, into: S): Promise<S> {
    const { kind, parent } = await current(obj);
    const written = await client.update(withScale(kind, parent, scale));
    return Object.assign(into, scaleOf(kind, written));
  }
  return {
    async get<S extends KubernetesObject>(obj: KubernetesObject): Promise<S> {
      const { kind, parent } = await current(obj);
      return scaleOf(kind, parent) as S;
    },
    async create(): Promise<never> {
      throw fakeApiError(405, "MethodNotAllowed", "the scale subresource cannot be created");
    },
    async update<T extends KubernetesObject, S extends KubernetesObject = T>(
      obj: T,
      options?: SubResourceUpdateOptions<S>,
    ): Promise<S> {
      const body = options?.subResourceBody;
      if (!body)
        throw fakeApiError(400, "BadRequest", "a scale update needs options.subResourceBody: the Scale to write");
      return write(obj, body as Scale, body);
    },
    async patch<T extends KubernetesObject, S extends KubernetesObject = T>(
      obj: T,
      patch: Patch,
      options?: SubResourcePatchOptions<S>,
    ): Promise<S> {
      if (patch.type === "json") throw new Error("the fake client does not support JSON patches; use mergePatch");
      const { kind, parent } = await current(obj);
      const patched = applyMergePatch(scaleOf(kind, parent), patch.data(options?.subResourceBody ?? obj)) as Scale;
      return write(obj, patched, (options?.subResourceBody ?? {}) as S);
    },
  };
}
