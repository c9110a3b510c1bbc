/**
 * Builds each kind's conformance cases from its fixture (kind_fixture.ts): a lifecycle case
 * (create minimal and full objects, get, list with a field selector, Table, update, strategic merge
 * patch, status write, scale read, delete) and, when the fixture has invalid objects, a case that
 * creates each of them. Both run on both servers and are compared as every case is.
 */
import type { CaseContext, ConformanceCase } from "../../harness/case.js";
import { expectStatus, bodyOf } from "../helpers.js";
import { apiVersionOf, NAMESPACE, type FixtureObject, type KindFixture } from "./kind_fixture.js";

const TABLE = "application/json;as=Table;g=meta.k8s.io;v=v1";
const STRATEGIC = "application/strategic-merge-patch+json";

/** The collection path of a fixture's kind, in `namespace` when the kind is namespaced. */
function collectionPath(fixture: KindFixture, namespace: string): string {
  const prefix = fixture.group ? `/apis/${apiVersionOf(fixture)}` : "/api/v1";
  return `${prefix}${fixture.namespaced ? `/namespaces/${namespace}` : ""}/${fixture.resource}`;
}

/** `value` with every {@link NAMESPACE} string replaced by the case's namespace. */
function inNamespace(value: unknown, namespace: string): unknown {
  if (value === NAMESPACE) return namespace;
  if (Array.isArray(value)) return value.map((item) => inNamespace(item, namespace));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inNamespace(item, namespace)]));
}

/** A fixture object named `name`, with its apiVersion and kind, for the case in `namespace`. */
function named(fixture: KindFixture, object: FixtureObject, name: string, namespace: string): FixtureObject {
  const metadata = { ...(object.metadata as FixtureObject | undefined), name };
  return inNamespace(
    { apiVersion: apiVersionOf(fixture), kind: fixture.kind, ...object, metadata },
    namespace,
  ) as FixtureObject;
}

/** What discovery lists a kind's subresources by: read once per case from the server under test. */
async function subresourcesOf(t: CaseContext, fixture: KindFixture): Promise<Set<string>> {
  const path = fixture.group ? `/apis/${apiVersionOf(fixture)}` : "/api/v1";
  const response = await t.send({ path });
  const names = ((bodyOf(response).resources ?? []) as { name: string }[]).map((entry) => entry.name);
  const prefix = `${fixture.resource}/`;
  return new Set(names.filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length)));
}

/**
 * An object's name: the case's namespace (which starts with the case's number) cut so that the
 * name fits the shortest limit a kind has, a CronJob's 52 characters.
 */
function objectName(namespace: string, suffix: string): string {
  return `${namespace.slice(0, 52 - suffix.length - 1).replace(/-$/, "")}-${suffix}`;
}

async function lifecycle(t: CaseContext, fixture: KindFixture): Promise<void> {
  const collection = collectionPath(fixture, t.namespace);
  // Cluster-scoped objects are named after the case, so no two cases share one.
  const minimalName = objectName(t.namespace, "min");
  const fullName = objectName(t.namespace, "full");
  expectStatus(
    await t.http({ method: "POST", path: collection, body: named(fixture, fixture.minimal, minimalName, t.namespace) }),
    201,
  );
  expectStatus(
    await t.http({ method: "POST", path: collection, body: named(fixture, fixture.full, fullName, t.namespace) }),
    201,
  );
  const stored = await t.http({ path: `${collection}/${fullName}` });
  expectStatus(stored, 200);
  const nameSelector = `metadata.name=${fullName}`;
  expectStatus(await t.http({ path: `${collection}?fieldSelector=${encodeURIComponent(nameSelector)}` }), 200);
  if (fixture.fieldSelector) {
    // A cluster-scoped list would show every case's objects: keep to this case's full object.
    const selector = fixture.namespaced ? fixture.fieldSelector : `${nameSelector},${fixture.fieldSelector}`;
    expectStatus(await t.http({ path: `${collection}?fieldSelector=${encodeURIComponent(selector)}` }), 200);
  }
  expectStatus(await t.http({ path: `${collection}/${fullName}`, accept: TABLE }), 200);
  if (fixture.update) {
    const body = fixture.update(structuredClone(bodyOf(stored)));
    expectStatus(
      await t.http({ method: "PUT", path: `${collection}/${fullName}`, body: inNamespace(body, t.namespace) }),
      200,
    );
  }
  if (fixture.strategicMergePatch) {
    const patch = { method: "PATCH", path: `${collection}/${fullName}`, contentType: STRATEGIC };
    expectStatus(await t.http({ ...patch, body: inNamespace(fixture.strategicMergePatch, t.namespace) }), 200);
  }
  const subresources = await subresourcesOf(t, fixture);
  if (fixture.status && subresources.has("status")) {
    const current = bodyOf(await t.send({ path: `${collection}/${fullName}` }));
    const body = { ...current, status: fixture.status };
    expectStatus(await t.http({ method: "PUT", path: `${collection}/${fullName}/status`, body }), 200);
  }
  if (subresources.has("scale")) expectStatus(await t.http({ path: `${collection}/${fullName}/scale` }), 200);
  const deletions = [];
  for (const name of [minimalName, fullName])
    deletions.push(await t.http({ method: "DELETE", path: `${collection}/${name}` }));
  // An object kept for its finalizers goes when a controller says so: reading it then would race.
  const kept = deletions.some((response) => bodyOf(response).metadata?.deletionTimestamp !== undefined);
  if (!kept) expectStatus(await t.http({ path: `${collection}/${minimalName}` }), 404);
}

async function invalidObjects(t: CaseContext, fixture: KindFixture): Promise<void> {
  const collection = collectionPath(fixture, t.namespace);
  for (const [index, { object }] of (fixture.invalid ?? []).entries()) {
    const response = await t.http({
      method: "POST",
      path: collection,
      body: named(fixture, object, objectName(t.namespace, `bad-${index}`), t.namespace),
    });
    if (response.status < 400) throw new Error(`invalid object ${index} was accepted (${response.status})`);
  }
}

/** The cases of each fixture, in fixture order. */
export function kindCases(fixtures: readonly KindFixture[]): ConformanceCase[] {
  return fixtures.flatMap((fixture) => {
    const title = `${fixture.resource}.${apiVersionOf(fixture)}`;
    const cases: ConformanceCase[] = [
      {
        area: "kinds",
        name: `${title}: minimal and full objects are created, read, listed, printed, updated, patched and deleted`,
        run: (t) => lifecycle(t, fixture),
      },
    ];
    if (fixture.invalid?.length)
      cases.push({
        area: "kinds",
        name: `${title}: invalid objects are refused (${fixture.invalid.map(({ why }) => why).join("; ")})`,
        run: (t) => invalidObjects(t, fixture),
      });
    return cases;
  });
}
