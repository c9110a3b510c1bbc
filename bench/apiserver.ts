/**
 * `npm run bench:apiserver`: throughput and latency of the embedded API server, in memory and
 * with a data directory. Prints figures; never fails on a time.
 *
 * Measures creates/s and updates/s (32 requests in flight over keep-alive connections), list
 * latency at N objects, watch event latency (write sent → event received) across 10 watchers,
 * and heap bytes per stored object. N defaults to 10,000 (BENCH_OBJECTS overrides it).
 *
 * The server runs in its own process (apiserver/main.ts), as it does for users, so that the load
 * generator does not share its core; heap per object is measured in-process on the store alone.
 */
import { spawn } from "node:child_process";
import { Agent, request } from "node:https";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import yaml from "js-yaml";
import { startEmbeddedApiServer } from "../apiserver/embedded/index.js";

interface RunningApiServer {
  url: string;
  caCertificatePem: string;
  token: string;
  stop(): Promise<void>;
}

/** Starts apiserver/main.ts and reads its kubeconfig. */
async function startServerProcess(directory: string, dataDir: string | undefined): Promise<RunningApiServer> {
  const kubeconfig = join(directory, `kubeconfig-${Date.now()}`);
  const args = ["--import", "tsx", new URL("../apiserver/main.ts", import.meta.url).pathname, "--kubeconfig", kubeconfig];
  if (dataDir) args.push("--data-dir", dataDir);
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("kubeconfig:")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  const config = yaml.load(readFileSync(kubeconfig, "utf8")) as {
    clusters: { cluster: { server: string; "certificate-authority-data": string } }[];
    users: { user: { token: string } }[];
  };
  const cluster = config.clusters[0]?.cluster;
  return {
    url: cluster?.server ?? "",
    caCertificatePem: Buffer.from(cluster?.["certificate-authority-data"] ?? "", "base64").toString(),
    token: config.users[0]?.user.token ?? "",
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

const objects = Number(process.env.BENCH_OBJECTS ?? 10_000);
const inFlight = 32;
const watchers = 10;
const watchSamples = 300;

interface Client {
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: string }>;
  close(): void;
}

function client(server: RunningApiServer): Client {
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight, ca: server.caCertificatePem });
  return {
    call: (method, path, body) =>
      new Promise((resolve, reject) => {
        const outgoing = request(
          new URL(path, server.url),
          { method, agent, headers: { Authorization: `Bearer ${server.token}`, "Content-Type": method === "PATCH" ? "application/merge-patch+json" : "application/json" } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
          },
        );
        outgoing.on("error", reject);
        outgoing.end(body === undefined ? undefined : JSON.stringify(body));
      }),
    close: () => agent.destroy(),
  };
}

async function pool(count: number, task: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return performance.now() - started;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

/** Opens a raw watch stream and reports each event's arrival time by object name. */
function openWatch(server: RunningApiServer, path: string, onEvent: (name: string, at: number) => void): () => void {
  const outgoing = request(new URL(path, server.url), { headers: { Authorization: `Bearer ${server.token}` }, ca: server.caCertificatePem }, (response) => {
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
  });
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
  return { metadata: { name: `cm-${index}`, labels: { bench: "yes", shard: String(index % 10) } }, data: { index: String(index), text: "x".repeat(64) } };
}

async function scenario(label: string, directory: string, dataDir: string | undefined): Promise<void> {
  const server = await startServerProcess(directory, dataDir);
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
    if (run === 0 && (JSON.parse(response.body) as { items: unknown[] }).items.length !== objects) throw new Error("list returned the wrong count");
  }

  const latencies: number[] = [];
  const sentAt = new Map<string, number>();
  const list = JSON.parse((await http.call("GET", `${base}?limit=1`)).body) as { metadata: { resourceVersion: string } };
  const closers = Array.from({ length: watchers }, () =>
    openWatch(server, `${base}?watch=true&resourceVersion=${list.metadata.resourceVersion}&labelSelector=watch%3Dyes`, (name, at) => {
      const sent = sentAt.get(name);
      if (sent !== undefined) latencies.push(at - sent);
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (let index = 0; index < watchSamples; index++) {
    const name = `watched-${index}`;
    sentAt.set(name, performance.now());
    await http.call("POST", base, { metadata: { name, labels: { watch: "yes" } } });
  }
  for (let attempt = 0; attempt < 100 && latencies.length < watchSamples * watchers; attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
  for (const close of closers) close();
  http.close();
  await server.stop();

  process.stdout.write(
    [
      `${label}`,
      `  creates/s            ${(objects / (createMs / 1000)).toFixed(0)}   (${objects} ConfigMaps, ${inFlight} in flight)`,
      `  updates/s            ${(objects / (updateMs / 1000)).toFixed(0)}   (merge patches)`,
      `  list ${objects} objects   p50 ${percentile(listTimes, 50).toFixed(1)} ms   max ${Math.max(...listTimes).toFixed(1)} ms`,
      `  watch latency        p50 ${percentile(latencies, 50).toFixed(2)} ms   p99 ${percentile(latencies, 99).toFixed(2)} ms   (${watchers} watchers, ${latencies.length} events)`,
      "",
    ].join("\n"),
  );
}

const directory = mkdtempSync(join(tmpdir(), "uselessctl-bench-"));
try {
  await scenario("in memory", directory, undefined);
  await scenario("with --data-dir (write-ahead log, fsync per batch)", directory, join(directory, "data"));
  const perObject = await heapPerObject(objects);
  process.stdout.write(
    `heap per stored ConfigMap   ${(perObject / 1024).toFixed(2)} KiB${(globalThis as { gc?: unknown }).gc ? "" : "   (approximate: run with --expose-gc)"}\n`,
  );
} finally {
  rmSync(directory, { recursive: true, force: true });
}
