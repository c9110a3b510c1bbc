import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { StoreEvent } from "./types.js";
import { RevisionTooOldError, WatchHistory } from "./watch_history.js";

const event = (revision: number): StoreEvent => ({
  type: "MODIFIED",
  collection: "/configmaps",
  object: { metadata: { name: "a", resourceVersion: String(revision) } },
  previous: undefined,
  revision,
});

function clock(start = 0): { now(): number; advance(ms: number): void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

function tooOld(requested: number, oldest: number) {
  return (error: unknown) =>
    error instanceof RevisionTooOldError && error.message === `too old resource version: ${requested} (${oldest})`;
}

describe("WatchHistory", () => {
  it("resumes from its start revision onwards and refuses anything older, naming the start", () => {
    const history = new WatchHistory(10);
    history.add(event(12));
    history.add(event(15));
    assert.deepEqual(
      history.since(10).map((e) => e.revision),
      [12, 15],
    );
    assert.deepEqual(
      history.since(12).map((e) => e.revision),
      [15],
    );
    assert.deepEqual(history.since(20), []);
    assert.throws(() => history.since(9), tooOld(9, 10));
  });

  it("keeps growing while its changes are fresh, up to maxEvents", () => {
    const time = clock();
    const history = new WatchHistory(0, { minEvents: 4, maxEvents: 16, freshMs: 1000, now: time.now });
    for (let revision = 1; revision <= 16; revision++) history.add(event(revision));
    assert.equal(history.since(0).length, 16);
    history.add(event(17));
    assert.throws(() => history.since(0), tooOld(0, 1));
    assert.deepEqual(
      history
        .since(1)
        .map((e) => e.revision)
        .slice(0, 2),
      [2, 3],
    );
  });

  it("drops the oldest change once full of stale ones, and shrinks when even the newest quarter is stale", () => {
    const time = clock();
    const history = new WatchHistory(0, { minEvents: 4, maxEvents: 64, freshMs: 1000, now: time.now });
    for (let revision = 1; revision <= 8; revision++) history.add(event(revision));
    assert.equal(history.since(0).length, 8, "fresh changes made it grow to 8");
    time.advance(5000);
    history.add(event(9));
    // All 8 kept changes are stale: capacity halves to 4, keeping the newest 3 plus the new one.
    assert.deepEqual(
      history.since(5).map((e) => e.revision),
      [6, 7, 8, 9],
    );
    assert.throws(() => history.since(4), tooOld(4, 5));
  });

  it("restarts empty at a new revision, as a recreated watch cache does", () => {
    const history = new WatchHistory(0);
    history.add(event(1));
    history.restart(30);
    assert.deepEqual(history.since(30), []);
    assert.throws(() => history.since(29), tooOld(29, 30));
  });
});
