/**
 * `npm run bench:apiserver`: throughput and latency of the embedded API server, in memory and
 * with a data directory. Prints figures; never fails on a time.
 *
 * Measures creates/s and updates/s (32 requests in flight over keep-alive connections), list
 * latency at N objects, watch event latency (write sent → event received) across 10 watchers,
 * and heap bytes per stored object. N defaults to 10,000 (BENCH_OBJECTS overrides it). Then
 * apps/v1 Deployments: creates/s and updates/s (apiserver_deployments.ts), side by side per server.
 *
 * The server runs in its own process, compiled (dist/cli/main.js `cluster start`, which the npm script
 * builds first), as `uselessctl cluster start` runs for users, so that the load generator does not
 * share its core and tsx's on-the-fly transform is not measured; heap per object is measured
 * in-process on the store alone.
 *
 * Where the reference control plane is built (`npm run control-plane:build`), the same workload
 * runs against the real kube-apiserver + etcd in the same run, and each figure is printed beside
 * it as a ratio (embedded / kube-apiserver; above 1 is better for throughput, below 1 for latency).
 */
import { request } from "node:https";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedApiServer } from "../apiserver/embedded/index.js";
import { MissingBinaryError } from "../apiserver/index.js";
import {
  client,
  inFlight,
  pool,
  startRealControlPlane,
  startServerProcess,
  type RunningApiServer,
} from "./apiserver_support.js";
import { deploymentScenario, printDeploymentFigures, type DeploymentFigures } from "./apiserver_deployments.js";
import { percentile } from "./stats.js";

const objects = Number(process.env.BENCH_OBJECTS ?? 10_000);
const watchers = 10;
const watchSamples = 300;

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

/** Opens a raw watch stream and reports each event's arrival time by object name. */
function openWatch(server: RunningApiServer, path: string, onEvent: (name: string, at: number) => void): () => void {
  const outgoing = request(
    new URL(path, server.url),
    { headers: { Authorization: `Bearer ${server.token}` }, ca: server.caCertificatePem },
    (response) => {
      let buffer = "";
      response.on("data", (chunk: Buffer) => {
        const at = performance.now();
        buffer += chunk.toString();
        let newline: number;
        while ((newline = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          const event = JSON.parse(line) as { object: { metadata: { name: string } } };
          onEvent(event.object.metadata.name, at);
        }
      });
    },
  );
  outgoing.on("error", () => undefined);
  outgoing.end();
  return () => outgoing.destroy();
}

/** Heap bytes per stored ConfigMap, measured on an in-process server filled through HTTP. */
async function heapPerObject(count: number): Promise<number> {
  const before = heapUsed();
  const server = await startEmbeddedApiServer();
  const http = client(server);
  await http.call("POST", "/api/v1/namespaces", { metadata: { name: "bench" } });
  const empty = heapUsed();
  await pool(count, async (index) => {
    await http.call("POST", "/api/v1/namespaces/bench/configmaps", payload(index));
  });
  const filled = heapUsed();
  http.close();
  await server.stop();
  void before;
  return (filled - empty) / count;
}

function payload(index: number): Record<string, unknown> {
  return {
    metadata: { name: `cm-${index}`, labels: { bench: "yes", shard: String(index % 10) } },
    data: { index: String(index), text: "x".repeat(64) },
  };
}

/** The figures of one scenario, as printed. */
interface Figures {
  createsPerSecond: number;
  updatesPerSecond: number;
  listP50Ms: number;
  watchP50Ms: number;
  watchP99Ms: number;
}

/** Runs the ConfigMap workload (printed at once) and the Deployment workload on one server. */
async function scenario(
  label: string,
  start: () => Promise<RunningApiServer>,
): Promise<{ figures: Figures; deployments: DeploymentFigures }> {
  const server = await start();
  const http = client(server);
  await http.call("POST", "/api/v1/namespaces", { metadata: { name: "bench" } });
  const base = "/api/v1/namespaces/bench/configmaps";

  const createMs = await pool(objects, async (index) => {
    const response = await http.call("POST", base, payload(index));
    if (response.status !== 201) throw new Error(`create ${index}: ${response.status} ${response.body}`);
  });
  const updateMs = await pool(objects, async (index) => {
    const response = await http.call("PATCH", `${base}/cm-${index}`, { data: { index: String(index + 1) } });
    if (response.status !== 200) throw new Error(`update ${index}: ${response.status} ${response.body}`);
  });
  const listTimes: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const response = await http.call("GET", base);
    listTimes.push(performance.now() - started);
    if (run === 0 && (JSON.parse(response.body) as { items: unknown[] }).items.length !== objects)
      throw new Error("list returned the wrong count");
  }

  const latencies: number[] = [];
  const sentAt = new Map<string, number>();
  const list = JSON.parse((await http.call("GET", `${base}?limit=1`)).body) as {
    metadata: { resourceVersion: string };
  };
  const closers = Array.from({ length: watchers }, () =>
    openWatch(
      server,
      `${base}?watch=true&resourceVersion=${list.metadata.resourceVersion}&labelSelector=watch%3Dyes`,
      (name, at) => {
        const sent = sentAt.get(name);
        if (sent !== undefined) latencies.push(at - sent);
      },
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (let index = 0; index < watchSamples; index++) {
    const name = `watched-${index}`;
    sentAt.set(name, performance.now());
    await http.call("POST", base, { metadata: { name, labels: { watch: "yes" } } });
  }
  for (let attempt = 0; attempt < 100 && latencies.length < watchSamples * watchers; attempt++)
    await new Promise((resolve) => setTimeout(resolve, 20));
  for (const close of closers) close();
  const deployments = await deploymentScenario(http, "bench");
  http.close();
  await server.stop();

  const figures: Figures = {
    createsPerSecond: objects / (createMs / 1000),
    updatesPerSecond: objects / (updateMs / 1000),
    listP50Ms: percentile(listTimes, 50),
    watchP50Ms: percentile(latencies, 50),
    watchP99Ms: percentile(latencies, 99),
  };
  process.stdout.write(
    [
      `${label}`,
      `  creates/s            ${figures.createsPerSecond.toFixed(0)}   (${objects} ConfigMaps, ${inFlight} in flight)`,
      `  updates/s            ${figures.updatesPerSecond.toFixed(0)}   (merge patches)`,
      `  list ${objects} objects   p50 ${figures.listP50Ms.toFixed(1)} ms   max ${Math.max(...listTimes).toFixed(1)} ms`,
      `  watch latency        p50 ${figures.watchP50Ms.toFixed(2)} ms   p99 ${figures.watchP99Ms.toFixed(2)} ms   (${watchers} watchers, ${latencies.length} events)`,
      "",
    ].join("\n"),
  );
  return { figures, deployments };
}

/** Prints each embedded figure beside the real server's, as embedded / kube-apiserver. */
function printRatios(label: string, embedded: Figures, reference: Figures): void {
  const ratio = (key: keyof Figures) => (embedded[key] / reference[key]).toFixed(2);
  process.stdout.write(
    [
      `${label}: embedded / kube-apiserver`,
      `  creates/s ${ratio("createsPerSecond")}   updates/s ${ratio("updatesPerSecond")}   list p50 ${ratio("listP50Ms")}   watch p50 ${ratio("watchP50Ms")}   watch p99 ${ratio("watchP99Ms")}`,
      "",
    ].join("\n"),
  );
}

const directory = mkdtempSync(join(tmpdir(), "uselessctl-bench-"));
try {
  const inMemory = await scenario("in memory", () => startServerProcess(directory, undefined));
  const withDataDir = await scenario("with --data-dir (write-ahead log, fsync per batch)", () =>
    startServerProcess(directory, join(directory, "data")),
  );
  let reference: Awaited<ReturnType<typeof scenario>> | undefined;
  try {
    reference = await scenario("kube-apiserver + etcd (reference control plane)", startRealControlPlane);
  } catch (error) {
    if (!(error instanceof MissingBinaryError)) throw error;
    process.stdout.write(
      "kube-apiserver + etcd: skipped, the reference control plane is not built (npm run control-plane:build)\n\n",
    );
  }
  if (reference) {
    printRatios("in memory", inMemory.figures, reference.figures);
    printRatios("with --data-dir", withDataDir.figures, reference.figures);
  }
  printDeploymentFigures(
    [
      { label: "in memory", figures: inMemory.deployments },
      { label: "with --data-dir", figures: withDataDir.deployments },
    ],
    reference?.deployments,
  );
  const perObject = await heapPerObject(objects);
  process.stdout.write(
    `heap per stored ConfigMap   ${(perObject / 1024).toFixed(2)} KiB${(globalThis as { gc?: unknown }).gc ? "" : "   (approximate: run with --expose-gc)"}\n`,
  );
} finally {
  rmSync(directory, { recursive: true, force: true });
}
