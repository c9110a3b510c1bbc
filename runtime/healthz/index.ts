/**
 * Health and readiness checks: a {@link Checker} throws when unhealthy; the manager serves them on
 * `/healthz` and `/readyz` (`mgr.addHealthzCheck`, `mgr.addReadyzCheck`).
 */
export { ping, runChecks, checksHandler, type Checker } from "./healthz.js";
