// The operator's webhooks through kubectl (issue 17.7): main.ts serves the Machine and Switch
// validators, the API server has config/webhook's configurations pointing at it (as envtest
// installs them), and kubectl shows what a user sees: a Machine with too many switches refused
// with the webhook's message, a Switch labelled for no Machine created with a warning, and the
// Machine served at v1beta1 beside v1alpha1 through the operator's conversion webhook (the API
// server stores v1alpha1 and asks the operator's /convert for the other version).
import { execFile } from "node:child_process";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  OperatorProcess,
  createNamespace,
  kubectl,
  missingPrerequisite,
  startCluster,
  type Cluster,
} from "./operator_harness.js";
import { eventually } from "../helpers/eventually.js";

let cluster: Cluster;
let operator: OperatorProcess;

/** kubectl with a manifest on stdin: its exit code, stdout and stderr (where kubectl prints warnings). */
function kubectlWithInput(args: string[], manifest: object): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile("kubectl", ["--kubeconfig", cluster.kubeconfigPath, ...args], (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(JSON.stringify(manifest));
  });
}

/** kubectl's refusal of a Machine with 4 switches by the validator run with --max-switches=3. */
function assertRefusedForFourSwitches(refused: { code: number; stderr: string }, name: string): void {
  assert.notEqual(refused.code, 0);
  // kubectl prints an Invalid status from its details (kind, name, causes), as for the schema's own errors
  const message = `The Machine "${name}" is invalid: spec.switches: Invalid value: 4: must be at most 3, the most switches this operator allows (--max-switches)`;
  assert.ok(refused.stderr.split("\n").includes(message), refused.stderr);
}

const machine = (name: string, switches: number) => ({
  apiVersion: "useless.container.training/v1alpha1",
  kind: "Machine",
  metadata: { name, namespace: "webhooks" },
  spec: { switches },
});

const machineV1beta1 = (name: string, switchCount: number) => ({
  apiVersion: "useless.container.training/v1beta1",
  kind: "Machine",
  metadata: { name, namespace: "webhooks" },
  spec: { switchCount },
});

interface MachineRead {
  apiVersion: string;
  metadata: { name: string; uid: string };
  spec: Record<string, unknown>;
  status?: { switches?: number; positions?: string };
}

/** A Machine read through kubectl at `version` (`machines.<version>.useless.container.training`). */
async function readMachine(version: "v1alpha1" | "v1beta1", name: string): Promise<MachineRead> {
  const resource = `machines.${version}.useless.container.training`;
  return JSON.parse(await kubectl(cluster, "get", resource, name, "-n", "webhooks", "-o", "json")) as MachineRead;
}

describe("the useless machine operator's webhooks", { skip: missingPrerequisite() }, () => {
  before(async () => {
    cluster = await startCluster({ webhooks: true });
    operator = OperatorProcess.start(cluster, { flipDelay: "1s", flipInterval: "1s", extra: ["--max-switches=3"] });
    await operator.ready();
    await eventually(
      "the operator's webhook server to listen",
      () => (operator.output.includes("Serving webhook server") ? true : undefined),
      30_000,
    );
    await createNamespace(cluster, "webhooks");
  });

  after(async () => {
    await operator?.stop();
    await cluster?.stop();
  });

  test("kubectl create of a Machine with more switches than --max-switches is refused with the webhook's message", async () => {
    assertRefusedForFourSwitches(await kubectlWithInput(["create", "-f", "-"], machine("too-many", 4)), "too-many");
    const allowed = await kubectlWithInput(["create", "-f", "-"], machine("three", 3));
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stdout, /machine\.useless\.container\.training\/three created/);
  });

  test("kubectl create of a Switch labelled for a Machine that does not exist succeeds with a warning", async () => {
    const created = await kubectlWithInput(["create", "-f", "-"], {
      apiVersion: "useless.container.training/v1alpha1",
      kind: "Switch",
      metadata: { name: "stray", namespace: "webhooks", labels: { machine: "ghost" } },
      spec: { position: "down" },
    });
    assert.equal(created.code, 0, created.stderr);
    assert.match(
      created.stderr,
      /Warning: label machine=ghost: no Machine "ghost" in namespace "webhooks"; the switch belongs to no machine until one is created/,
    );
  });

  test("a Machine created at v1alpha1 reads at v1beta1 with spec.switchCount, and back", async () => {
    const created = await kubectlWithInput(["create", "-f", "-"], machine("alpha-made", 2));
    assert.equal(created.code, 0, created.stderr);
    const beta = await readMachine("v1beta1", "alpha-made");
    assert.equal(beta.apiVersion, "useless.container.training/v1beta1");
    assert.deepEqual(beta.spec, { switchCount: 2 }, "switches is switchCount in v1beta1, nothing else added");
    const alpha = await readMachine("v1alpha1", "alpha-made");
    assert.deepEqual(alpha.spec, { switches: 2 });
    assert.equal(beta.metadata.uid, alpha.metadata.uid, "one object, two versions");
  });

  test("a Machine created at v1beta1 is stored at v1alpha1, reads there with spec.switches, and the operator settles it", async () => {
    const created = await kubectlWithInput(["create", "-f", "-"], {
      ...machineV1beta1("beta-made", 2),
      spec: { switchCount: 2, switchPosition: "up" },
    });
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /machine\.useless\.container\.training\/beta-made created/);
    const alpha = await readMachine("v1alpha1", "beta-made");
    assert.equal(alpha.apiVersion, "useless.container.training/v1alpha1");
    assert.deepEqual(alpha.spec, { switches: 2, switchPosition: "up" });
    // The controller watches v1alpha1: it creates the two switches and flips the machine's own down.
    const settled = await eventually(
      "the operator to settle the v1beta1-created machine",
      async () => {
        const read = await readMachine("v1beta1", "beta-made");
        return read.status?.positions === "dd" && read.spec["switchPosition"] === "down" ? read : undefined;
      },
      60_000,
    );
    assert.deepEqual(settled.spec, { switchCount: 2, switchPosition: "down" });
    assert.equal(settled.status?.switches, 2);
  });

  test("the v1alpha1 validator also guards v1beta1 writes, which the API server converts for it", async () => {
    // The webhook's rule names v1alpha1 and its matchPolicy is Equivalent: the API server sends the
    // v1beta1 request converted to v1alpha1, so the refusal names v1alpha1's field.
    const refused = await kubectlWithInput(["create", "-f", "-"], machineV1beta1("too-many-beta", 4));
    assertRefusedForFourSwitches(refused, "too-many-beta");
  });
});
