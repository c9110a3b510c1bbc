/**
 * Cluster IPs and node ports for Services, allocated as kube-apiserver's service storage does
 * (pkg/registry/core/service/storage/alloc.go with its ipallocator and portallocator): from the
 * service range and node port range the reference control plane runs with, dynamic values picked
 * at random from the upper part of each range (the lower part stays for values clients ask for),
 * and what is taken read from the stored Services, so deleting a Service frees its values.
 */
import { StatusError, fieldErrors, invalid } from "../../errors/status.js";
import {
  bigIntToIP,
  cidrContains,
  formatIP,
  ipToBigInt,
  parseCIDRSloppy,
  parseIPSloppy,
  type ParsedCIDR,
} from "../../validation/ip.js";
import type { KubeObject } from "../../storage/types.js";
import { clusterIPNone, needsClusterIP, needsHealthCheck, specOf, type ServiceSpec } from "./service_spec.js";

/** --service-cluster-ip-range of the reference control plane (apiserver/binaries/control_plane.ts). */
export const serviceClusterIPRange = "10.0.0.0/24";
/** kube-apiserver's default --service-node-port-range. */
export const nodePortRange = { base: 30000, size: 2768 } as const;

/** What the other stored Services hold. */
interface Taken {
  ips: Set<string>;
  nodePorts: Set<number>;
}

function takenBy(services: readonly KubeObject[], self: KubeObject): Taken {
  const taken: Taken = { ips: new Set(), nodePorts: new Set() };
  for (const service of services) {
    if (service.metadata.namespace === self.metadata.namespace && service.metadata.name === self.metadata.name)
      continue;
    const spec = (service.spec ?? {}) as ServiceSpec;
    for (const ip of spec.clusterIPs ?? []) if (ip !== clusterIPNone) taken.ips.add(canonicalIP(ip));
    for (const port of spec.ports ?? []) if (port.nodePort) taken.nodePorts.add(port.nodePort);
    if (spec.healthCheckNodePort) taken.nodePorts.add(spec.healthCheckNodePort);
  }
  return taken;
}

function canonicalIP(ip: string): string {
  const parsed = parseIPSloppy(ip);
  return parsed ? formatIP(parsed) : ip;
}

/** min(max(minimum, size / step), maximum), 0 for small ranges (calculateRangeOffset). */
function rangeOffset(size: number, minimum: number, step: number, maximum: number): number {
  if (size <= minimum) return 0;
  return Math.min(Math.max(minimum, Math.floor(size / step)), maximum);
}

/** A free value: at random in [offset, size), then in [0, offset), scanning on from the pick. */
function pickFree(size: number, offset: number, isFree: (index: number) => boolean): number | undefined {
  for (const [from, to] of [
    [offset, size],
    [0, offset],
  ] as const) {
    const span = to - from;
    const start = Math.floor(Math.random() * span);
    for (let step = 0; step < span; step++) {
      const index = from + ((start + step) % span);
      if (isFree(index)) return index;
    }
  }
  return undefined;
}

function serviceInvalid(service: KubeObject, field: string, value: unknown, detail: string): StatusError {
  return invalid({ group: "", kind: "Service" }, service.metadata.name ?? "", [
    fieldErrors.invalid(field, value, detail),
  ]);
}

const range: ParsedCIDR = parseCIDRSloppy(serviceClusterIPRange) as ParsedCIDR;
const rangeSize = Number(2n ** BigInt(range.bits - range.prefixLength)) - 2;
const firstAddress = ipToBigInt(range.network) + 1n;

/** The IP asked for, or a free one, for the primary family (this server has one). */
function allocateClusterIP(service: KubeObject, spec: ServiceSpec, taken: Taken): void {
  const requested = spec.clusterIPs?.[0];
  const clusterIPs = spec.clusterIPs ?? [];
  if (requested) {
    const ip = parseIPSloppy(requested);
    const fail = (why: string) =>
      serviceInvalid(service, "spec.clusterIPs", clusterIPs, `failed to allocate IP ${requested}: ${why}`);
    // The ServiceCIDR allocator finds no range for an address outside the usable ones (the
    // network and broadcast addresses included); a dry run, which kube-apiserver checks with its
    // older bitmap allocator, would word this "not in the valid range" (not reproduced).
    const index = ip && cidrContains(range, ip) ? ipToBigInt(ip) - firstAddress : -1n;
    if (!ip || index < 0n || index >= BigInt(rangeSize))
      throw fail("the provided network does not match the current range");
    if (taken.ips.has(formatIP(ip))) throw fail("provided IP is already allocated");
    return;
  }
  const offset = rangeOffset(rangeSize, 16, 16, 256);
  const free = pickFree(
    rangeSize,
    offset,
    (index) => !taken.ips.has(formatIP(bigIntToIP(firstAddress + BigInt(index)))),
  );
  if (free === undefined)
    throw new StatusError(
      500,
      "InternalError",
      `Internal error occurred: failed to allocate a serviceIP for Service "${service.metadata.name}": range is full`,
    );
  const ip = formatIP(bigIntToIP(firstAddress + BigInt(free)));
  spec.clusterIP = ip;
  spec.clusterIPs = [ip];
  taken.ips.add(ip);
}

/** A node port operation: requested ports checked, new ones picked, both counted as taken. */
function nodePortOperation(service: KubeObject, taken: Taken) {
  const { base, size } = nodePortRange;
  return {
    claim(port: number, field: string): void {
      if (port < base || port >= base + size)
        throw serviceInvalid(
          service,
          field,
          port,
          `provided port is not in the valid range. The range of valid ports is ${base}-${base + size - 1}`,
        );
      if (taken.nodePorts.has(port)) throw serviceInvalid(service, field, port, "provided port is already allocated");
      taken.nodePorts.add(port);
    },
    next(): number {
      const free = pickFree(size, rangeOffset(size, 16, 32, 128), (index) => !taken.nodePorts.has(base + index));
      if (free === undefined)
        throw new StatusError(
          500,
          "InternalError",
          "Internal error occurred: failed to allocate a nodePort: range is full",
        );
      taken.nodePorts.add(base + free);
      return base + free;
    },
  };
}

const usesNodePorts = (spec: ServiceSpec) => spec.type === "NodePort" || spec.type === "LoadBalancer";
const allocatesNodePorts = (spec: ServiceSpec) =>
  spec.type === "NodePort" || (spec.type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts === true);

/** initNodePorts: ports of the same number share one node port; requested ones are reserved. */
function initNodePorts(spec: ServiceSpec, operation: ReturnType<typeof nodePortOperation>): void {
  const byPort = new Map<number, number>();
  const ports = spec.ports ?? [];
  ports.forEach((port, index) => {
    if (!port.nodePort && !allocatesNodePorts(spec)) return;
    const field = `spec.ports[${index}].nodePort`;
    const shared = byPort.get(port.port ?? 0);
    if (shared === undefined) {
      const requested = ports.find((other) => other.port === port.port && other.nodePort)?.nodePort;
      if (requested) operation.claim(requested, field);
      port.nodePort = requested ?? operation.next();
      byPort.set(port.port ?? 0, port.nodePort);
    } else if (port.nodePort !== shared) {
      if (!port.nodePort) port.nodePort = shared;
      else operation.claim(port.nodePort, field);
    }
  });
}

/** updateNodePorts: ports the old service held stay its own; others are reserved or picked. */
function updateNodePorts(spec: ServiceSpec, old: ServiceSpec, operation: ReturnType<typeof nodePortOperation>): void {
  const held = new Set((old.ports ?? []).map((port) => port.nodePort ?? 0));
  const reserved = new Set<number>();
  (spec.ports ?? []).forEach((port, index) => {
    if (!port.nodePort && !allocatesNodePorts(spec)) return;
    if (!port.nodePort) port.nodePort = operation.next();
    else if (!held.has(port.nodePort) && !reserved.has(port.nodePort)) {
      operation.claim(port.nodePort, `spec.ports[${index}].nodePort`);
      reserved.add(port.nodePort);
    }
  });
}

/**
 * Allocates what a Service being created (old undefined) or updated needs and was not given:
 * its cluster IP, node ports, health check node port. Throws the 422 kube-apiserver answers for a
 * requested value outside its range or already held by another Service.
 */
export function allocateServiceValues(
  service: KubeObject,
  old: KubeObject | undefined,
  stored: readonly KubeObject[],
): void {
  const spec = specOf(service);
  const oldSpec = old ? specOf(old) : undefined;
  const taken = takenBy(stored, service);
  const headless = spec.clusterIPs?.[0] === clusterIPNone;
  if (needsClusterIP(spec) && !headless && (!oldSpec || !needsClusterIP(oldSpec)))
    allocateClusterIP(service, spec, taken);
  const operation = nodePortOperation(service, taken);
  if (usesNodePorts(spec)) {
    if (oldSpec && usesNodePorts(oldSpec)) updateNodePorts(spec, oldSpec, operation);
    else initNodePorts(spec, operation);
  }
  if (needsHealthCheck(spec) && !(oldSpec && needsHealthCheck(oldSpec))) {
    if (spec.healthCheckNodePort) taken.nodePorts.add(spec.healthCheckNodePort);
    else spec.healthCheckNodePort = operation.next();
  }
}
