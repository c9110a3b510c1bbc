/**
 * Prometheus metrics with controller-runtime's names (`controller_runtime_reconcile_total`,
 * `workqueue_depth`, `rest_client_requests_total`, ...). The manager owns one
 * {@link RuntimeMetrics} and serves it on `/metrics`.
 */
export { RuntimeMetrics, type ReconcileResultLabel } from "./registry.js";
