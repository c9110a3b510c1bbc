/**
 * The stored RBAC policy, indexed for authorization: ClusterRoles and Roles by name, and the
 * bindings by the subjects they name, so that finding what applies to a user costs a few map
 * lookups however many bindings exist. The index is rebuilt lazily after any write to one of the
 * four collections.
 */
import type { Store } from "../../storage/store.js";
import type { KubeObject } from "../../storage/types.js";
import type { UserInfo } from "../user.js";
import type { PolicyRule } from "./policy_rule.js";

export const rbacGroup = "rbac.authorization.k8s.io";
export const policyCollections = {
  roles: `${rbacGroup}/roles`,
  clusterRoles: `${rbacGroup}/clusterroles`,
  roleBindings: `${rbacGroup}/rolebindings`,
  clusterRoleBindings: `${rbacGroup}/clusterrolebindings`,
} as const;

export interface Subject {
  kind?: string;
  apiGroup?: string;
  name?: string;
  namespace?: string;
}

export interface RoleRef {
  apiGroup?: string;
  kind?: string;
  name?: string;
}

/** A binding as the resolver sees it. */
export interface Binding {
  readonly object: KubeObject;
  readonly namespace: string;
  readonly name: string;
  readonly roleRef: RoleRef;
  readonly subjects: readonly Subject[];
  /** Position in stored (name) order: rules are visited in this order, as a lister lists. */
  readonly order: number;
}

export const serviceAccountPrefix = "system:serviceaccount:";

/** The index keys a subject is found under. */
function subjectKey(subject: Subject, bindingNamespace: string): string | undefined {
  switch (subject.kind) {
    case "User":
      return `User:${subject.name ?? ""}`;
    case "Group":
      return `Group:${subject.name ?? ""}`;
    case "ServiceAccount": {
      // A RoleBinding's subject without a namespace means the binding's own.
      const namespace = subject.namespace || bindingNamespace;
      return namespace ? `User:${serviceAccountPrefix}${namespace}:${subject.name ?? ""}` : undefined;
    }
    default:
      return undefined;
  }
}

/** The keys under which bindings naming `user` are indexed. */
function userKeys(user: UserInfo): string[] {
  return [`User:${user.username}`, ...user.groups.map((group) => `Group:${group}`)];
}

/** appliesTo: the first subject of `binding` that names `user`. */
export function subjectFor(binding: Binding, user: UserInfo): Subject | undefined {
  const keys = new Set(userKeys(user));
  return binding.subjects.find((subject) => {
    const key = subjectKey(subject, binding.namespace);
    return key !== undefined && keys.has(key);
  });
}

function asList<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as (T | null)[]).map((item) => item ?? ({} as T)) : [];
}

/** One consistent view of the policy. */
class PolicySnapshot {
  readonly clusterRoles = new Map<string, KubeObject>();
  readonly roles = new Map<string, KubeObject>();
  readonly #clusterBindings = new Map<string, Binding[]>();
  /** namespace → key → bindings */
  readonly #roleBindings = new Map<string, Map<string, Binding[]>>();

  constructor(store: Store) {
    for (const role of store.list(policyCollections.clusterRoles))
      this.clusterRoles.set(role.metadata.name ?? "", role);
    for (const role of store.list(policyCollections.roles))
      this.roles.set(`${role.metadata.namespace ?? ""}/${role.metadata.name ?? ""}`, role);
    store.list(policyCollections.clusterRoleBindings).forEach((object, order) => {
      this.#index(this.#clusterBindings, this.#binding(object, order));
    });
    store.list(policyCollections.roleBindings).forEach((object, order) => {
      const binding = this.#binding(object, order);
      let byKey = this.#roleBindings.get(binding.namespace);
      if (!byKey) this.#roleBindings.set(binding.namespace, (byKey = new Map()));
      this.#index(byKey, binding);
    });
  }

  #binding(object: KubeObject, order: number): Binding {
    const roleRef = object.roleRef;
    return {
      object,
      namespace: object.metadata.namespace ?? "",
      name: object.metadata.name ?? "",
      roleRef: roleRef !== null && typeof roleRef === "object" ? (roleRef as RoleRef) : {},
      subjects: asList<Subject>(object.subjects),
      order,
    };
  }

  #index(index: Map<string, Binding[]>, binding: Binding): void {
    const keys = new Set<string>();
    for (const subject of binding.subjects) {
      const key = subjectKey(subject, binding.namespace);
      if (key !== undefined) keys.add(key);
    }
    for (const key of keys) {
      const list = index.get(key);
      if (list) list.push(binding);
      else index.set(key, [binding]);
    }
  }

  /** The ClusterRoleBindings naming `user`, in stored order. */
  clusterBindingsFor(user: UserInfo): Binding[] {
    return collect(this.#clusterBindings, userKeys(user));
  }

  /** The RoleBindings of `namespace` naming `user`, in stored order. */
  roleBindingsFor(user: UserInfo, namespace: string): Binding[] {
    const byKey = this.#roleBindings.get(namespace);
    return byKey ? collect(byKey, userKeys(user)) : [];
  }
}

function collect(index: Map<string, Binding[]>, keys: readonly string[]): Binding[] {
  const found: Binding[] = [];
  for (const key of keys) {
    const bindings = index.get(key);
    if (bindings) found.push(...bindings);
  }
  if (found.length < 2) return found;
  // A binding naming the user twice (as a user and through a group) counts once.
  return [...new Set(found)].sort((left, right) => left.order - right.order);
}

/** Rules of a Role or ClusterRole object. */
export function rulesOf(role: KubeObject): PolicyRule[] {
  return asList<PolicyRule>(role.rules);
}

/** The live policy of a store: a snapshot rebuilt on the first read after a change. */
export class PolicyIndex {
  readonly #store: Store;
  #snapshot: PolicySnapshot | undefined;
  readonly #unsubscribe: (() => void)[] = [];

  constructor(store: Store) {
    this.#store = store;
    for (const collection of Object.values(policyCollections))
      this.#unsubscribe.push(store.subscribe(collection, () => (this.#snapshot = undefined)));
  }

  /** The current policy. A caller that writes must take a new one afterwards. */
  snapshot(): PolicySnapshot {
    // The store tells listeners once a write is durable, before the write is answered: a
    // client's next request sees its own change.
    this.#snapshot ??= new PolicySnapshot(this.#store);
    return this.#snapshot;
  }

  stop(): void {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
  }
}

export type { PolicySnapshot };
