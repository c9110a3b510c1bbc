import { test } from "node:test";
import assert from "node:assert/strict";
import { TerminalError } from "../../reconcile/reconcile.js";
import { applyOutcome, outcomeOf, type OutcomeQueue } from "./outcome.js";

function recordingQueue(): OutcomeQueue<string> & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    forget: (key) => calls.push(`forget ${key}`),
    addRateLimited: (key) => calls.push(`addRateLimited ${key}`),
    addAfter: (key, delay) => calls.push(`addAfter ${key} ${delay}`),
  };
}

const cases: [string, Parameters<typeof outcomeOf>[0], string[], string][] = [
  ["nothing returned forgets the key", { result: undefined }, ["forget k"], "success"],
  ["an empty result forgets the key", { result: {} }, ["forget k"], "success"],
  ["requeue retries with back-off", { result: { requeue: true } }, ["addRateLimited k"], "requeue"],
  [
    "requeueAfter forgets back-off and waits",
    { result: { requeueAfter: 5000 } },
    ["forget k", "addAfter k 5000"],
    "requeue_after",
  ],
  [
    "requeueAfter wins over requeue",
    { result: { requeue: true, requeueAfter: 10 } },
    ["forget k", "addAfter k 10"],
    "requeue_after",
  ],
  [
    "requeueAfter 0 with requeue is a rate-limited requeue",
    { result: { requeue: true, requeueAfter: 0 } },
    ["addRateLimited k"],
    "requeue",
  ],
  ["a thrown error retries with back-off", { error: new Error("boom") }, ["addRateLimited k"], "error"],
  ["a terminal error is not retried", { error: new TerminalError("bad spec") }, ["forget k"], "error"],
  [
    "an error caused by a terminal error is terminal",
    { error: new Error("wrapped", { cause: new TerminalError("bad") }) },
    ["forget k"],
    "error",
  ],
];

for (const [name, settled, calls, label] of cases) {
  test(`outcome: ${name}`, () => {
    const queue = recordingQueue();
    assert.equal(applyOutcome(queue, "k", outcomeOf(settled)), label);
    assert.deepEqual(queue.calls, calls);
  });
}
