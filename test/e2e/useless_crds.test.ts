/**
 * The committed CRDs of the useless machine (config/crd/bases, issue #2) against the local API
 * server, through the real kubectl: they install as `make install` installs them and become
 * Established, the samples apply, the schema's defaults and validation hold, and `kubectl get`
 * shows the printer columns the issue asks for.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
import { CoreV1Api } from "@kubernetes/client-node";
import { startTestEnv, type TestEnv } from "../../apiserver/index.js";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const run = promisify(execFile);
const hasKubectl = spawnSync("kubectl", ["version", "--client"], { encoding: "utf8" }).status === 0;
if (!hasKubectl) console.log("# useless_crds: kubectl not found; skipping");

let env: TestEnv;
let namespace: string;

async function kubectl(args: string[], input?: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const child = run("kubectl", ["--kubeconfig", env.kubeconfigPath, "--namespace", namespace, ...args], { cwd: repo });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; code?: number };
    return {
      stdout: failed.stdout ?? "",
      stderr: failed.stderr ?? "",
      code: typeof failed.code === "number" ? failed.code : 1,
    };
  }
}

before(async () => {
  if (!hasKubectl) return;
  env = await startTestEnv();
  namespace = `useless-${randomBytes(4).toString("hex")}`;
  // Through the client: kubectl's namespace generator speaks protobuf, which is not what this test is about.
  await env.kubeConfig.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: namespace } } });
});

after(async () => {
  await env?.stop();
});

test(
  "make install's kubectl apply --server-side installs the generated CRDs, Established, and the samples apply",
  { skip: !hasKubectl },
  async () => {
    // As `make install` does it (server-side: large CRDs exceed the client-side annotation limit).
    const installed = await kubectl(["apply", "--server-side", "-f", join(repo, "config/crd/bases")]);
    assert.equal(installed.code, 0, installed.stderr);
    const waited = await kubectl([
      "wait",
      "--for=condition=Established",
      "--timeout=30s",
      "crd/machines.useless.container.training",
      "crd/switches.useless.container.training",
    ]);
    assert.equal(waited.code, 0, waited.stderr);
    const established = await kubectl([
      "get",
      "crd",
      "machines.useless.container.training",
      "switches.useless.container.training",
      "-o",
      'jsonpath={range .items[*]}{.metadata.name} {.status.conditions[?(@.type=="Established")].status}{"\\n"}{end}',
    ]);
    assert.equal(established.code, 0, established.stderr);
    assert.equal(
      established.stdout,
      "machines.useless.container.training True\nswitches.useless.container.training True\n",
    );
    const applied = await kubectl([
      "apply",
      "-f",
      "config/samples/useless_v1alpha1_machine.yaml",
      "-f",
      "config/samples/useless_v1alpha1_switch.yaml",
    ]);
    assert.equal(applied.code, 0, applied.stderr);
    assert.match(applied.stdout, /machine\.useless\.container\.training\/machine-sample created/);
    assert.match(applied.stdout, /switch\.useless\.container\.training\/switch-sample created/);
  },
);

test(
  "kubectl get shows NAME SWITCHES POSITIONS AGE for machines and NAME POSITION SEEN AGE for switches",
  { skip: !hasKubectl },
  async () => {
    // At v1alpha1: kubectl prefers v1beta1, which these CRDs (bases/, no conversion patch) serve
    // with strategy None, so its switchCount column would read v1alpha1's object and show nothing.
    const machines = await kubectl(["get", "machines.v1alpha1.useless.container.training"]);
    assert.equal(machines.code, 0, machines.stderr);
    assert.match(machines.stdout, /^NAME +SWITCHES +POSITIONS +AGE\nmachine-sample +3 +\S*/);
    const switches = await kubectl(["get", "sw"]);
    assert.equal(switches.code, 0, switches.stderr);
    assert.match(switches.stdout, /^NAME +POSITION +SEEN +AGE\nswitch-sample +down +/);
    const byShortName = await kubectl(["get", "mc", "-o", "name"]);
    assert.equal(byShortName.stdout, "machine.useless.container.training/machine-sample\n");
  },
);

test(
  "the schema's defaults apply: a Machine has 1 switch and a Switch is down unless told otherwise",
  { skip: !hasKubectl },
  async () => {
    const created = await kubectl(
      ["create", "-f", "-", "-o", "jsonpath={.spec}"],
      JSON.stringify({
        apiVersion: "useless.container.training/v1alpha1",
        kind: "Machine",
        metadata: { name: "bare" },
        spec: {},
      }),
    );
    assert.equal(created.code, 0, created.stderr);
    assert.deepEqual(JSON.parse(created.stdout), { switches: 1 });
    const lever = await kubectl(
      ["create", "-f", "-", "-o", "jsonpath={.spec}"],
      JSON.stringify({
        apiVersion: "useless.container.training/v1alpha1",
        kind: "Switch",
        metadata: { name: "bare" },
        spec: {},
      }),
    );
    assert.equal(lever.code, 0, lever.stderr);
    assert.deepEqual(JSON.parse(lever.stdout), { position: "down" });
  },
);

test(
  "the schema's validation holds: no machine with 0 switches, no switch position but up and down",
  { skip: !hasKubectl },
  async () => {
    const none = await kubectl(
      ["create", "-f", "-"],
      JSON.stringify({
        apiVersion: "useless.container.training/v1alpha1",
        kind: "Machine",
        metadata: { name: "empty" },
        spec: { switches: 0 },
      }),
    );
    assert.notEqual(none.code, 0);
    assert.match(none.stderr, /spec\.switches/);
    const sideways = await kubectl(
      ["create", "-f", "-"],
      JSON.stringify({
        apiVersion: "useless.container.training/v1alpha1",
        kind: "Switch",
        metadata: { name: "sideways" },
        spec: { position: "sideways" },
      }),
    );
    assert.notEqual(sideways.code, 0);
    assert.match(sideways.stderr, /spec\.position/);
  },
);
