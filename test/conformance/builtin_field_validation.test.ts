/**
 * A custom resource whose CRD holds built-in types (a pod template, resource requirements, as
 * crdgen generates them) is validated by the local API server as by kube-apiserver: a container
 * port given as a string and a malformed quantity are refused with the same status and message.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { after, before, test } from "node:test";
import { startTestEnv, type TestEnv } from "uselessctl/testenv";
import { generateManifests } from "../../crdgen/index.js";
import { fixtureCompilerOptions } from "../../crdgen/internal/fixtures.js";
import { fixturesRoot } from "../crdgen-conformance/harness/fixtures.js";
import { sendRequest } from "./harness/http.js";
import { endpointOf, referenceUnavailableReason } from "./harness/targets.js";

const unavailable = referenceUnavailableReason();
const fixtureDir = join(fixturesRoot, "builtin-types", "pod_template", "v1");
const group = "podtemplate.builtin-types.conformance.uselessctl.dev";
const quantityPattern =
  "'^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$'";

const container = (extra: object) => ({ name: "app", image: "nginx", ...extra });
const cases = [
  {
    name: "port-string",
    spec: { template: { spec: { containers: [container({ ports: [{ containerPort: "eighty" }] })] } } },
    message:
      'spec.template.spec.containers[0].ports[0].containerPort: Invalid value: "string": spec.template.spec.containers[0].ports[0].containerPort in body must be of type integer: "string"',
  },
  {
    name: "quantity",
    spec: { template: { spec: { containers: [container({})] } }, resources: { limits: { cpu: "two cores" } } },
    message: `spec.resources.limits.cpu: Invalid value: "two cores": spec.resources.limits.cpu in body should match ${quantityPattern}`,
  },
  {
    name: "container-quantity",
    spec: { template: { spec: { containers: [container({ resources: { requests: { memory: "1Gb" } } })] } } },
    message: `spec.template.spec.containers[0].resources.requests.memory: Invalid value: "1Gb": spec.template.spec.containers[0].resources.requests.memory in body should match ${quantityPattern}`,
  },
  {
    name: "valid",
    spec: {
      template: { spec: { containers: [container({ ports: [{ containerPort: 80 }] })] } },
      resources: { limits: { cpu: 2, memory: "1Gi" } },
    },
    message: undefined,
  },
];

let crdDirectory: string;
const envs = new Map<string, TestEnv>();
before(async () => {
  crdDirectory = mkdtempSync(join(tmpdir(), "uselessctl-builtin-crd-"));
  const result = generateManifests(
    {
      rootDir: fixturesRoot,
      apiFiles: [join(fixtureDir, "groupversion_info.ts"), join(fixtureDir, "types.ts")],
      controllerFiles: [],
      compilerOptions: fixtureCompilerOptions(),
    },
    { maxDescriptionLength: 0 },
  );
  for (const file of result.files) writeFileSync(join(crdDirectory, basename(file.path)), file.content);
  const planes = unavailable ? (["embedded"] as const) : (["embedded", "binaries"] as const);
  for (const controlPlane of planes)
    envs.set(
      controlPlane,
      await startTestEnv({ controlPlane, crdDirectoryPaths: [crdDirectory], useExistingCluster: false }),
    );
});
after(async () => {
  for (const env of envs.values()) await env.stop();
  rmSync(crdDirectory, { recursive: true, force: true });
});

async function create(env: TestEnv, name: string, spec: unknown): Promise<{ status: number; message: unknown }> {
  const response = await sendRequest(endpointOf(env), {
    method: "POST",
    path: `/apis/${group}/v1/namespaces/default/runners`,
    body: { apiVersion: `${group}/v1`, kind: "Runner", metadata: { name }, spec },
  });
  return { status: response.status, message: (response.body as { message?: unknown }).message };
}

for (const testCase of cases) {
  test(`${testCase.name}: the local API server answers as kube-apiserver`, async (t) => {
    if (unavailable) t.diagnostic(`kube-apiserver not compared: ${unavailable}`);
    const answers = new Map<string, { status: number; message: unknown }>();
    for (const [plane, env] of envs) answers.set(plane, await create(env, testCase.name, testCase.spec));
    const embedded = answers.get("embedded");
    if (testCase.message === undefined) assert.equal(embedded?.status, 201);
    else
      assert.deepEqual(embedded, {
        status: 422,
        message: `Runner.${group} "${testCase.name}" is invalid: ${testCase.message}`,
      });
    if (answers.has("binaries")) assert.deepEqual(embedded, answers.get("binaries"));
  });
}
