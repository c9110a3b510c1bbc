/**
 * Shared set-up of the runtime's integration tests: a test API server from `startTestEnv`, a
 * direct client for the test's own reads and writes, fresh namespaces, and waiting helpers.
 * When no server can start here (no embedded server on this branch, no binaries built) the
 * suite is skipped with the one-line reason `skipReason`.
 */
import { randomUUID } from "node:crypto";
import { startTestEnv, type TestEnv, type TestEnvOptions } from "uselessctl/testenv";
import { createClient, createKubeConfigTransport, Namespace, type Client } from "uselessctl";

/** A started server and a client straight to it, or the reason there is none. */
export type RuntimeTestEnv =
  | { env: TestEnv; client: Client; skipReason?: undefined }
  | { env?: undefined; client?: undefined; skipReason: string };

/** Starts a test API server, or says in one line why it cannot. */
export async function startRuntimeTestEnv(options: Partial<TestEnvOptions> = {}): Promise<RuntimeTestEnv> {
  try {
    const env = await startTestEnv(options);
    return { env, client: directClient(env) };
  } catch (err) {
    const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
    return { skipReason: `no test API server available: ${message}` };
  }
}

/** A client that talks to the server directly (not through a front door or a cache). */
export function directClient(env: Pick<TestEnv, "kubeConfig">): Client {
  return createClient({ transport: createKubeConfigTransport({ kubeConfig: env.kubeConfig }) });
}

/** Creates a namespace with a unique name and returns the name. */
export async function freshNamespace(client: Client, prefix = "rt"): Promise<string> {
  const name = `${prefix}-${randomUUID().slice(0, 8)}`;
  await client.create<Namespace>({ apiVersion: "v1", kind: "Namespace", metadata: { name } });
  return name;
}

/** Real sleep, for integration tests only. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
