/**
 * The runtime against a real API server (issue #4, "what it must show"): concurrency, event
 * de-duplication, retries with metrics, owner and map watches with predicates, reads from the
 * cache only, and read-your-writes. One server for the file, a namespace and a manager per test;
 * the manager reaches the server through a counting front door.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  ConfigMap,
  Secret,
  controllerManagedBy,
  createLogger,
  discardLogger,
  createManager,
  enqueueRequestsFromMapFunc,
  isNotFound,
  mergePatch,
  newPredicateFuncs,
  setControllerReference,
  type Manager,
  type ReconcileFunc,
} from "uselessctl";
import { startFrontDoor, type FrontDoor } from "../helpers/front_door.js";
import { eventually, freshNamespace, pause, startRuntimeTestEnv } from "../helpers/runtime_env.js";

const setup = await startRuntimeTestEnv();
// Set RUNTIME_TEST_LOGS=1 to see the managers' logs.
const quietLogger = process.env.RUNTIME_TEST_LOGS ? createLogger({ level: "debug" }) : discardLogger;

describe("runtime against the API server", { skip: setup.skipReason }, () => {
  const client = setup.client!;
  let frontDoor: FrontDoor;
  const running: { mgr: Manager; done: Promise<void> }[] = [];

  before(async () => {
    frontDoor = await startFrontDoor(setup.env!.kubeConfig);
  });
  after(async () => {
    for (const { mgr } of running) await mgr.stop();
    await frontDoor?.stop();
    await setup.env?.stop();
  });

  /** A manager for one namespace, through the front door, started once `build` added controllers. */
  async function startManager(
    namespace: string,
    build: (mgr: Manager) => void,
    options: Parameters<typeof createManager>[0] = {},
  ) {
    const mgr = createManager({
      kubeConfig: frontDoor.kubeConfig,
      namespace,
      logger: quietLogger,
      gracefulShutdownTimeout: 2_000,
      ...options,
    });
    build(mgr);
    const done = mgr.start();
    running.push({ mgr, done });
    assert.equal(await mgr.getCache().waitForCacheSync(), true);
    return mgr;
  }

  const configMap = (namespace: string, name: string, extra: Partial<ConfigMap> = {}): ConfigMap => ({
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { namespace, name, ...extra.metadata },
    data: extra.data ?? {},
  });

  test("a reconciler that sleeps 5 s for one object does not delay another object's reconcile", async () => {
    const namespace = await freshNamespace(client);
    const finished = new Map<string, number>();
    const reconciler: ReconcileFunc = async (req, ctx) => {
      if (req.name === "slow") {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 5_000);
          ctx.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()));
        });
      }
      finished.set(req.name, Date.now());
    };
    await startManager(namespace, (mgr) =>
      controllerManagedBy(mgr).for(ConfigMap).withOptions({ maxConcurrentReconciles: 2 }).complete(reconciler),
    );
    await client.create(configMap(namespace, "slow"));
    await pause(100);
    const createdFast = Date.now();
    await client.create(configMap(namespace, "fast"));
    await eventually("the fast object to be reconciled", () => finished.has("fast"), 3_000);
    assert.ok((finished.get("fast") as number) - createdFast < 1_000, "fast reconciled within a second");
    assert.equal(finished.has("slow"), false, "while the slow one still sleeps");
    await eventually("the slow object to finish", () => finished.has("slow"), 7_000);
  });

  test("1000 events for one key while it is reconciling lead to at most one further reconcile", async () => {
    const namespace = await freshNamespace(client);
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const mgr = await startManager(namespace, (m) =>
      controllerManagedBy(m)
        .for(ConfigMap)
        .complete(async () => {
          calls++;
          if (calls === 1) await gate;
        }),
    );
    const hot = await client.create(configMap(namespace, "hot"));
    await eventually("the first reconcile to start", () => calls === 1);
    let last = hot;
    for (let batch = 0; batch < 50; batch++) {
      const writes = Array.from({ length: 20 }, (_, i) =>
        client.patch(configMap(namespace, "hot"), mergePatch({ data: { [`k${batch}-${i}`]: "v" } })),
      );
      for (const written of await Promise.all(writes)) {
        if (Number(written.metadata?.resourceVersion) > Number(last.metadata?.resourceVersion)) last = written;
      }
    }
    const informer = mgr.getCache().getInformer(ConfigMap);
    assert.equal(
      await informer.waitForResourceVersion(last.metadata?.resourceVersion ?? "", 10_000),
      true,
      "the cache saw all 1000 updates",
    );
    assert.equal(calls, 1, "no second reconcile while the first runs");
    release();
    await pause(500);
    assert.equal(calls, 2, "exactly one more reconcile for the 1000 events");
  });

  test("a failing reconcile is retried with growing delays, and the metrics count the errors", async () => {
    const namespace = await freshNamespace(client);
    const attempts: number[] = [];
    const mgr = await startManager(
      namespace,
      (m) =>
        controllerManagedBy(m)
          .for(ConfigMap)
          .named("flaky")
          .complete(async () => {
            attempts.push(performance.now());
            if (attempts.length <= 6) throw new Error(`attempt ${attempts.length} fails`);
          }),
      { metricsBindAddress: "127.0.0.1:0" },
    );
    await client.create(configMap(namespace, "flaky"));
    await eventually("the seventh attempt to succeed", () => attempts.length === 7);
    const gaps = attempts.slice(1).map((at, i) => at - (attempts[i] as number));
    // 5, 10, 20, 40, 80, 160 ms of back-off, give or take a timer tick.
    [5, 10, 20, 40, 80, 160].forEach((expected, i) =>
      assert.ok((gaps[i] as number) >= expected - 1, `gap ${i} was ${gaps[i]} ms, want >= ${expected}`),
    );
    assert.ok((gaps[5] as number) > (gaps[2] as number) * 3, `delays grow: ${gaps.map(Math.round).join(", ")} ms`);
    await pause(300);
    assert.equal(attempts.length, 7, "no retry after the success");
    const text = await (await fetch(`http://${mgr.servingAddresses().metrics}/metrics`)).text();
    assert.match(text, /controller_runtime_reconcile_errors_total\{controller="flaky"\} 6/);
    assert.match(text, /controller_runtime_reconcile_total\{controller="flaky",result="error"\} 6/);
    assert.match(text, /controller_runtime_reconcile_total\{controller="flaky",result="success"\} 1/);
    assert.match(text, /workqueue_retries_total\{name="flaky",controller="flaky"\} 6/);
  });

  test("owner and map-function watches enqueue the right keys, and predicates filter", async () => {
    const namespace = await freshNamespace(client);
    const seen: string[] = [];
    await startManager(namespace, (mgr) =>
      controllerManagedBy(mgr)
        .for(ConfigMap)
        .owns(Secret)
        .watches(
          Secret,
          enqueueRequestsFromMapFunc((secret) => {
            const target = secret.metadata?.labels?.target;
            return target ? [{ namespace: secret.metadata?.namespace ?? "", name: target }] : [];
          }),
        )
        .withEventFilter(newPredicateFuncs((obj) => obj.metadata?.labels?.skip !== "true"))
        .complete(async (req) => {
          seen.push(req.name);
        }),
    );
    const owner = await client.create(configMap(namespace, "owner"));
    await client.create(configMap(namespace, "skipped", { metadata: { labels: { skip: "true" } } }));
    await eventually("the owner to be reconciled", () => seen.includes("owner"));
    seen.length = 0;

    const owned: Secret = {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { namespace, name: "owned" },
      stringData: { a: "b" },
    };
    setControllerReference(owner, owned);
    await client.create(owned);
    await eventually("the owned secret to enqueue its owner", () => seen.includes("owner"));

    await client.create<Secret>({
      apiVersion: "v1",
      kind: "Secret",
      metadata: { namespace, name: "mapped", labels: { target: "elsewhere" } },
    });
    await eventually("the map function's key to be enqueued", () => seen.includes("elsewhere"));

    await client.create<Secret>({
      apiVersion: "v1",
      kind: "Secret",
      metadata: { namespace, name: "filtered", labels: { target: "never", skip: "true" } },
    });
    await client.patch(configMap(namespace, "skipped"), mergePatch({ data: { x: "1" } }));
    await pause(500);
    assert.equal(seen.includes("never"), false, "the predicate filtered the labelled secret");
    assert.equal(seen.includes("skipped"), false, "the predicate filtered the skipped config map");
  });

  test("reads in a reconcile cause no API requests", async () => {
    const namespace = await freshNamespace(client);
    let reconciles = 0;
    await startManager(namespace, (mgr) => {
      const reader = mgr.getClient();
      controllerManagedBy(mgr)
        .for(ConfigMap)
        .owns(Secret)
        .complete(async (req) => {
          for (let i = 0; i < 10; i++) {
            await reader.get(ConfigMap, req).catch((err: unknown) => {
              if (!isNotFound(err)) throw err;
            });
          }
          await reader.list(ConfigMap, { namespace: req.namespace });
          await reader.list(Secret, { namespace: req.namespace, matchingLabels: { app: "x" } });
          reconciles++;
        });
    });
    const readsBefore = frontDoor.count({ method: "GET" });
    await Promise.all(Array.from({ length: 20 }, (_, i) => client.create(configMap(namespace, `read-${i}`))));
    await eventually("20 reconciles", () => reconciles >= 20);
    assert.equal(frontDoor.count({ method: "GET" }) - readsBefore, 0, "240 reads, 0 GET requests at the server");
  });

  test("a cache read after the controller's own write sees that write", async () => {
    const namespace = await freshNamespace(client);
    const stale: string[] = [];
    let done = 0;
    await startManager(namespace, (mgr) => {
      const rw = mgr.getClient();
      controllerManagedBy(mgr)
        .for(ConfigMap)
        .complete(async (req) => {
          const cm = await rw.get(ConfigMap, req);
          if (cm.data?.step === "written") return;
          cm.data = { ...cm.data, step: "written" };
          await rw.update(cm);
          const again = await rw.get(ConfigMap, req);
          if (again.data?.step !== "written") stale.push(req.name);
          const listed = await rw.list(ConfigMap, { namespace });
          if (listed.items.find((item) => item.metadata?.name === req.name)?.data?.step !== "written")
            stale.push(`${req.name} (list)`);
          done++;
        });
    });
    await Promise.all(Array.from({ length: 20 }, (_, i) => client.create(configMap(namespace, `ryw-${i}`))));
    await eventually("20 write-then-read reconciles", () => done >= 20);
    assert.deepEqual(stale, []);
  });
});
