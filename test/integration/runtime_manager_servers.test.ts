/**
 * The manager's HTTP servers on real sockets: `/healthz`, `/readyz` and `/metrics` are served while
 * it runs and closed when it stops, and a taken port fails the start with an error that names the
 * option and the port. Each test starts its own manager on loopback ports the system picks; the
 * API server is a fake transport, so no API server is started.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { ConfigMap, controllerManagedBy, createManager, discardLogger } from "uselessctl";
import { fakeConfigMapServer } from "../../runtime/internal/testing/fake_transport.js";

/** Holds a loopback port, as another process would. */
async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

test("the manager serves probes and metrics while it runs and closes them when it stops", async () => {
  const server = fakeConfigMapServer();
  const mgr = createManager({
    transport: server.transport,
    logger: discardLogger,
    metricsBindAddress: "127.0.0.1:0",
    healthProbeBindAddress: "127.0.0.1:0",
  });
  let reconciled!: () => void;
  const firstReconcile = new Promise<void>((resolve) => (reconciled = resolve));
  controllerManagedBy(mgr)
    .for(ConfigMap)
    .complete(async () => reconciled());
  mgr.addReadyzCheck("custom", () => undefined);
  const running = mgr.start();
  await mgr.elected();
  assert.equal(await mgr.getCache().waitForCacheSync(), true);
  const { metrics, healthProbe } = mgr.servingAddresses();
  assert.equal((await fetch(`http://${healthProbe}/healthz`)).status, 200);
  const readyz = await fetch(`http://${healthProbe}/readyz?verbose`);
  assert.equal(readyz.status, 200);
  assert.match(await readyz.text(), /\[\+\]custom ok\n\[\+\]informers ok\n\[\+\]ping ok\nreadyz check passed/);
  assert.equal((await fetch(`http://${healthProbe}/readyz/custom`)).status, 200);
  assert.equal((await fetch(`http://${healthProbe}/nothing`)).status, 404);

  server.push({ metadata: { namespace: "ns", name: "a" } });
  await firstReconcile;
  const text = await (await fetch(`http://${metrics}/metrics`)).text();
  assert.match(text, /workqueue_adds_total\{name="configmap",controller="configmap"\} 1/);
  assert.match(text, /process_cpu_seconds_total/);

  await mgr.stop();
  await running;
  await assert.rejects(fetch(`http://${healthProbe}/healthz`), "the probe server is closed");
  await assert.rejects(fetch(`http://${metrics}/metrics`), "the metrics server is closed");
});

for (const option of ["healthProbeBindAddress", "metricsBindAddress"] as const) {
  test(`a taken port fails start with an error naming ${option} and the port, and leaves nothing running`, async () => {
    const taken = await occupiedPort();
    try {
      const other = option === "healthProbeBindAddress" ? "metricsBindAddress" : "healthProbeBindAddress";
      const mgr = createManager({
        transport: fakeConfigMapServer().transport,
        logger: discardLogger,
        [option]: `127.0.0.1:${taken.port}`,
        [other]: "127.0.0.1:0",
      });
      let runnableStarted = false;
      mgr.add({ needLeaderElection: false, start: async () => void (runnableStarted = true) });
      await assert.rejects(mgr.start(), (err: Error) => {
        assert.equal(err.name, "BindError");
        assert.equal(
          err.message,
          `${option} "127.0.0.1:${taken.port}": cannot listen: port ${taken.port} is already in use (choose another address, or "0" to disable)`,
        );
        assert.equal((err.cause as NodeJS.ErrnoException).code, "EADDRINUSE");
        return true;
      });
      assert.equal(runnableStarted, false, "nothing starts after a server failed to listen");
      const otherAddress = mgr.servingAddresses()[other === "metricsBindAddress" ? "metrics" : "healthProbe"];
      if (otherAddress) await assert.rejects(fetch(`http://${otherAddress}/`), "the other server was closed");
    } finally {
      taken.server.close();
    }
  });
}
