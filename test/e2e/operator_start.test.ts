// `npm start` end to end: the server comes up with the CRDs and samples, the operator runs on
// them, Ctrl-C stops everything cleanly, and the next start finds the machines where they were.
// Issue #6; the CRDs installed as generated and the children that die with it, issue #13.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  ROOT,
  kubectl,
  missingPrerequisite,
  type Cluster,
  type MachineObject,
  type SwitchObject,
  MACHINES_V1ALPHA1,
} from "./operator_harness.js";
import { eventually } from "../helpers/eventually.js";
import { childrenOf, isRunning, procAvailable } from "../helpers/processes.js";

const dataDir = mkdtempSync(join(tmpdir(), "uselessctl-start-"));
const killedDataDir = mkdtempSync(join(tmpdir(), "uselessctl-start-killed-"));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function npmStart(folder = dataDir): Started {
  let output = "";
  const child = spawn(process.execPath, ["--conditions=uselessctl-source", "--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      USELESS_DATA_DIR: folder,
      USELESS_FLIP_DELAY: "0",
      USELESS_FLIP_INTERVAL: "0",
      NO_COLOR: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output, exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))) };
}

async function machines(cluster: Cluster): Promise<MachineObject[]> {
  return (
    JSON.parse(await kubectl(cluster, "get", MACHINES_V1ALPHA1, "-A", "-o", "json")) as { items: MachineObject[] }
  ).items;
}

async function waitForBanner(started: Started): Promise<void> {
  await eventually(
    "the banner",
    async () => {
      if (started.child.exitCode !== null) throw new Error(`npm start exited:\n${started.output()}`);
      return started.output().includes("kubectl get switches -w") ? true : undefined;
    },
    60_000,
  );
}

describe("npm start", { skip: missingPrerequisite() }, () => {
  after(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(killedDataDir, { recursive: true, force: true });
  });

  test(
    "runs the machine, prints how to try it, stops on Ctrl-C and resumes where it was",
    { timeout: 300_000 },
    async () => {
      const cluster: Cluster = { kubeconfigPath: join(dataDir, "kubeconfig"), stop: async () => {} };
      const first = npmStart();
      try {
        await waitForBanner(first);
        const banner = first.output();
        assert.ok(banner.includes(`log in ${join(dataDir, "apiserver.log")}`), banner);
        assert.ok(banner.includes(`kubeconfig: ${cluster.kubeconfigPath}`), banner);
        assert.ok(banner.includes("kubectl get machines,switches"), banner);
        assert.match(banner, /kubectl patch .* --type=merge -p '\{"spec":\{"position":"up"\}\}'/);

        const settled = await eventually(
          "the samples reconciled",
          async () => {
            const found = await machines(cluster);
            return found.length > 0 &&
              found.every((m) => m.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"))
              ? found
              : undefined;
          },
          30_000,
        );
        // The banner's patch command, run as a user would (issue 12): it always picks a switch
        // that a machine flips back down, which stamps it with its flipped-at annotation.
        const patchCommand = banner
          .split("\n")
          .map((line) => line.trim())
          .find((line) => line.startsWith("kubectl patch"));
        assert.ok(patchCommand, banner);
        const patched = await promisify(execFile)("sh", ["-c", patchCommand], {
          cwd: ROOT,
          env: { ...process.env, KUBECONFIG: cluster.kubeconfigPath },
        });
        const switchName = /^switch\.useless\.container\.training\/(\S+) patched$/m.exec(patched.stdout)?.[1];
        assert.ok(switchName, patched.stdout + patched.stderr);
        await eventually("the patched switch flipped back down by the operator", async () => {
          const sw = JSON.parse(
            await kubectl(cluster, "get", "switch", switchName, "-n", "default", "-o", "json"),
          ) as SwitchObject & { spec: { position?: string } };
          const flipped = sw.metadata.annotations?.["useless.container.training/flipped-at"] !== undefined;
          return flipped && sw.spec.position === "down" ? true : undefined;
        });

        const [machine] = settled;
        assert.ok(machine);

        // v1beta1 through the operator's conversion webhook: the CRD's conversion points at it.
        const beta = JSON.parse(
          await kubectl(cluster, "get", "machines.v1beta1.useless.container.training", "-n", "default", "-o", "json"),
        ) as { items: { apiVersion: string; metadata: { name: string }; spec: Record<string, unknown> }[] };
        const sampleAtBeta = beta.items.find((item) => item.metadata.name === machine.metadata.name);
        assert.equal(sampleAtBeta?.apiVersion, "useless.container.training/v1beta1");
        const alpha = JSON.parse(
          await kubectl(
            cluster,
            "get",
            "machines.v1alpha1.useless.container.training",
            machine.metadata.name,
            "-n",
            "default",
            "-o",
            "json",
          ),
        ) as { spec: { switches?: number } };
        assert.ok(alpha.spec.switches, JSON.stringify(alpha));
        assert.equal(sampleAtBeta.spec["switchCount"], alpha.spec.switches, JSON.stringify(sampleAtBeta));
        assert.equal("switches" in sampleAtBeta.spec, false);

        // The CRD as generated, not as client-node's models re-serialise it (enum, default and
        // x-kubernetes-* dropped), so the server validates and defaults as kubectl apply makes it.
        const crd = JSON.parse(
          await kubectl(cluster, "get", "crd", "machines.useless.container.training", "-o", "json"),
        );
        const schema = crd.spec.versions[0].schema.openAPIV3Schema.properties;
        assert.deepEqual(schema.spec.properties.switchPosition.enum, ["up", "down"]);
        assert.equal(schema.spec.properties.switches.default, 1);
        assert.equal(schema.status.properties.conditions["x-kubernetes-list-type"], "map");
        await assert.rejects(
          kubectl(
            cluster,
            "patch",
            MACHINES_V1ALPHA1,
            machine.metadata.name,
            "-n",
            "default",
            "--type=merge",
            "-p",
            '{"spec":{"switchPosition":"sideways"}}',
          ),
          /spec\.switchPosition: Unsupported value: "sideways"/,
        );
        await kubectl(
          cluster,
          "patch",
          MACHINES_V1ALPHA1,
          machine.metadata.name,
          "-n",
          "default",
          "--type=merge",
          "-p",
          '{"spec":{"switches":4}}',
        );
        await eventually("the machine scaled", async () => {
          const found = (await machines(cluster)).find((m) => m.metadata.uid === machine.metadata.uid);
          return found?.status?.switches === 4 ? true : undefined;
        });

        first.child.kill("SIGINT");
        assert.equal(await first.exited, 0, first.output());
        assert.match(first.output(), /stopping the operator, then the API server/);

        const second = npmStart();
        try {
          await eventually(
            "the second banner",
            async () => (second.output().includes("kubectl get switches -w") ? true : undefined),
            60_000,
          );
          assert.match(second.output(), /as you left them/);
          const again = await machines(cluster);
          assert.deepEqual(again.map((m) => m.metadata.uid).sort(), settled.map((m) => m.metadata.uid).sort());
          assert.equal(again.find((m) => m.metadata.uid === machine.metadata.uid)?.spec.switches, 4);
        } finally {
          second.child.kill("SIGINT");
          assert.equal(await second.exited, 0, second.output());
        }
      } finally {
        if (first.child.exitCode === null) first.child.kill("SIGKILL");
      }
    },
  );

  test(
    "its API server and operator exit when npm start is killed with SIGKILL",
    { timeout: 180_000, skip: procAvailable ? false : "reads the process table from /proc" },
    async () => {
      const started = npmStart(killedDataDir);
      try {
        await waitForBanner(started);
        const pid = started.child.pid ?? 0;
        const children = childrenOf(pid);
        assert.equal(
          children.length,
          2,
          `expected the API server and the operator under ${pid}: ${children.join(", ")}`,
        );
        started.child.kill("SIGKILL");
        await started.exited;
        await eventually("the API server and the operator to exit", () => !children.some(isRunning), 30_000);
      } finally {
        if (started.child.exitCode === null) started.child.kill("SIGKILL");
      }
    },
  );
});
