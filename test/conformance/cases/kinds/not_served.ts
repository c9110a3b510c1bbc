/**
 * What discovery lists and this server cannot answer as kube-apiserver does, because the process
 * behind the answer does not run here (each an accepted difference, with its reason in
 * accepted_differences.yaml): component health, the aggregation layer's APIServices, a kubelet.
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
  {
    area: "kinds",
    name: "a pod's log, exec, attach, portforward and proxy need a kubelet",
    async run(t) {
      const pods = `/api/v1/namespaces/${t.namespace}/pods`;
      const pod = {
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "p" },
        spec: { containers: [{ name: "app", image: "nginx" }] },
      };
      // The pod's own defaults are the core/v1 pod fixtures' business: only the subresources are compared.
      expectStatus(await t.send({ method: "POST", path: pods, body: pod }), 201);
      for (const subresource of ["log", "exec?command=ls", "attach", "portforward", "proxy"])
        await t.http({ path: `${pods}/p/${subresource}` });
    },
  },
];
