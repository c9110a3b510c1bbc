/**
 * The committed `config/` is what `uselessctl generate manifests` makes of `api/` and
 * `controllers/` today: planned by the same library call, which must plan no write. Also checks that the
 * kustomizations list every CRD and sample, and that every sample fits its CRD's schema.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import type { JSONSchemaProps } from "../crdgen/index.js";
import { planManifests } from "../scaffold/index.js";
import { formatReport } from "../cli/report.js";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const rerun = "Run `make manifests` (or `npm run manifests`) and commit config/.";

// What `uselessctl generate manifests` would write here, planned and not committed.
const planned = await planManifests({ dir: repo });
const generatedPaths = [...planned.plan.files.map((file) => file.path), ...planned.unchanged].sort();

test("api/ and controllers/ generate without errors", () => {
  const errors = planned.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  assert.deepEqual(errors, [], formatReport(planned.diagnostics, { color: false, cwd: repo, rootDir: repo }));
});

test("the committed config/ equals what `uselessctl generate manifests` writes", () => {
  const outOfDate = planned.plan.files.map((file) => file.path);
  const stale = readdirSync(join(repo, "config/crd/bases"))
    .map((name) => `config/crd/bases/${name}`)
    .filter((path) => !generatedPaths.includes(path));
  if (!generatedPaths.includes("config/rbac/role.yaml") && existsSync(join(repo, "config/rbac/role.yaml"))) {
    stale.push("config/rbac/role.yaml");
  }
  assert.deepEqual(
    outOfDate,
    [],
    `config/ is out of date with api/ and controllers/: ${outOfDate.join(", ")}. ${rerun}`,
  );
  assert.deepEqual(
    stale,
    [],
    `config/ holds files the generator no longer writes: ${stale.join(", ")}. Delete them. ${rerun}`,
  );
});

test("the useless machine's CRDs are generated: machines and switches of useless.container.training", () => {
  assert.deepEqual(
    generatedPaths.filter((path) => path.startsWith("config/crd/")),
    [
      "config/crd/bases/useless.container.training_machines.yaml",
      "config/crd/bases/useless.container.training_switches.yaml",
    ],
  );
});

function kustomizationResources(path: string): string[] {
  const kustomization = yaml.load(readFileSync(join(repo, path), "utf8")) as { resources?: string[] };
  return [...(kustomization.resources ?? [])].sort();
}

test("config/crd/kustomization.yaml lists every generated CRD", () => {
  const bases = generatedPaths
    .filter((path) => path.startsWith("config/crd/bases/"))
    .map((path) => path.slice("config/crd/".length));
  assert.deepEqual(kustomizationResources("config/crd/kustomization.yaml"), bases);
});

test("config/samples/kustomization.yaml lists every sample", () => {
  const samples = readdirSync(join(repo, "config/samples"))
    .filter((name) => name.endsWith(".yaml") && name !== "kustomization.yaml")
    .sort();
  assert.deepEqual(kustomizationResources("config/samples/kustomization.yaml"), samples);
});

/** The problems of `value` against a structural schema: types, unknown fields, enums, minimums. */
function schemaProblems(value: unknown, schema: JSONSchemaProps, path: string): string[] {
  const kind = Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
  const expected = schema.type === "integer" ? "number" : schema.type;
  if (expected && expected !== kind) return [`${path}: expected ${schema.type}, found ${kind}`];
  if (schema.type === "integer" && !Number.isInteger(value)) return [`${path}: expected an integer`];
  const problems: string[] = [];
  if (schema.enum && !schema.enum.some((allowed) => allowed === value))
    problems.push(`${path}: ${String(value)} is not one of ${schema.enum.join(", ")}`);
  if (schema.minimum !== undefined && typeof value === "number" && value < schema.minimum) {
    problems.push(`${path}: ${value} is below the minimum ${schema.minimum}`);
  }
  if (kind === "object" && !schema["x-kubernetes-preserve-unknown-fields"]) {
    const object = value as Record<string, unknown>;
    for (const required of schema.required ?? [])
      if (!(required in object)) problems.push(`${path}.${required}: required`);
    for (const [key, child] of Object.entries(object)) {
      const childSchema =
        schema.properties?.[key] ??
        (typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined);
      if (!childSchema) problems.push(`${path}.${key}: unknown field`);
      else problems.push(...schemaProblems(child, childSchema, `${path}.${key}`));
    }
  }
  const items = schema.items;
  if (kind === "array" && items) {
    (value as unknown[]).forEach((item, index) => problems.push(...schemaProblems(item, items, `${path}[${index}]`)));
  }
  return problems;
}

test("every sample in config/samples/ fits the schema of its CRD", () => {
  const crds = planned.crds;
  const samples = readdirSync(join(repo, "config/samples")).filter(
    (name) => name.endsWith(".yaml") && name !== "kustomization.yaml",
  );
  assert.ok(samples.length >= 2);
  for (const name of samples) {
    const sample = yaml.load(readFileSync(join(repo, "config/samples", name), "utf8")) as {
      apiVersion: string;
      kind: string;
      spec?: unknown;
    };
    const [group, version] = sample.apiVersion.split("/");
    const crd = crds.find((candidate) => candidate.spec.group === group && candidate.spec.names.kind === sample.kind);
    assert.ok(crd, `${name}: no generated CRD for ${sample.apiVersion} ${sample.kind}`);
    const served = crd.spec.versions.find((candidate) => candidate.name === version);
    assert.ok(served, `${name}: the ${sample.kind} CRD has no version ${version}`);
    const specSchema = served.schema.openAPIV3Schema.properties?.["spec"];
    assert.ok(specSchema, `${name}: the ${sample.kind} CRD has no spec schema`);
    assert.deepEqual(schemaProblems(sample.spec, specSchema, "spec"), [], `config/samples/${name}`);
  }
});
