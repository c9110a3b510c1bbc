/**
 * What kube-apiserver's bootstrap controllers create for the service network when they start:
 * the default ServiceCIDR ("kubernetes", the service range, Ready), and the `kubernetes` Service in
 * `default` with the range's first address, its IPAddress, and a port that leads to this server.
 * Like the reference control plane (--endpoint-reconciler-type=none), no Endpoints are written.
 */
import { serviceClusterIPRange } from "../registry/core/service_allocation.js";
import { timestamp } from "../registry/object_service.js";
import { objectKey, type Store } from "../storage/store.js";
import type { KubeObject } from "../storage/types.js";

/** The first usable address of the service range, which the `kubernetes` Service always holds. */
export const kubernetesServiceIP = "10.0.0.1";

function objectMeta(name: string, now: Date, fields: Record<string, unknown> = {}) {
  return { name, uid: crypto.randomUUID(), creationTimestamp: timestamp(now), ...fields };
}

/** A managedFields entry of a write the server makes itself (an Apply when it goes through /status). */
function managedBy(
  manager: string,
  apiVersion: string,
  now: Date,
  fieldsV1: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  const operation = extra.subresource ? "Apply" : "Update";
  return { manager, operation, apiVersion, time: timestamp(now), fieldsType: "FieldsV1", fieldsV1, ...extra };
}

function serviceCIDR(now: Date): KubeObject {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "ServiceCIDR",
    metadata: objectMeta("kubernetes", now, {
      managedFields: [
        managedBy(
          "kubernetes-service-cidr-controller",
          "networking.k8s.io/v1",
          now,
          {
            "f:status": {
              "f:conditions": {
                'k:{"type":"Ready"}': {
                  ".": {},
                  "f:lastTransitionTime": {},
                  "f:message": {},
                  "f:status": {},
                  "f:type": {},
                },
              },
            },
          },
          { subresource: "status" },
        ),
        managedBy("kube-apiserver", "networking.k8s.io/v1", now, { "f:spec": { "f:cidrs": {} } }),
      ],
    }),
    spec: { cidrs: [serviceClusterIPRange] },
    status: {
      conditions: [
        {
          type: "Ready",
          status: "True",
          lastTransitionTime: timestamp(now),
          reason: "",
          message: "Kubernetes default Service CIDR is ready",
        },
      ],
    },
  };
}

function kubernetesService(now: Date, port: number): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: objectMeta("kubernetes", now, {
      namespace: "default",
      labels: { component: "apiserver", provider: "kubernetes" },
      managedFields: [
        managedBy("kube-apiserver", "v1", now, {
          "f:metadata": { "f:labels": { ".": {}, "f:component": {}, "f:provider": {} } },
          "f:spec": {
            "f:clusterIP": {},
            "f:internalTrafficPolicy": {},
            "f:ipFamilyPolicy": {},
            "f:ports": {
              ".": {},
              'k:{"port":443,"protocol":"TCP"}': {
                ".": {},
                "f:name": {},
                "f:port": {},
                "f:protocol": {},
                "f:targetPort": {},
              },
            },
            "f:sessionAffinity": {},
            "f:type": {},
          },
        }),
      ],
    }),
    spec: {
      ports: [{ name: "https", protocol: "TCP", port: 443, targetPort: port }],
      clusterIP: kubernetesServiceIP,
      clusterIPs: [kubernetesServiceIP],
      type: "ClusterIP",
      sessionAffinity: "None",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      internalTrafficPolicy: "Cluster",
    },
    status: { loadBalancer: {} },
  };
}

function ipAddress(now: Date): KubeObject {
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "IPAddress",
    metadata: objectMeta(kubernetesServiceIP, now, {
      labels: {
        "ipaddress.kubernetes.io/ip-family": "IPv4",
        "ipaddress.kubernetes.io/managed-by": "ipallocator.k8s.io",
      },
      managedFields: [
        managedBy("kube-apiserver", "networking.k8s.io/v1", now, {
          "f:metadata": {
            "f:labels": {
              ".": {},
              "f:ipaddress.kubernetes.io/ip-family": {},
              "f:ipaddress.kubernetes.io/managed-by": {},
            },
          },
          "f:spec": { "f:parentRef": { ".": {}, "f:name": {}, "f:namespace": {}, "f:resource": {} } },
        }),
      ],
    }),
    spec: { parentRef: { resource: "services", namespace: "default", name: "kubernetes" } },
  };
}

/**
 * Writes the objects that are missing; a `kubernetes` Service kept from an earlier run gets this
 * run's port, as the reference's reconciler keeps it pointing at the server.
 */
export async function ensureDefaultServiceNetwork(store: Store, now: Date, port: number): Promise<void> {
  const writes: Promise<void>[] = [];
  const cidrKey = objectKey(undefined, "kubernetes");
  if (!store.get("networking.k8s.io/servicecidrs", cidrKey))
    writes.push(store.put("networking.k8s.io/servicecidrs", cidrKey, serviceCIDR(now)).durable);
  const serviceKey = objectKey("default", "kubernetes");
  const existing = store.get("/services", serviceKey);
  if (!existing) writes.push(store.put("/services", serviceKey, kubernetesService(now, port)).durable);
  else {
    const spec = existing.spec as { ports?: { name?: string; targetPort?: unknown }[] } | undefined;
    const https = spec?.ports?.find((entry) => entry.name === "https");
    if (https && https.targetPort !== port) {
      const updated = structuredClone(existing);
      const ports = (updated.spec as { ports: { name?: string; targetPort?: unknown }[] }).ports;
      for (const entry of ports) if (entry.name === "https") entry.targetPort = port;
      writes.push(store.put("/services", serviceKey, updated).durable);
    }
  }
  const addressKey = objectKey(undefined, kubernetesServiceIP);
  if (!store.get("networking.k8s.io/ipaddresses", addressKey))
    writes.push(store.put("networking.k8s.io/ipaddresses", addressKey, ipAddress(now)).durable);
  await Promise.all(writes);
}
