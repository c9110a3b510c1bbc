// The operator under its own role (issue 18): config/rbac's ClusterRole (from the controllers'
// +kubebuilder:rbac markers), the leader-election Role in its namespace, and a service account
// token, through startTestEnv's runAs. With one marker removed, `make manifests` writes a role
// that lacks it, and the run fails naming the marker.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { promisify } from "node:util";
import { eventually } from "../helpers/eventually.js";
import {
  OperatorProcess,
  ROOT,
  createNamespace,
  kubectl,
  kubectlApply,
  missingPrerequisite,
  startCluster,
  switchesOf,
  type Cluster,
  type MachineObject,
  MACHINES_V1ALPHA1,
} from "./operator_harness.js";

const execFileAsync = promisify(execFile);
const MANAGER_NAMESPACE = "uselessctl-system";
const SERVICE_ACCOUNT = `${MANAGER_NAMESPACE}/controller-manager`;
const STATUS_MARKER = "+kubebuilder:rbac:groups=useless.container.training,resources=machines/status,verbs=update";

/** Starts the operator as the cluster's runAs identity, electing its leader in its own namespace. */
async function startOperator(cluster: Cluster): Promise<OperatorProcess> {
  const operator = OperatorProcess.start(cluster, {
    flipDelay: "200ms",
    flipInterval: "200ms",
    extra: ["--leader-elect", `--leader-election-namespace=${MANAGER_NAMESPACE}`],
  });
  await operator.ready();
  return operator;
}

async function createMachine(cluster: Cluster, namespace: string, switches: number): Promise<void> {
  await createNamespace(cluster, namespace);
  await kubectlApply(
    cluster,
    JSON.stringify({
      apiVersion: "useless.container.training/v1alpha1",
      kind: "Machine",
      metadata: { name: "m", namespace },
      spec: { switches },
    }),
  );
}

describe("the operator under its generated role", { skip: missingPrerequisite() }, () => {
  test("settles a machine with leader election on, and RBAC refuses it nothing", { timeout: 180_000 }, async () => {
    const cluster = await startCluster({
      runAs: { serviceAccount: SERVICE_ACCOUNT, rbacDir: join(ROOT, "config/rbac") },
    });
    let operator: OperatorProcess | undefined;
    try {
      operator = await startOperator(cluster);
      await createMachine(cluster, "run-as", 2);
      await eventually("the machine to report its switches down", async () => {
        const machine = JSON.parse(
          await kubectl(cluster, "get", MACHINES_V1ALPHA1, "m", "-n", "run-as", "-o", "json"),
        ) as MachineObject;
        const owned = await switchesOf(cluster, "run-as", "m");
        return machine.status?.positions === "dd" && owned.length === 2 ? true : undefined;
      });
      const lease = await kubectl(cluster, "get", "lease", "-n", MANAGER_NAMESPACE, "-o", "name");
      assert.match(lease, /machine\.useless\.container\.training/);
      assert.equal(await operator.stop("SIGTERM"), 0, operator.output);
    } finally {
      await operator?.stop("SIGTERM");
      await cluster.stop();
    }
  });

  test(
    "without the machines/status marker, make manifests writes a role the run fails on, naming the marker",
    { timeout: 180_000 },
    async () => {
      const project = mkdtempSync(join(tmpdir(), "uselessctl-missing-marker-"));
      try {
        // The repository as a developer has it (the toolkit and the operator), less what no build reads.
        const skipped = new Set(["node_modules", ".git", "dist", "test", "bench", "examples", ".uselessctl"]);
        for (const entry of readdirSync(ROOT))
          if (!skipped.has(entry)) cpSync(join(ROOT, entry), join(project, entry), { recursive: true });
        symlinkSync(join(ROOT, "node_modules"), join(project, "node_modules"));
        const controller = join(project, "controllers/machine_controller.ts");
        const source = readFileSync(controller, "utf8");
        assert.ok(source.includes(STATUS_MARKER), "the controller carries the machines/status marker");
        writeFileSync(controller, source.replace(` * ${STATUS_MARKER}\n`, ""));
        await execFileAsync(
          process.execPath,
          [
            "--conditions=uselessctl-source",
            "--import",
            "tsx",
            "cli/main.ts",
            "generate",
            "manifests",
            "--dir",
            project,
          ],
          { cwd: ROOT },
        );
        assert.doesNotMatch(readFileSync(join(project, "config/rbac/role.yaml"), "utf8"), /machines\/status/);

        const cluster = await startCluster({
          runAs: { serviceAccount: SERVICE_ACCOUNT, rbacDir: join(project, "config/rbac") },
        });
        let operator: OperatorProcess | undefined;
        try {
          operator = await startOperator(cluster);
          await createMachine(cluster, "missing-marker", 1);
          await eventually("RBAC to refuse the operator's status write", async () =>
            (cluster.forbiddenRequests?.().length ?? 0) > 0 ? true : undefined,
          );
        } finally {
          await operator?.stop("SIGTERM");
          await assert.rejects(cluster.stop(), (error: unknown) => {
            assert.ok(error instanceof Error && error.name === "MissingRbacError", String(error));
            assert.match(error.message, new RegExp(STATUS_MARKER.replace(/[.+/]/g, "\\$&")));
            return true;
          });
        }
      } finally {
        rmSync(project, { recursive: true, force: true });
      }
    },
  );
});
