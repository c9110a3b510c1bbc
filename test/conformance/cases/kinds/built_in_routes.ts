/**
 * What every built-in kind gets from the generic server, whatever its own rules: the verbs
 * discovery lists and no others (a create-only kind's collection is 405, its objects 404), the
 * scale subresource of the workloads as autoscaling/v1 Scale, and the subresources no process
 * serves here answered for a missing object as kube-apiserver does.
 */
import type { ConformanceCase } from "../../harness/case.js";
import { bodyOf, expectStatus } from "../helpers.js";

const MERGE = "application/merge-patch+json";

function deployment(name: string, replicas: number): Record<string, unknown> {
  const labels = { app: name };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: "app", image: "nginx" }] } },
    },
  };
}

export const builtInRouteCases: ConformanceCase[] = [
  {
    area: "kinds",
    name: "a verb discovery does not list is 405 on a path with other verbs, 404 on one with none",
    async run(t) {
      await t.http({ path: "/apis/authentication.k8s.io/v1/tokenreviews" });
      await t.http({ path: "/apis/authentication.k8s.io/v1/tokenreviews/x" });
      await t.http({ method: "DELETE", path: "/apis/authorization.k8s.io/v1/subjectaccessreviews" });
      await t.http({ method: "PUT", path: "/api/v1/bindings/x", body: {} });
    },
  },
  {
    area: "kinds",
    name: "a deployment's scale subresource reads and writes autoscaling/v1 Scale",
    async run(t) {
      const deployments = `/apis/apps/v1/namespaces/${t.namespace}/deployments`;
      // The deployment's own defaults are the apps/v1 fixtures' business: only Scale is compared here.
      expectStatus(await t.send({ method: "POST", path: deployments, body: deployment("web", 2) }), 201);
      expectStatus(await t.http({ path: `${deployments}/web/scale` }), 200);
      const patch = { method: "PATCH", path: `${deployments}/web/scale`, contentType: MERGE };
      expectStatus(await t.http({ ...patch, body: { spec: { replicas: 5 } } }), 200);
      const stored = await t.send({ path: `${deployments}/web` });
      t.record("the deployment's spec.replicas after the scale write", bodyOf(stored).spec?.replicas);
      await t.http({ path: `${deployments}/nope/scale` });
    },
  },
  {
    area: "kinds",
    name: "subresources that need a running process answer a missing object with its 404",
    async run(t) {
      const pods = `/api/v1/namespaces/${t.namespace}/pods`;
      for (const subresource of ["log", "exec", "proxy", "attach", "portforward", "ephemeralcontainers", "resize"])
        await t.http({ path: `${pods}/nope/${subresource}` });
      await t.http({ path: "/api/v1/nodes/nope/proxy" });
    },
  },
];
