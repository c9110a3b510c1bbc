// The kubebuilder book's envtest suite for the CronJob controller (test/controller_suite.ts) on the
// server that `startTestEnv` starts by default: the local API server, or the current cluster with
// USE_EXISTING_CLUSTER=true. cronjob_controller_binaries.test.ts runs it on the real control plane.
import { describeCronJobController } from "../test/controller_suite.js";
import { startProjectTestEnv } from "../test/suite.js";

describeCronJobController("default test environment", () => startProjectTestEnv());
