import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startClusterProcess } from "../helpers/cluster_process.js";
import { fixture } from "../helpers/embedded_apiserver.js";

const run = promisify(execFile);
const kubectlAvailable = spawnSync("kubectl", ["version", "--client"], { stdio: "ignore" }).status === 0;

describe(
  "embedded API server driven by the real kubectl",
  { skip: kubectlAvailable ? false : "kubectl is not on the PATH" },
  () => {
    let directory: string;
    let server: ChildProcess;
    let kubectl: (...args: string[]) => Promise<string>;

    before(async () => {
      directory = mkdtempSync(join(tmpdir(), "uselessctl-kubectl-"));
      const kubeconfig = join(directory, "kubeconfig");
      server = (await startClusterProcess(["--kubeconfig", kubeconfig])).child;
      kubectl = async (...args) => {
        try {
          const { stdout } = await run(
            "kubectl",
            ["--kubeconfig", kubeconfig, "--cache-dir", join(directory, "cache"), ...args],
            { timeout: 20_000 },
          );
          return stdout;
        } catch (error) {
          const failed = error as { stderr?: string; stdout?: string };
          throw new Error(`kubectl ${args.join(" ")} failed: ${failed.stderr ?? ""}${failed.stdout ?? ""}`);
        }
      };
      await kubectl("apply", "-f", fixture("switch_crd.yaml"));
      await kubectl("wait", "--for=condition=Established", "crd/switches.test.uselessctl.io", "--timeout=10s");
    });

    after(() => {
      server?.kill("SIGTERM");
      rmSync(directory, { recursive: true, force: true });
    });

    it("lists the CRD's kind in api-resources with its short name and scope", async () => {
      const output = await kubectl("api-resources", "--api-group=test.uselessctl.io");
      assert.match(output, /^switches\s+sw\s+test\.uselessctl\.io\/v1alpha1\s+true\s+Switch$/m);
      const core = await kubectl("api-resources", "--api-group=");
      assert.match(core, /^namespaces\s+ns\s+v1\s+false\s+Namespace$/m);
    });

    it("applies a sample and prints it with the printer columns and AGE", async () => {
      assert.match(
        await kubectl("apply", "-f", fixture("switch_sample.yaml")),
        /switch\.test\.uselessctl\.io\/kitchen created/,
      );
      const table = await kubectl("get", "switches");
      const [header, row] = table.trim().split("\n");
      assert.match(header ?? "", /^NAME\s+POSITION\s+FLIPS\s+AGE$/);
      // A missing column value is null in the Table; kubectl prints it as blank.
      assert.match(row ?? "", /^kitchen\s+up\s+\d+s$/);
    });

    it("prints the object with get -o yaml, defaults applied", async () => {
      const yaml = await kubectl("get", "sw", "kitchen", "-o", "yaml");
      assert.match(yaml, /^kind: Switch$/m);
      assert.match(yaml, /^ {2}replicas: 2$/m);
      assert.match(yaml, /^ {2}generation: 1$/m);
    });

    it("patches with --type=merge and rejects an invalid value with the server's message", async () => {
      assert.match(
        await kubectl("patch", "sw", "kitchen", "--type=merge", "-p", '{"spec":{"position":"down"}}'),
        /patched/,
      );
      assert.match(await kubectl("get", "sw", "kitchen", "-o", "jsonpath={.spec.position}"), /^down$/);
      await assert.rejects(
        kubectl("patch", "sw", "kitchen", "--type=merge", "-p", '{"spec":{"position":"sideways"}}'),
        // kubectl lists both errors: the enum violation and the <nil> one saying CEL rules were skipped.
        /The Switch "kitchen" is invalid: \n\* spec\.position: Unsupported value: "sideways": supported values: "down", "up"\n\* <nil>: Invalid value: null: some validation rules were not checked/,
      );
    });

    it("applies server-side, reporting a conflict unless forced", async () => {
      await assert.rejects(
        kubectl("apply", "--server-side", "-f", fixture("switch_sample.yaml")),
        /Apply failed with 1 conflict: conflict with "kubectl-patch"/,
      );
      assert.match(
        await kubectl("apply", "--server-side", "--force-conflicts", "-f", fixture("switch_sample.yaml")),
        /serverside-applied/,
      );
      assert.match(await kubectl("get", "sw", "kitchen", "-o", "jsonpath={.spec.position}"), /^up$/);
    });

    it("sees a change with get -w", async () => {
      const watcher = spawn("kubectl", [
        "--kubeconfig",
        join(directory, "kubeconfig"),
        "--cache-dir",
        join(directory, "cache"),
        "get",
        "sw",
        "-w",
        "--output-watch-events",
      ]);
      let output = "";
      watcher.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      try {
        for (let attempt = 0; attempt < 200 && !output.includes("kitchen"); attempt++)
          await new Promise((resolve) => setTimeout(resolve, 25));
        await kubectl("patch", "sw", "kitchen", "--type=merge", "-p", '{"spec":{"replicas":3}}');
        for (let attempt = 0; attempt < 200 && !output.includes("MODIFIED"); attempt++)
          await new Promise((resolve) => setTimeout(resolve, 25));
        assert.match(output, /^MODIFIED\s+kitchen\s+up/m);
      } finally {
        watcher.kill();
      }
    });

    it("deletes with cascade (dependents go) and with --cascade=orphan (dependents stay)", async () => {
      const uid = (await kubectl("get", "sw", "kitchen", "-o", "jsonpath={.metadata.uid}")).trim();
      const dependent = (name: string, ownerUid: string, owner: string) =>
        JSON.stringify({
          apiVersion: "test.uselessctl.io/v1alpha1",
          kind: "Switch",
          metadata: {
            name,
            namespace: "default",
            ownerReferences: [
              { apiVersion: "test.uselessctl.io/v1alpha1", kind: "Switch", name: owner, uid: ownerUid },
            ],
          },
        });
      const create = async (body: string) => {
        const file = join(directory, `${Math.random()}.json`);
        (await import("node:fs")).writeFileSync(file, body);
        await kubectl("create", "-f", file);
      };
      await create(dependent("light", uid, "kitchen"));
      assert.match(await kubectl("delete", "sw", "kitchen"), /deleted/);
      for (
        let attempt = 0;
        attempt < 100 && (await kubectl("get", "sw", "--no-headers", "--ignore-not-found")).includes("light");
        attempt++
      ) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      assert.doesNotMatch(await kubectl("get", "sw", "--no-headers", "--ignore-not-found"), /light/);

      await kubectl("apply", "-f", fixture("switch_sample.yaml"));
      const secondUid = (await kubectl("get", "sw", "kitchen", "-o", "jsonpath={.metadata.uid}")).trim();
      await create(dependent("lamp", secondUid, "kitchen"));
      await kubectl("delete", "sw", "kitchen", "--cascade=orphan");
      assert.match(await kubectl("get", "sw", "lamp", "-o", "name"), /switch\.test\.uselessctl\.io\/lamp/);
      assert.equal((await kubectl("get", "sw", "lamp", "-o", "jsonpath={.metadata.ownerReferences}")).trim(), "");
    });
  },
);
