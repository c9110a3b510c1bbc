/**
 * What kube-apiserver creates for the service network at start: the default ServiceCIDR, the
 * `kubernetes` Service in `default` and the IPAddress its cluster IP is recorded in.
 */
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, expectStatus } from "./helpers.js";

export const serviceNetworkCases: ConformanceCase[] = [
  {
    area: "crud",
    name: "the default ServiceCIDR, the kubernetes Service and its IPAddress exist from the start",
    async run(t) {
      expectStatus(await t.http({ path: "/apis/networking.k8s.io/v1/servicecidrs/kubernetes" }), 200);
      expectStatus(await t.http({ path: "/apis/networking.k8s.io/v1/ipaddresses/10.0.0.1" }), 200);
      const service = await t.send({ path: "/api/v1/namespaces/default/services/kubernetes" });
      expectStatus(service, 200);
      // The https port leads to the server, whose port differs between the two.
      const body = bodyOf(service);
      for (const port of body.spec.ports ?? [])
        port.targetPort = typeof port.targetPort === "number" ? "<port>" : port.targetPort;
      t.record("GET /api/v1/namespaces/default/services/kubernetes", { status: service.status, body });
    },
  },
];
