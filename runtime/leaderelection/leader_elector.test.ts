import { test } from "node:test";
import assert from "node:assert/strict";
import { FakeClock } from "../clock.js";
import { FakeClient } from "../client/fake.js";
import { Lease } from "../scheme/core_kinds.js";
import { LeaderElector } from "./leader_elector.js";

const tick = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** Advances fake time in retry-period steps, letting promises settle between steps. */
async function advance(clock: FakeClock, ms: number, step = 500): Promise<void> {
  for (let done = 0; done < ms; done += step) {
    clock.advance(step);
    await tick();
  }
}

function candidates(options: { releaseOnCancel?: boolean } = {}) {
  const clock = new FakeClock(Date.parse("2026-01-01T00:00:00Z"));
  const client = new FakeClient();
  const make = (identity: string) =>
    new LeaderElector({
      client,
      clock,
      identity,
      leaseName: "op",
      leaseNamespace: "sys",
      releaseOnCancel: options.releaseOnCancel ?? true,
    });
  return { clock, client, a: make("a"), b: make("b") };
}

test("exactly one of two candidates leads", async () => {
  const { clock, a, b, client } = candidates();
  const led: string[] = [];
  const stopA = new AbortController();
  const stopB = new AbortController();
  const runA = a.run(stopA.signal, () => led.push("a"));
  await tick();
  const runB = b.run(stopB.signal, () => led.push("b"));
  await advance(clock, 30_000);
  assert.deepEqual(led, ["a"]);
  const lease = await client.get(Lease, { namespace: "sys", name: "op" });
  assert.equal(lease.spec?.holderIdentity, "a");
  assert.equal(lease.spec?.leaseDurationSeconds, 15);
  stopB.abort();
  stopA.abort();
  await Promise.all([runA, runB]);
});

test("stopping the leader releases the lease and the standby takes over at its next retry", async () => {
  const { clock, a, b, client } = candidates();
  const led: string[] = [];
  const stopA = new AbortController();
  const stopB = new AbortController();
  const runA = a.run(stopA.signal, () => led.push("a"));
  await tick();
  const runB = b.run(stopB.signal, () => led.push("b"));
  await advance(clock, 4_000);
  stopA.abort();
  await runA;
  assert.equal((await client.get(Lease, { namespace: "sys", name: "op" })).spec?.holderIdentity, "");
  await advance(clock, 3_000);
  assert.deepEqual(led, ["a", "b"]);
  stopB.abort();
  await runB;
});

test("when the leader dies without releasing, the standby takes over after the lease duration", async () => {
  const { clock, a, b } = candidates({ releaseOnCancel: false });
  const led: { who: string; at: number }[] = [];
  const start = clock.now();
  const stopA = new AbortController();
  const stopB = new AbortController();
  const runA = a.run(stopA.signal, () => led.push({ who: "a", at: clock.now() - start }));
  await tick();
  const runB = b.run(stopB.signal, () => led.push({ who: "b", at: clock.now() - start }));
  await advance(clock, 2_000);
  stopA.abort();
  await runA;
  const diedAt = clock.now() - start;
  await advance(clock, 20_000);
  const takeover = led.find((entry) => entry.who === "b");
  assert.ok(takeover, "the standby took over");
  const waited = takeover.at - diedAt;
  assert.ok(waited >= 13_000 && waited <= 15_000 + 2_500, `took over ${waited} ms after the leader died`);
  stopB.abort();
  await runB;
});
