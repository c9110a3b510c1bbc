/**
 * controller-runtime's webhook metrics (pkg/webhook/internal/metrics `InstrumentedHook`): per
 * registered path, the requests by HTTP status code, the latency and the requests in flight.
 */
import type { RuntimeMetrics } from "../metrics/registry.js";
import type { WebhookHttpHandler } from "./admission/webhook.js";

/** `handler` counted, timed and tracked in flight under the `webhook="<path>"` label. */
export function instrumentedHandler(
  path: string,
  handler: WebhookHttpHandler,
  metrics: RuntimeMetrics,
): WebhookHttpHandler {
  const labels = { webhook: path };
  // As InstrumentedHook, the 200 and 500 series exist (at zero) from registration on.
  metrics.webhookRequests.inc({ ...labels, code: "200" }, 0);
  metrics.webhookRequests.inc({ ...labels, code: "500" }, 0);
  return async (request, response) => {
    const started = process.hrtime.bigint();
    metrics.webhookInFlight.inc(labels);
    response.once("finish", () => {
      metrics.webhookRequests.inc({ ...labels, code: String(response.statusCode) });
      metrics.webhookLatency.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    try {
      await handler(request, response);
    } finally {
      metrics.webhookInFlight.dec(labels);
    }
  };
}
