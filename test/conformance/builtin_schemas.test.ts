/**
 * crdgen's schema for CRD fields of built-in types (PodTemplateSpec, ResourceRequirements,
 * LocalObjectReference) equals the reference kube-apiserver's /openapi/v3 schema for the same
 * types, path by path, up to the documented allow rules (harness/openapi_schema_compare.ts).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { startTestEnv, type TestEnv } from "uselessctl/testenv";
import { generateManifests } from "../../crdgen/index.js";
import { fixtureCompilerOptions } from "../../crdgen/internal/fixtures.js";
import { fixturesRoot } from "../crdgen-conformance/harness/fixtures.js";
import { sendRequest } from "./harness/http.js";
import {
  allowRules,
  compareWithReference,
  type ComparisonResult,
  type OpenApiSchema,
} from "./harness/openapi_schema_compare.js";
import { endpointOf, referenceUnavailableReason } from "./harness/targets.js";

const unavailable = referenceUnavailableReason();

/** The crdgen-conformance fixture whose fields have these types (controller-gen agrees with it byte for byte). */
const fixtureDir = join(fixturesRoot, "builtin-types", "pod_template", "v1");
const fields = [
  { path: "spec.template", type: "io.k8s.api.core.v1.PodTemplateSpec" },
  { path: "spec.resources", type: "io.k8s.api.core.v1.ResourceRequirements" },
  { path: "spec.overrides{*}", type: "io.k8s.api.core.v1.ResourceRequirements" },
  { path: "status.lastPod", type: "io.k8s.api.core.v1.LocalObjectReference" },
];

function crdgenSchema(): OpenApiSchema {
  const result = generateManifests(
    {
      rootDir: fixturesRoot,
      apiFiles: ["groupversion_info.ts", "types.ts"].map((file) => join(fixtureDir, file)),
      controllerFiles: [],
      compilerOptions: fixtureCompilerOptions(),
    },
    {},
  );
  assert.deepEqual(
    result.diagnostics.filter((diagnostic) => diagnostic.severity === "error"),
    [],
  );
  const schema = result.crds[0]?.spec.versions[0]?.schema.openAPIV3Schema;
  assert.ok(schema, "crdgen wrote no schema");
  return schema as OpenApiSchema;
}

function at(schema: OpenApiSchema, path: string): OpenApiSchema {
  let node = schema;
  for (const step of path.split(".")) {
    const [name, map] = step.endsWith("{*}") ? [step.slice(0, -3), true] : [step, false];
    node = (node["properties"] as Record<string, OpenApiSchema>)[name] as OpenApiSchema;
    if (map) node = node["additionalProperties"] as OpenApiSchema;
    assert.ok(node, `crdgen's schema has no ${path}`);
  }
  return node;
}

let env: TestEnv | undefined;
before(async () => {
  if (!unavailable) env = await startTestEnv({ controlPlane: "binaries", useExistingCluster: false });
});
after(() => env?.stop());

test(
  "crdgen's schemas of built-in types match kube-apiserver's OpenAPI path by path",
  { skip: unavailable },
  async (t) => {
    const response = await sendRequest(endpointOf(env as TestEnv), { path: "/openapi/v3/api/v1" });
    assert.equal(response.status, 200);
    const components = (response.body as { components: { schemas: Record<string, OpenApiSchema> } }).components.schemas;
    const schema = crdgenSchema();
    const total: ComparisonResult = { paths: 0, allowed: new Map(), differences: [] };
    for (const field of fields) {
      const reference = components[field.type];
      assert.ok(reference, `the server's document has no ${field.type}`);
      const crdgen = at(schema, field.path);
      // the field's own description is the CRD author's, not the type's
      const result = compareWithReference(
        { ...crdgen, description: reference["description"] },
        reference,
        components,
        field.path,
      );
      total.paths += result.paths;
      total.differences.push(...result.differences);
      for (const [rule, differences] of result.allowed)
        total.allowed.set(rule, [...(total.allowed.get(rule) ?? []), ...differences]);
    }
    t.diagnostic(`${total.paths} schema paths compared`);
    for (const rule of allowRules)
      t.diagnostic(`allowed by ${rule.name}: ${total.allowed.get(rule.name)?.length ?? 0}`);
    assert.ok(total.paths > 1000, `only ${total.paths} paths compared: the pod template was not walked`);
    assert.deepEqual(
      total.differences.slice(0, 20).map((difference) => JSON.stringify(difference)),
      [],
      `${total.differences.length} differences not explained by an allow rule`,
    );
  },
);
