/**
 * Work queues, as client-go's `workqueue`: {@link WorkQueue} (de-duplicating FIFO that never hands
 * out one key twice at once), {@link RateLimitingQueue} (plus delayed adds and rate-limited
 * retries) and the rate limiters behind it. Controllers create their queue; reconcilers never see
 * it. Metrics go through the {@link QueueMetrics} interface so this folder has no Prometheus
 * dependency.
 */
export { WorkQueue, type WorkQueueOptions, type QueueGetResult } from "./queue.js";
export { RateLimitingQueue, type RateLimitingQueueOptions } from "./rate_limiting_queue.js";
export {
  BucketRateLimiter,
  ItemExponentialFailureRateLimiter,
  MaxOfRateLimiter,
  defaultControllerRateLimiter,
  DEFAULT_RATE_LIMITER_OPTIONS,
  type RateLimiter,
  type BucketOptions,
  type ExponentialOptions,
} from "./rate_limiters.js";
export { noopQueueMetrics, type QueueMetrics } from "./metrics.js";
