/**
 * A Go controller-runtime program of our own (hack/go-client, controller-runtime v0.24) against
 * both API servers: through the typed client and a controller-runtime cache it creates a Job and a
 * Deployment, sees them through the informers, updates the Deployment, deletes both, and checks
 * that every body went as protobuf (application/vnd.kubernetes.protobuf), as Go operators and
 * envtest suites talk to kube-apiserver. The local server must serve Go clients, not only kubectl
 * and client-node. Skipped with a one-line notice where the program is not built
 * (`npm run go-client:build`, which needs Go) or, for the real control plane, its binaries.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { findBinaryAssets, startTestEnv, type ControlPlaneKind } from "uselessctl/testenv";

const goMod = readFileSync(fileURLToPath(new URL("../../hack/go-client/go.mod", import.meta.url)), "utf8");
const version = /^\s*(?:require\s+)?sigs\.k8s\.io\/controller-runtime (v\S+)/m.exec(goMod)?.[1] ?? "";
const cacheRoot =
  process.env["USELESSCTL_CONTROL_PLANE_DIR"] ?? join(homedir(), ".cache", "uselessctl", "control-plane");
const program = join(cacheRoot, "go-client", version, "go-client");
const notBuilt = existsSync(program) ? undefined : `go-client is not built (${program}); run npm run go-client:build`;

function binariesMissing(): string | undefined {
  try {
    findBinaryAssets();
    return undefined;
  } catch (error) {
    return `no control plane binaries: ${(error as Error).message.split("\n")[0]}`;
  }
}

/** The lines a passing run prints, in order (uids and resourceVersions aside). */
const EXPECTED_STEPS = [
  "created namespace go-client",
  "cache synced: informers for Jobs and Deployments in go-client",
  "created Job go-client/pi",
  "created Deployment go-client/web",
  "server defaults present",
  "informer: Job added pi",
  "informer: Deployment added web",
  "cache holds Deployment go-client/web",
  "updated Deployment go-client/web to 3 replicas (generation 2)",
  "informer: Deployment updated web",
  "deleted Job go-client/pi",
  "deleted Deployment go-client/web",
  "informer: Job deleted pi",
  "informer: Deployment deleted web",
  "get Deployment go-client/web after deletion: NotFound",
  "bodies:",
];

for (const controlPlane of ["embedded", "binaries"] as const satisfies readonly ControlPlaneKind[]) {
  const skip = notBuilt ?? (controlPlane === "binaries" ? binariesMissing() : undefined);
  describe(`a controller-runtime program on the ${controlPlane} API server`, { skip }, () => {
    const title = "creates, watches, updates and deletes Jobs and Deployments through the typed client in protobuf";
    test(title, async () => {
      const env = await startTestEnv({ controlPlane, useExistingCluster: false });
      try {
        // asynchronous: the embedded server answers from this process's event loop
        const run = await promisify(execFile)(program, ["--kubeconfig", env.kubeconfigPath, "--timeout", "60s"], {
          encoding: "utf8",
          timeout: 180_000,
        }).catch((error: { code?: number; stdout?: string; stderr?: string }) => error);
        const output = `${run.stdout ?? ""}${run.stderr ?? ""}`;
        assert.equal("code" in run ? run.code : 0, 0, `go-client failed:\n${output}`);
        const steps = output
          .split("\n")
          .filter((line) => line.startsWith("ok   "))
          .map((line) => line.slice(5));
        assert.equal(steps.length, EXPECTED_STEPS.length, output);
        EXPECTED_STEPS.forEach((expected, i) => assert.ok(steps[i]?.startsWith(expected), `step ${i}: ${steps[i]}`));
        const bodies = steps.at(-1) ?? "";
        for (const kind of ["POST request", "POST response", "PUT request", "DELETE request", "GET response"]) {
          assert.ok(bodies.includes(`${kind} application/vnd.kubernetes.protobuf`), `${kind} in protobuf: ${bodies}`);
        }
        assert.match(output, /^PASS$/m);
      } finally {
        await env.stop();
      }
    });
  });
}
