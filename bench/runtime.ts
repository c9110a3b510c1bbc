/**
 * `npm run bench:runtime`: figures of the controller runtime on an in-process fake API server
 * (a Transport serving a paged list of N objects and a quiet watch), so they measure the runtime
 * and not the network or a server:
 * - start-up time from `mgr.start()` to synced caches, and reconciles per second of a no-op
 *   reconciler over N objects (each object reconciled once);
 * - heap per cached object (a Switch with managedFields, which the default transform strips);
 * - work queue overhead per item (add, get, done).
 * Prints figures; never fails on a time. `--objects N` changes N (default 10,000).
 */
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  controllerManagedBy,
  createManager,
  defineGroupVersion,
  discardLogger,
  WorkQueue,
  Scheme,
  type KubernetesObject,
  type Transport,
} from "uselessctl";

const { values } = parseArgs({ options: { objects: { type: "string", default: "10000" } } });
const objectCount = Number(values.objects);

interface Switch extends KubernetesObject {
  spec: { position: "up" | "down" };
  status?: { seenAt?: string };
}
const Switch = defineGroupVersion({
  group: "useless.container.training",
  version: "v1alpha1",
  scheme: new Scheme(),
}).kind<Switch>({
  kind: "Switch",
  plural: "switches",
});

function makeSwitch(i: number): Switch {
  const machine = `machine-${Math.floor(i / 3)}`;
  const time = "2026-01-01T00:00:00Z";
  return {
    apiVersion: Switch.apiVersion,
    kind: Switch.kind,
    metadata: {
      name: `switch-${i.toString(36).padStart(5, "0")}`,
      namespace: "default",
      uid: `00000000-0000-0000-0000-${i.toString().padStart(12, "0")}`,
      resourceVersion: String(1000 + i),
      generation: 1,
      creationTimestamp: time,
      labels: { machine },
      ownerReferences: [
        {
          apiVersion: Switch.apiVersion,
          kind: "Machine",
          name: machine,
          uid: "11111111-2222-3333-4444-555555555555",
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
      managedFields: [
        {
          manager: "uselessctl-manager",
          operation: "Update",
          apiVersion: Switch.apiVersion,
          time,
          fieldsType: "FieldsV1",
          fieldsV1: {
            "f:metadata": { "f:labels": { ".": {}, "f:machine": {} }, "f:ownerReferences": {} },
            "f:spec": { ".": {}, "f:position": {} },
          },
        },
        {
          manager: "kubectl-patch",
          operation: "Update",
          apiVersion: Switch.apiVersion,
          time,
          fieldsType: "FieldsV1",
          fieldsV1: { "f:spec": { "f:position": {} } },
        },
      ],
    },
    spec: { position: i % 2 === 0 ? "down" : "up" },
    status: {},
  };
}

/** A fake API server: pages of the list as a real server would send them, and a watch that stays open. */
function fakeServer(count: number): Transport {
  return {
    async request(req) {
      const url = new URL(req.path, "http://fake");
      const limit = Number(url.searchParams.get("limit") ?? count);
      const start = Number(url.searchParams.get("continue") ?? 0);
      const end = Math.min(count, start + limit);
      const items = [];
      for (let i = start; i < end; i++) items.push(makeSwitch(i));
      // A JSON round trip, as a body parsed from the wire would be.
      return JSON.parse(
        JSON.stringify({
          metadata: { resourceVersion: String(1000 + count), ...(end < count ? { continue: String(end) } : {}) },
          items,
        }),
      );
    },
    watch: (req) => new Promise((resolve) => req.signal?.addEventListener("abort", () => resolve(), { once: true })),
  };
}

function gc(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

function format(n: number, digits = 0): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

async function managerFigures(): Promise<void> {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const mgr = createManager({ transport: fakeServer(objectCount), logger: discardLogger, metricsBindAddress: "0" });
  let reconciled = 0;
  let allDone!: () => void;
  const done = new Promise<void>((resolve) => (allDone = resolve));
  let syncedAt = 0;
  controllerManagedBy(mgr)
    .for(Switch)
    .withOptions({ maxConcurrentReconciles: 4 })
    .complete(async () => {
      if (reconciled === 0) syncedAt = performance.now();
      if (++reconciled === objectCount) allDone();
    });
  const startedAt = performance.now();
  const running = mgr.start();
  await mgr.elected();
  await mgr.getCache().waitForCacheSync();
  const synced = performance.now() - startedAt;
  await done;
  const finished = performance.now();
  gc();
  const heapCached = process.memoryUsage().heapUsed - heapBefore;
  await mgr.stop();
  await running;
  const reconcileSeconds = (finished - syncedAt) / 1000;
  console.log(`objects:                          ${format(objectCount)} Switches (with managedFields on the wire)`);
  console.log(`start-up to synced caches:        ${format(synced)} ms`);
  console.log(
    `no-op reconciles:                 ${format(objectCount / reconcileSeconds)} /s (${format(reconcileSeconds * 1000)} ms for all, 4 workers)`,
  );
  console.log(
    `heap per cached object:           ${format(heapCached / objectCount / 1024, 2)} KiB (manager, cache, queue, metrics included)`,
  );
  console.log(`targets (issue #4):               >= 5,000 no-op reconciles/s, < 3 KiB heap per cached Switch`);
}

async function queueFigures(): Promise<void> {
  const items = 1_000_000;
  const queue = new WorkQueue<string>();
  const keys = Array.from({ length: 10_000 }, (_, i) => `default/switch-${i}`);
  const startedAt = performance.now();
  for (let i = 0; i < items; i++) {
    const key = keys[i % keys.length] as string;
    queue.add(key);
    const { item } = await queue.get();
    queue.done(item as string);
  }
  const elapsed = performance.now() - startedAt;
  console.log(
    `work queue add+get+done:          ${format((elapsed * 1e6) / items)} ns per item (${format(items)} items)`,
  );
}

await managerFigures();
await queueFigures();
