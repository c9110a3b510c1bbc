/**
 * The Widget CRD of the schema cases: a namespaced kind in a group named after the case's namespace,
 * with the spec schema and versions a case gives, and helpers to install it and write widgets.
 */
import type { Area, CaseContext, ConformanceCase } from "../harness/case.js";
import { bodyOf, CRDS, expectStatus } from "./helpers.js";

export type Schema = Record<string, unknown>;
export interface VersionOptions {
  readonly name: string;
  readonly storage: boolean;
  readonly deprecated?: boolean;
  readonly deprecationWarning?: string;
}

export function widgetCrd(group: string, spec: Schema, versions: readonly VersionOptions[]) {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `widgets.${group}` },
    spec: {
      group,
      scope: "Namespaced",
      names: { plural: "widgets", singular: "widget", kind: "Widget", listKind: "WidgetList" },
      versions: versions.map((version) => ({
        ...version,
        served: true,
        schema: { openAPIV3Schema: { type: "object", properties: { spec } } },
      })),
    },
  };
}

/** A Widget CRD with this spec schema, installed and served; returns the collection path of `version`. */
export async function installWidgets(
  t: CaseContext,
  spec: Schema,
  versions: readonly VersionOptions[] = [{ name: "v1", storage: true }],
) {
  const group = `${t.namespace}.schema.example.com`;
  const created = await t.send({ method: "POST", path: CRDS, body: widgetCrd(group, spec, versions) });
  expectStatus(created, 201);
  const paths = versions.map((version) => `/apis/${group}/${version.name}/namespaces/${t.namespace}/widgets`);
  for (const path of paths)
    await t.eventually(`${path} to be served`, async () =>
      (await t.send({ path })).status === 200 ? true : undefined,
    );
  return { group, paths };
}

export function widget(
  group: string,
  name: string,
  spec: unknown,
  metadata: Record<string, unknown> = {},
  version = "v1",
) {
  return { apiVersion: `${group}/${version}`, kind: "Widget", metadata: { name, ...metadata }, spec };
}

/** A spec with one string field, for cases about versions rather than validation. */
export const plainSchema: Schema = { type: "object", properties: { a: { type: "string" } } };

/** Installs a CRD with `spec`, creates each body in turn, expecting the statuses given. */
export function createsCase(
  area: Area,
  name: string,
  spec: Schema,
  attempts: readonly { spec: unknown; metadata?: Record<string, unknown>; status: number }[],
): ConformanceCase {
  return {
    area,
    name,
    async run(t) {
      const { group, paths } = await installWidgets(t, spec);
      for (const [index, attempt] of attempts.entries()) {
        const response = await t.http({
          method: "POST",
          path: paths[0]!,
          body: widget(group, `w${index}`, attempt.spec, attempt.metadata),
        });
        expectStatus(response, attempt.status);
      }
    },
  };
}

/** Creates a widget, then replaces its spec with each of `updates` in turn, expecting the statuses given. */
export function updatesCase(
  area: Area,
  name: string,
  spec: Schema,
  initial: unknown,
  updates: readonly { spec: unknown; status: number }[],
): ConformanceCase {
  return {
    area,
    name,
    async run(t) {
      const { group, paths } = await installWidgets(t, spec);
      const path = paths[0]!;
      expectStatus(await t.http({ method: "POST", path, body: widget(group, "w", initial) }), 201);
      for (const update of updates) {
        const current = bodyOf(await t.send({ path: `${path}/w` }));
        const response = await t.http({ method: "PUT", path: `${path}/w`, body: { ...current, spec: update.spec } });
        expectStatus(response, update.status);
      }
    },
  };
}
