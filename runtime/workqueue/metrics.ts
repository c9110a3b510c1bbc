/** What a queue reports about itself; the manager plugs in Prometheus, tests a recorder. */
export interface QueueMetrics {
  /** An item was added (counted even when de-duplicated away, as client-go does). */
  add(): void;
  /** The number of items waiting changed. */
  depth(value: number): void;
  /** An item waited this long between being queued and being handed out. */
  queueLatency(seconds: number): void;
  /** An item was processed for this long (from get to done). */
  workDuration(seconds: number): void;
  /** An item was re-queued with rate limiting. */
  retry(): void;
}

/** Metrics that go nowhere. */
export const noopQueueMetrics: QueueMetrics = {
  add: () => undefined,
  depth: () => undefined,
  queueLatency: () => undefined,
  workDuration: () => undefined,
  retry: () => undefined,
};
