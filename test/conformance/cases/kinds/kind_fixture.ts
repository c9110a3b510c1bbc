/**
 * A per-kind fixture: the objects a built-in kind's conformance cases are made of (see
 * kind_cases.ts). One fixture file per group (core is shared by three owners: one file each,
 * `core_<area>.ts`), each exporting its fixtures, listed in index.ts.
 *
 * Objects are written without metadata.name and namespace: the builder names each one after the
 * case (so that cluster-scoped objects of two cases never meet) and puts namespaced ones in the
 * case's namespace; a field that must name that namespace holds {@link NAMESPACE}. Everything a server answers is recorded and compared between the servers, so
 * a fixture states nothing about the answers: what kube-apiserver does is the expected value.
 */
export interface KindFixture {
  /** "" for the core group. */
  readonly group: string;
  readonly version: string;
  /** The plural resource name, as discovery lists it. */
  readonly resource: string;
  readonly kind: string;
  readonly namespaced: boolean;
  /** The smallest valid object: what the server defaults shows here. */
  readonly minimal: FixtureObject;
  /** An object that sets the fields users set, lists and maps included. */
  readonly full: FixtureObject;
  /** The full object changed as an update would change it (PUT, after reading the stored one). */
  readonly update?: (stored: FixtureObject) => FixtureObject;
  /**
   * A strategic merge patch of the full object that exercises the kind's patch keys (lists merged
   * by their patchMergeKey, `$patch: delete`, `$setElementOrder`...), sent as PATCH.
   */
  readonly strategicMergePatch?: FixtureObject;
  /** A status written through /status, for a kind with a status subresource. */
  readonly status?: FixtureObject;
  /** A field selector the kind supports besides metadata.name/namespace (`status.phase=Active`). */
  readonly fieldSelector?: string;
  /** Invalid objects, each created in turn: their errors are compared. */
  readonly invalid?: readonly InvalidObject[];
}

export type FixtureObject = Record<string, unknown>;

export interface InvalidObject {
  /** What is wrong with it, in a few words (`a key with a space`). */
  readonly why: string;
  readonly object: FixtureObject;
}

/** Stands for the case's namespace anywhere in a fixture's objects and patches. */
export const NAMESPACE = "$(namespace)";

export function apiVersionOf(fixture: Pick<KindFixture, "group" | "version">): string {
  return fixture.group ? `${fixture.group}/${fixture.version}` : fixture.version;
}
