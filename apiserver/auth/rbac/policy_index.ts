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
  /** Each subject's index key (undefined for one that names no one), in subject order. */
  readonly subjectKeys: readonly (string | undefined)[];
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

/** The keys under which bindings naming `user` are indexed: computed once per request. */
export function userKeys(user: UserInfo): readonly string[] {
  const keys = [`User:${user.username}`];
  for (const group of user.groups) keys.push(`Group:${group}`);
  return keys;
}

/** appliesTo: the first subject of `binding` that names the user of `keys`. */
export function subjectFor(binding: Binding, keys: readonly string[]): Subject | undefined {
  for (let index = 0; index < binding.subjectKeys.length; index++) {
    const key = binding.subjectKeys[index];
    if (key !== undefined && keys.includes(key)) return binding.subjects[index];
  }
  return undefined;
}

function asList<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as (T | null)[]).map((item) => item ?? ({} as T)) : [];
}

/** One consistent view of the policy. */
class PolicySnapshot {
  /** ClusterRole name → its rules. */
  readonly clusterRoles = new Map<string, PolicyRule[]>();
  /** `namespace/name` → the Role's rules. */
  readonly roles = new Map<string, PolicyRule[]>();
  readonly #clusterBindings = new Map<string, Binding[]>();
  /** namespace → key → bindings */
  readonly #roleBindings = new Map<string, Map<string, Binding[]>>();

  constructor(store: Store) {
    for (const role of store.list(policyCollections.clusterRoles))
      this.clusterRoles.set(role.metadata.name ?? "", rulesOf(role));
    for (const role of store.list(policyCollections.roles))
      this.roles.set(`${role.metadata.namespace ?? ""}/${role.metadata.name ?? ""}`, rulesOf(role));
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
    const namespace = object.metadata.namespace ?? "";
    const subjects = asList<Subject>(object.subjects);
    return {
      object,
      namespace,
      name: object.metadata.name ?? "",
      roleRef: roleRef !== null && typeof roleRef === "object" ? (roleRef as RoleRef) : {},
      subjects,
      subjectKeys: subjects.map((subject) => subjectKey(subject, namespace)),
      order,
    };
  }

  #index(index: Map<string, Binding[]>, binding: Binding): void {
    for (const key of new Set(binding.subjectKeys)) {
      if (key === undefined) continue;
      const list = index.get(key);
      if (list) list.push(binding);
      else index.set(key, [binding]);
    }
  }

  /** The ClusterRoleBindings naming the user of `keys`, in stored order. */
  clusterBindingsFor(keys: readonly string[]): Binding[] {
    return collect(this.#clusterBindings, keys);
  }

  /** The RoleBindings of `namespace` naming the user of `keys`, in stored order. */
  roleBindingsFor(keys: readonly string[], namespace: string): Binding[] {
    const byKey = this.#roleBindings.get(namespace);
    return byKey ? collect(byKey, keys) : [];
  }
}

function collect(index: Map<string, Binding[]>, keys: readonly string[]): Binding[] {
  let found: Binding[] | undefined;
  let lists = 0;
  for (const key of keys) {
    const bindings = index.get(key);
    if (!bindings) continue;
    lists += 1;
    found = found ? found.concat(bindings) : bindings;
  }
  if (!found) return [];
  if (lists < 2) return found;
  // Several subjects' lists: back in stored order, a binding naming the user twice (as a user
  // and through a group) once.
  const sorted = [...found].sort((left, right) => left.order - right.order);
  return sorted.filter((binding, position) => position === 0 || sorted[position - 1] !== binding);
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
