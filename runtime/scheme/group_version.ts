import type { KubernetesObject } from "../object.js";

/**
 * What the runtime knows about one kind: where it lives on the API server and how it is named.
 * Created once per kind with {@link GroupVersion.kind} and passed to the client, cache and builder
 * in place of Go's type parameter; `T` is carried for inference only.
 */
export interface KindDescriptor<T extends KubernetesObject = KubernetesObject> {
  /** API group; `""` for the core group. */
  readonly group: string;
  readonly version: string;
  /** `group/version`, or just `version` for the core group. */
  readonly apiVersion: string;
  readonly kind: string;
  /** The lower-case plural used in URLs (`machines`). */
  readonly plural: string;
  readonly namespaced: boolean;
  /** Never set at run time; lets `client.get(Machine, ...)` infer `Machine`. */
  readonly __object?: T;
}

/** The fields a kind declaration gives; the rest is derived from its group version. */
export interface KindOptions {
  kind: string;
  plural: string;
  /** Namespaced unless said otherwise, as CRDs scaffolded by kubebuilder are. */
  namespaced?: boolean;
}

/** A group and version, the scaffolded `groupversion_info.ts`'s `GroupVersion`. */
export interface GroupVersion {
  readonly group: string;
  readonly version: string;
  readonly apiVersion: string;
  /** Declares a kind of this group version and registers it in the default scheme. */
  kind<T extends KubernetesObject>(options: KindOptions): KindDescriptor<T>;
}

/**
 * A registry from apiVersion + kind to {@link KindDescriptor}, so writes can work from an object's
 * own `apiVersion`/`kind` (`client.create(obj)`).
 */
export class Scheme {
  #byGvk = new Map<string, KindDescriptor>();

  /** Registers a kind; registering the same apiVersion/kind twice with other names is an error. */
  add<T extends KubernetesObject>(descriptor: KindDescriptor<T>): KindDescriptor<T> {
    const key = `${descriptor.apiVersion}/${descriptor.kind}`;
    const existing = this.#byGvk.get(key);
    if (existing && (existing.plural !== descriptor.plural || existing.namespaced !== descriptor.namespaced)) {
      throw new Error(
        `kind ${descriptor.kind} of ${descriptor.apiVersion} is already registered with plural "${existing.plural}" ` +
          `(namespaced: ${existing.namespaced}); declare each kind once`,
      );
    }
    this.#byGvk.set(key, descriptor);
    return descriptor;
  }

  /** The descriptor for an apiVersion and kind, or undefined when not registered. */
  lookup(apiVersion: string, kind: string): KindDescriptor | undefined {
    return this.#byGvk.get(`${apiVersion}/${kind}`);
  }

  /**
   * The descriptor for an object, from its `apiVersion` and `kind`.
   * Errors: throws naming the missing fields or the unregistered kind and how to register it.
   */
  descriptorFor(obj: KubernetesObject): KindDescriptor {
    if (!obj.apiVersion || !obj.kind) {
      throw new Error(
        `object ${obj.metadata?.name ?? "(unnamed)"} has no apiVersion/kind; set both, or pass the kind descriptor explicitly`,
      );
    }
    const descriptor = this.lookup(obj.apiVersion, obj.kind);
    if (!descriptor) {
      throw new Error(
        `kind ${obj.kind} of ${obj.apiVersion} is not registered; declare it with defineGroupVersion(...).kind(...)`,
      );
    }
    return descriptor;
  }

  /** Every registered descriptor. */
  all(): KindDescriptor[] {
    return [...this.#byGvk.values()];
  }
}

/** The scheme `defineGroupVersion(...).kind(...)` registers into, and which clients use by default. */
export const defaultScheme = new Scheme();

/** Options of {@link defineGroupVersion}. */
export interface GroupVersionOptions {
  group: string;
  version: string;
  /** Where kinds register; the default scheme unless given. */
  scheme?: Scheme;
}

/** Declares an API group version, as kubebuilder's `groupversion_info.go` does. */
export function defineGroupVersion(options: GroupVersionOptions): GroupVersion {
  const { group, version } = options;
  const scheme = options.scheme ?? defaultScheme;
  const apiVersion = group === "" ? version : `${group}/${version}`;
  return {
    group,
    version,
    apiVersion,
    kind<T extends KubernetesObject>(kindOptions: KindOptions): KindDescriptor<T> {
      return scheme.add<T>(
        Object.freeze({
          group,
          version,
          apiVersion,
          kind: kindOptions.kind,
          plural: kindOptions.plural,
          namespaced: kindOptions.namespaced ?? true,
        }),
      );
    },
  };
}

/** `Kind.group` for logs and errors: `machines.useless.container.training`. */
export function resourceName(descriptor: KindDescriptor): string {
  return descriptor.group ? `${descriptor.plural}.${descriptor.group}` : descriptor.plural;
}
