import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { Agent, request } from "node:https";
import { freshNamespace, startTestServer, type TestServer } from "../helpers/embedded_apiserver.js";

/** A client that keeps its connection open, as client-go does (client-node opens one per request). */
function keepAliveClient(env: TestServer) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1, ca: env.server.caCertificatePem });
  const call = (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }> =>
    new Promise((resolve, reject) => {
      const outgoing = request(
        new URL(path, env.server.url),
        { method, agent, headers: { Authorization: `Bearer ${env.server.token}`, "Content-Type": "application/json" } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              json: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>,
            }),
          );
        },
      );
      outgoing.on("error", reject);
      outgoing.end(body === undefined ? undefined : JSON.stringify(body));
    });
  return { call, close: () => agent.destroy() };
}

describe("embedded API server: optimistic concurrency under load", () => {
  let env: TestServer;
  before(async () => {
    env = await startTestServer();
  });
  after(() => env.stop());

  it("ends with exactly 1000 when 20 clients increment a counter 50 times each with retry-on-conflict", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const path = `/api/v1/namespaces/${namespace}/configmaps/counter`;
    const setup = keepAliveClient(env);
    assert.equal(
      (
        await setup.call("POST", `/api/v1/namespaces/${namespace}/configmaps`, {
          metadata: { name: "counter" },
          data: { value: "0" },
        })
      ).status,
      201,
    );
    setup.close();
    let conflicts = 0;
    const increment = async (): Promise<void> => {
      const client = keepAliveClient(env);
      for (let done = 0; done < 50; done++) {
        for (let attempt = 0; ; attempt++) {
          const current = await client.call("GET", path);
          const data = current.json.data as { value: string };
          const written = await client.call("PUT", path, {
            ...current.json,
            data: { value: String(Number(data.value) + 1) },
          });
          if (written.status === 200) break;
          assert.equal(written.status, 409, JSON.stringify(written.json));
          conflicts++;
          // Exponential back-off with jitter, as client-go's retry.RetryOnConflict, so that racing writers spread out.
          if (attempt > 2)
            await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(2 ** attempt, 16)));
        }
      }
      client.close();
    };
    await Promise.all(Array.from({ length: 20 }, increment));
    const final = keepAliveClient(env);
    const counter = await final.call("GET", path);
    final.close();
    assert.equal((counter.json.data as { value: string }).value, "1000");
    assert.ok(conflicts > 0, "racing writers must have met conflicts");
  });
});
