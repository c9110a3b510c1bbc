/**
 * What the API server benchmarks share: the servers they measure (the compiled `uselessctl cluster
 * start` in its own process, and the real etcd + kube-apiserver), a keep-alive HTTPS client, and
 * a pool that keeps a fixed number of requests in flight.
 */
import { spawn } from "node:child_process";
import { Agent, request } from "node:https";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { startTestEnv } from "../apiserver/index.js";

export interface RunningApiServer {
  url: string;
  caCertificatePem: string;
  token: string;
  stop(): Promise<void>;
}

/** Starts the compiled `uselessctl cluster start` and reads its kubeconfig. */
export async function startServerProcess(directory: string, dataDir: string | undefined): Promise<RunningApiServer> {
  const kubeconfig = join(directory, `kubeconfig-${Date.now()}`);
  const cliMain = new URL("../dist/cli/main.js", import.meta.url).pathname;
  const args = [cliMain, "cluster", "start", "--kubeconfig", kubeconfig];
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

/** Requests in flight at once in every write workload, over keep-alive connections. */
export const inFlight = 32;

/** A keep-alive HTTPS client of one server; PATCH bodies are merge patches unless `contentType` says otherwise. */
export interface Client {
  call(method: string, path: string, body?: unknown, contentType?: string): Promise<{ status: number; body: string }>;
  close(): void;
}

export function client(server: RunningApiServer): Client {
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight, ca: server.caCertificatePem });
  return {
    call: (method, path, body, contentType) =>
      new Promise((resolve, reject) => {
        const outgoing = request(
          new URL(path, server.url),
          {
            method,
            agent,
            headers: {
              Authorization: `Bearer ${server.token}`,
              "Content-Type": contentType ?? (method === "PATCH" ? "application/merge-patch+json" : "application/json"),
            },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () =>
              resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
            );
          },
        );
        outgoing.on("error", reject);
        outgoing.end(body === undefined ? undefined : JSON.stringify(body));
      }),
    close: () => agent.destroy(),
  };
}

/** Runs `task` for 0..count-1 with {@link inFlight} at a time; resolves to the elapsed milliseconds. */
export async function pool(count: number, task: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return performance.now() - started;
}

/** The real etcd + kube-apiserver (no controller manager: the workload needs none). */
export async function startRealControlPlane(): Promise<RunningApiServer> {
  const env = await startTestEnv({ controlPlane: "binaries", useExistingCluster: false, controllerManager: false });
  const cluster = env.kubeConfig.getCurrentCluster();
  const user = env.kubeConfig.getCurrentUser();
  return {
    url: env.url,
    caCertificatePem: Buffer.from(cluster?.caData ?? "", "base64").toString(),
    token: user?.token ?? "",
    stop: () => env.stop(),
  };
}
