// The kubebuilder book's envtest suite for the CronJob controller (test/controller_suite.ts) on the
// real control plane (etcd, kube-apiserver, kube-controller-manager) where its binaries are built
// (`npm run control-plane:build` in uselessctl); skipped with a one-line notice where they are not.
import { findBinaryAssets } from "uselessctl/testenv";
import { describeCronJobController } from "../test/controller_suite.js";
import { startProjectTestEnv } from "../test/suite.js";

let missing: string | undefined;
try {
  findBinaryAssets();
} catch (error) {
  missing = `the control plane binaries are not built: ${(error as Error).message.split("\n")[0]}`;
}

describeCronJobController(
  "binaries",
  () => startProjectTestEnv({ controlPlane: "binaries", useExistingCluster: false }),
  { skip: missing },
);
