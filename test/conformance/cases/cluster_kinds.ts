/**
 * The cluster kinds on both servers (rbac, scheduling, storage, admissionregistration,
 * certificates, node, autoscaling): per kind, its minimal and full objects created, read,
 * listed as a Table, updated, patched and deleted, and its invalid objects refused; the HPA's
 * two versions over one store; what kube-apiserver creates at start for these groups.
 */
import type { ConformanceCase } from "../harness/case.js";
import { clusterKinds, type ClusterKind } from "./cluster_kinds_fixtures.js";
import { bodyOf } from "./helpers.js";

const TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io";
const STRATEGIC = "application/strategic-merge-patch+json";

function collectionPath(
  kind: Pick<ClusterKind, "group" | "version" | "resource" | "namespaced">,
  namespace: string,
): string {
  const prefix = `/apis/${kind.group}/${kind.version}`;
  return kind.namespaced ? `${prefix}/namespaces/${namespace}/${kind.resource}` : `${prefix}/${kind.resource}`;
}

/** The object named after the case (cluster-scoped objects of two cases never meet), labelled to list it alone. */
function named(kind: ClusterKind, fields: Record<string, unknown>, name: string, namespace: string) {
  return {
    apiVersion: `${kind.group}/${kind.version}`,
    kind: kind.kind,
    ...fields,
    metadata: { name, labels: { "conformance-case": namespace } },
  };
}

function lifecycleCase(kind: ClusterKind): ConformanceCase {
  return {
    area: "crud",
    name: `${kind.kind} (${kind.group}/${kind.version}): minimal and full objects created, read, listed as a Table, updated, patched and deleted; invalid ones refused`,
    async run(t) {
      const path = collectionPath(kind, t.namespace);
      const minimal = `${t.namespace}-min`;
      const full = `${t.namespace}-full`;
      await t.http({ method: "POST", path, body: named(kind, kind.minimal, minimal, t.namespace) });
      await t.http({ method: "POST", path, body: named(kind, kind.full, full, t.namespace) });
      const stored = await t.http({ path: `${path}/${full}` });
      await t.http({ path: `${path}?labelSelector=conformance-case%3D${t.namespace}`, accept: TABLE });
      if (kind.fieldSelector)
        await t.http({
          path: `${path}?labelSelector=conformance-case%3D${t.namespace}&fieldSelector=${encodeURIComponent(kind.fieldSelector)}`,
        });
      await t.http({ method: "PUT", path: `${path}/${full}`, body: kind.update(bodyOf(stored)) });
      if (kind.strategicMergePatch)
        await t.http({
          method: "PATCH",
          path: `${path}/${full}`,
          body: kind.strategicMergePatch,
          contentType: STRATEGIC,
        });
      for (const [index, invalid] of kind.invalid.entries())
        await t.http({ method: "POST", path, body: named(kind, invalid, `${t.namespace}-bad${index}`, t.namespace) });
      await t.http({ method: "DELETE", path: `${path}/${minimal}` });
      await t.http({ method: "DELETE", path: `${path}/${full}` });
    },
  };
}

const hpaPath = (version: string, namespace: string, name = "") =>
  `/apis/autoscaling/${version}/namespaces/${namespace}/horizontalpodautoscalers${name ? `/${name}` : ""}`;

export const clusterKindCases: ConformanceCase[] = [
  ...clusterKinds.map(lifecycleCase),
  {
    area: "crud",
    name: "HorizontalPodAutoscalers: autoscaling/v1 and v2 are one store, converted as kube-apiserver converts them",
    async run(t) {
      const target = { apiVersion: "apps/v1", kind: "Deployment", name: "web" };
      await t.http({
        method: "POST",
        path: hpaPath("v1", t.namespace),
        body: {
          apiVersion: "autoscaling/v1",
          kind: "HorizontalPodAutoscaler",
          metadata: { name: "from-v1" },
          spec: { scaleTargetRef: target, maxReplicas: 4, targetCPUUtilizationPercentage: 70 },
        },
      });
      await t.http({ path: hpaPath("v2", t.namespace, "from-v1") });
      await t.http({
        method: "POST",
        path: hpaPath("v2", t.namespace),
        body: {
          apiVersion: "autoscaling/v2",
          kind: "HorizontalPodAutoscaler",
          metadata: { name: "from-v2" },
          spec: {
            scaleTargetRef: target,
            maxReplicas: 5,
            metrics: [
              {
                type: "Resource",
                resource: { name: "memory", target: { type: "AverageValue", averageValue: "100Mi" } },
              },
            ],
            behavior: { scaleUp: { selectPolicy: "Min" } },
          },
        },
      });
      const v1 = await t.http({ path: hpaPath("v1", t.namespace, "from-v2") });
      await t.http({
        method: "PUT",
        path: hpaPath("v1", t.namespace, "from-v2"),
        body: { ...bodyOf(v1), spec: { ...bodyOf(v1).spec, maxReplicas: 6 } },
      });
      await t.http({ path: hpaPath("v2", t.namespace, "from-v2") });
      await t.http({ path: hpaPath("v1", t.namespace), accept: TABLE });
    },
  },
  {
    area: "discovery",
    name: "the system priority classes kube-apiserver creates at start are there",
    async run(t) {
      for (const name of ["system-node-critical", "system-cluster-critical"])
        await t.http({ path: `/apis/scheduling.k8s.io/v1/priorityclasses/${name}` });
    },
  },
  {
    area: "validation",
    name: "only one PriorityClass may be the global default",
    async run(t) {
      const path = "/apis/scheduling.k8s.io/v1/priorityclasses";
      for (const suffix of ["a", "b"])
        await t.http({
          method: "POST",
          path,
          body: {
            apiVersion: "scheduling.k8s.io/v1",
            kind: "PriorityClass",
            metadata: { name: `${t.namespace}-${suffix}` },
            value: 5,
            globalDefault: true,
          },
        });
      for (const suffix of ["a", "b"]) await t.send({ method: "DELETE", path: `${path}/${t.namespace}-${suffix}` });
    },
  },
  {
    area: "discovery",
    name: "the bootstrap RBAC policy: cluster-admin and the system roles and bindings",
    async run(t) {
      await t.http({ path: "/apis/rbac.authorization.k8s.io/v1/clusterroles/cluster-admin" });
      await t.http({ path: "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/cluster-admin" });
    },
  },
  {
    area: "discovery",
    name: "the API Priority and Fairness bootstrap FlowSchemas and PriorityLevelConfigurations",
    async run(t) {
      for (const resource of ["flowschemas", "prioritylevelconfigurations"]) {
        const list = await t.send({ path: `/apis/flowcontrol.apiserver.k8s.io/v1/${resource}` });
        t.record(
          resource,
          ((bodyOf(list).items ?? []) as { metadata: { name: string } }[]).map((item) => item.metadata.name),
        );
      }
    },
  },
  {
    area: "discovery",
    name: "apiregistration.k8s.io APIServices name every served group version",
    async run(t) {
      const list = await t.send({ path: "/apis/apiregistration.k8s.io/v1/apiservices" });
      t.record(
        "apiservices",
        ((bodyOf(list).items ?? []) as { metadata: { name: string } }[]).map((item) => item.metadata.name),
      );
    },
  },
  {
    area: "crud",
    name: "authentication and authorization reviews answer for the requesting user",
    async run(t) {
      await t.http({
        method: "POST",
        path: "/apis/authentication.k8s.io/v1/selfsubjectreviews",
        body: { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" },
      });
      await t.http({
        method: "POST",
        path: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
        body: {
          apiVersion: "authorization.k8s.io/v1",
          kind: "SelfSubjectAccessReview",
          spec: { resourceAttributes: { verb: "get", resource: "pods", namespace: t.namespace } },
        },
      });
    },
  },
];
