/**
 * What discovery lists and this server cannot answer as kube-apiserver does, because the process
 * behind the answer does not run here (each an accepted difference, with its reason in
 * accepted_differences.yaml): component health, the aggregation layer's APIServices. A pod's
 * kubelet subresources are answered as with no kubelet (core_pods.ts).
 */
import type { ConformanceCase } from "../../harness/case.js";
import { expectStatus } from "../helpers.js";

export const notServedCases: ConformanceCase[] = [
  {
    area: "kinds",
    name: "componentstatuses lists the health of the control plane's components",
    async run(t) {
      expectStatus(await t.http({ path: "/api/v1/componentstatuses" }), 200);
    },
  },
  {
    area: "kinds",
    name: "apiservices lists an APIService per served group version",
    async run(t) {
      await t.http({ path: "/apis/apiregistration.k8s.io/v1/apiservices/v1.apps" });
    },
  },
];
