// The operator's webhooks through kubectl (issue 17.7): main.ts serves the Machine and Switch
// validators, the API server has config/webhook's configurations pointing at it (as envtest
// installs them), and kubectl shows what a user sees: a Machine with too many switches refused
// with the webhook's message, a Switch labelled for no Machine created with a warning.
import { execFile } from "node:child_process";
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  OperatorProcess,
  createNamespace,
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

const machine = (name: string, switches: number) => ({
  apiVersion: "useless.container.training/v1alpha1",
  kind: "Machine",
  metadata: { name, namespace: "webhooks" },
  spec: { switches },
});

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
    const refused = await kubectlWithInput(["create", "-f", "-"], machine("too-many", 4));
    assert.notEqual(refused.code, 0);
    assert.match(
      refused.stderr,
      // kubectl prints an Invalid status from its details (kind, name, causes), as for the schema's own errors
      /^The Machine "too-many" is invalid: spec\.switches: Invalid value: 4: must be at most 3, the most switches this operator allows \(--max-switches\)$/m,
    );
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
});
