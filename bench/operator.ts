/**
 * `npm run bench:operator`: 1,000 machines x 3 switches created at once, then every switch
 * flipped up, with both delays 0. Prints the time to converge (every switch exists and is down,
 * every machine's status current), the API requests the operator made per switch (counted at a
 * front door to the local API server: writes by kind, single-object reads that bypassed the
 * cache, lists, watches), writes against the minimum, and the operator's peak memory.
 * Prints figures; never fails on a time. BENCH_MACHINES changes the count;
 * BENCH_OPERATOR_NODE_FLAGS (space-separated, may be empty) replaces the node flags the operator
 * runs with everywhere (OPERATOR_NODE_FLAGS), to measure what a flag costs or saves.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { OPERATOR_NODE_FLAGS } from "../scripts/start/processes.js";
import { CountingProxy, DirectClient, endpointFromKubeconfig, inParallel } from "./operator_support.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MACHINES = Number(process.env.BENCH_MACHINES ?? 1000);
const SWITCHES = 3;
const NAMESPACE = "bench";
const BASE = `/apis/useless.container.training/v1alpha1/namespaces/${NAMESPACE}`;

interface Machine {
  metadata: { name: string; generation: number };
  status?: { switches?: number; positions?: string; observedGeneration?: number };
}
interface Switch {
  metadata: { name: string };
  spec: { position: string };
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 300_000): Promise<number> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > timeoutMs)
      throw new Error(`bench: ${what} did not happen within ${timeoutMs / 1000} s`);
    await sleep(500);
  }
  return performance.now() - started;
}

function peakMemoryMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kib / 1024);
}

/** CPU time (user + system) a process has used so far, in seconds. */
function cpuSeconds(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat, counted after the command name's closing parenthesis.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const ticksPerSecond = 100; // USER_HZ, 100 on every Linux ABI node runs on
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

async function main(): Promise<void> {
  const specifier = "uselessctl/testenv";
  const { startTestEnv } = (await import(specifier)) as {
    startTestEnv(options: { crdDirectoryPaths: string[] }): Promise<{ kubeconfigPath: string; stop(): Promise<void> }>;
  };
  const env = await startTestEnv({ crdDirectoryPaths: [join(ROOT, "config/crd/bases")] });
  const endpoint = endpointFromKubeconfig(env.kubeconfigPath);
  const direct = new DirectClient(endpoint);
  const proxy = await CountingProxy.start(endpoint);
  const scratch = mkdtempSync(join(tmpdir(), "bench-operator-"));
  const kubeconfig = join(scratch, "kubeconfig");
  writeFileSync(kubeconfig, proxy.kubeconfig(endpoint.token), { mode: 0o600 });

  const operatorLogPath = join(scratch, "operator.log");
  const operatorLog = openSync(operatorLogPath, "w");
  const operator = spawn(
    process.execPath,
    // The compiled operator (`npm run build`), as `npm start`, `make run` and an image run it.
    [
      ...(process.env.BENCH_OPERATOR_NODE_FLAGS?.split(" ").filter(Boolean) ?? OPERATOR_NODE_FLAGS),
      "dist/main.js",
      "--flip-delay=0",
      "--flip-interval=0",
      "--health-probe-bind-address=0",
      "--metrics-bind-address=0",
    ],
    // Its logs go to a file (kept, and named, if the bench fails): thousands of lines otherwise.
    {
      cwd: ROOT,
      env: { ...process.env, KUBECONFIG: kubeconfig, NO_COLOR: "1" },
      stdio: ["ignore", operatorLog, operatorLog],
    },
  );
  let failed = true;
  try {
    await direct.request("POST", "/api/v1/namespaces", {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: NAMESPACE },
    });
    const machine = (name: string, switches: number) => ({
      apiVersion: "useless.container.training/v1alpha1",
      kind: "Machine",
      metadata: { name, namespace: NAMESPACE },
      spec: { switches },
    });
    // Warm-up: the operator is started, synced and reconciling before anything is timed.
    await direct.request("POST", `${BASE}/machines`, machine("warmup", 1));
    await waitUntil(
      "the warm-up machine",
      async () => (await direct.request<Machine>("GET", `${BASE}/machines/warmup`)).status?.switches === 1,
      120_000,
    );
    const startupLists = proxy.counts.lists;
    Object.assign(proxy.counts, { writes: {}, gets: 0, lists: 0 });

    const names = Array.from({ length: MACHINES }, (_, i) => `machine-${String(i).padStart(4, "0")}`);
    const machines = async () =>
      (await direct.request<{ items: Machine[] }>("GET", `${BASE}/machines`)).items.filter(
        (m) => m.metadata.name !== "warmup",
      );
    const switches = async () =>
      (await direct.request<{ items: Switch[] }>("GET", `${BASE}/switches?labelSelector=machine!%3Dwarmup`)).items;
    const statusesCurrent = (items: Machine[]) =>
      items.length === MACHINES &&
      items.every(
        (m) => m.status?.positions === "d".repeat(SWITCHES) && m.status.observedGeneration === m.metadata.generation,
      );

    const createStarted = performance.now();
    await inParallel(names, 32, (name) => direct.request("POST", `${BASE}/machines`, machine(name, SWITCHES)));
    await waitUntil("every switch created and every status current", async () => {
      const [all, current] = await Promise.all([switches(), machines()]);
      return all.length === MACHINES * SWITCHES && statusesCurrent(current);
    });
    const createConverged = performance.now() - createStarted;
    const afterCreate = { writes: proxy.totalWrites(), byKind: { ...proxy.counts.writes } };

    const flipStarted = performance.now();
    const toFlip = await switches();
    await inParallel(toFlip, 32, (sw) =>
      direct.request(
        "PATCH",
        `${BASE}/switches/${sw.metadata.name}`,
        { spec: { position: "up" } },
        "application/merge-patch+json",
      ),
    );
    await waitUntil("every switch down and every status current", async () => {
      const [all, current] = await Promise.all([switches(), machines()]);
      return all.every((sw) => sw.spec.position === "down") && statusesCurrent(current);
    });
    const flipConverged = performance.now() - flipStarted;

    const counted = MACHINES * SWITCHES;
    const writes = proxy.totalWrites();
    const minimal =
      counted /* creates */ + counted /* flips */ + 2 * MACHINES; /* a status write per machine per phase */
    const requests = writes + proxy.counts.gets + proxy.counts.lists;
    const lines = [
      `bench:operator  ${MACHINES} machines x ${SWITCHES} switches, flip delay 0, flip interval 0`,
      `  converge after create:  ${(createConverged / 1000).toFixed(2)} s   (target < 30 s)`,
      `  converge after flip-up: ${(flipConverged / 1000).toFixed(2)} s   (target < 30 s)`,
      `  operator writes:        ${writes} (${afterCreate.writes} creating, ${writes - afterCreate.writes} flipping)`,
      `    by kind:              ${Object.entries(proxy.counts.writes)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(", ")}`,
      `  minimal writes:         ${minimal} -> ratio ${(writes / minimal).toFixed(2)} (target <= 1.5)`,
      `  requests per switch:    ${(requests / counted).toFixed(2)}`,
      `  reads bypassing cache:  ${proxy.counts.gets} single-object GETs, ${proxy.counts.lists} lists (target 0; ${startupLists} lists at start-up)`,
      `  watches opened:         ${proxy.counts.watches}`,
      `  operator peak memory:   ${peakMemoryMiB(operator.pid ?? 0)} MiB (VmHWM)`,
      `  operator CPU time:      ${cpuSeconds(operator.pid ?? 0).toFixed(1)} s (user + system, whole run)`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    failed = false;
  } finally {
    operator.kill("SIGTERM");
    await new Promise((resolve) => (operator.exitCode === null ? operator.once("exit", resolve) : resolve(undefined)));
    direct.close();
    await proxy.stop();
    await env.stop();
    if (failed) process.stderr.write(`bench:operator failed; the operator's log is ${operatorLogPath}\n`);
    else rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
