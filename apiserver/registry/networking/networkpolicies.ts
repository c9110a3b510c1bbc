/**
 * networking.k8s.io/v1 NetworkPolicies, as SetDefaults_NetworkPolicy(Port) and
 * pkg/apis/networking/validation treat them: policyTypes Ingress (and Egress when there are
 * egress rules), port protocol TCP, ports, peers and IP blocks checked; printNetworkPolicy.
 */
import type { LabelSelector } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { cidrContains, parseCIDRSloppy, validateLegacyCIDR } from "../../validation/ip.js";
import { validateLabelSelector } from "../../validation/label_selector.js";
import { portNameErrors, portNumberErrors } from "../../validation/ports.js";
import { ageColumn, column, formatLabelSelector, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";

interface PolicyPort {
  protocol?: string | null;
  port?: number | string | null;
  endPort?: number | null;
}
interface IPBlock {
  cidr?: string;
  except?: string[] | null;
}
interface Peer {
  podSelector?: LabelSelector | null;
  namespaceSelector?: LabelSelector | null;
  ipBlock?: IPBlock | null;
}
interface Rule {
  ports?: PolicyPort[] | null;
  from?: Peer[] | null;
  to?: Peer[] | null;
}
interface PolicySpec {
  podSelector?: LabelSelector;
  ingress?: Rule[] | null;
  egress?: Rule[] | null;
  policyTypes?: string[] | null;
}

const specOf = (object: KubeObject): PolicySpec =>
  object.spec !== null && typeof object.spec === "object" ? (object.spec as PolicySpec) : {};
const present = (value: unknown) => value !== undefined && value !== null;
const rulesOf = (spec: PolicySpec) => [...(spec.ingress ?? []), ...(spec.egress ?? [])];

/** SetDefaults_NetworkPolicy and SetDefaults_NetworkPolicyPort. */
function defaultPolicy(object: KubeObject): void {
  const spec = specOf(object);
  object.spec = spec;
  for (const rule of rulesOf(spec))
    for (const port of rule.ports ?? []) if (!present(port.protocol)) port.protocol = "TCP";
  if (!spec.policyTypes?.length) spec.policyTypes = spec.egress?.length ? ["Ingress", "Egress"] : ["Ingress"];
}

const protocols = ["TCP", "UDP", "SCTP"];

function validatePort(port: PolicyPort, path: string): FieldError[] {
  const errors: FieldError[] = [];
  if (present(port.protocol) && !protocols.includes(String(port.protocol)))
    errors.push(fieldErrors.notSupported(`${path}.protocol`, port.protocol, protocols));
  const endPort = port.endPort;
  if (typeof port.port === "number") {
    errors.push(...portNumberErrors(port.port).map((m) => fieldErrors.invalid(`${path}.port`, port.port, m)));
    if (typeof endPort === "number") {
      if (endPort < port.port)
        errors.push(fieldErrors.invalid(`${path}.endPort`, endPort, "must be greater than or equal to `port`"));
      errors.push(...portNumberErrors(endPort).map((m) => fieldErrors.invalid(`${path}.endPort`, endPort, m)));
    }
  } else if (typeof port.port === "string") {
    if (present(endPort))
      errors.push(fieldErrors.invalid(`${path}.endPort`, endPort, "may not be specified when `port` is non-numeric"));
    errors.push(...portNameErrors(port.port).map((m) => fieldErrors.invalid(`${path}.port`, port.port, m)));
  } else if (present(endPort))
    errors.push(fieldErrors.invalid(`${path}.endPort`, endPort, "may not be specified when `port` is not specified"));
  return errors;
}

/** ValidateIPBlock: CIDRs seen in the stored policy stay valid. */
function validateIPBlock(block: IPBlock, path: string, existing: readonly string[]): FieldError[] {
  if (!block.cidr) return [fieldErrors.required(`${path}.cidr`)];
  const errors = validateLegacyCIDR(`${path}.cidr`, block.cidr, existing);
  const cidr = parseCIDRSloppy(block.cidr);
  if (!cidr) return errors;
  (block.except ?? []).forEach((value, index) => {
    const exceptPath = `${path}.except[${index}]`;
    errors.push(...validateLegacyCIDR(exceptPath, value, existing));
    const except = parseCIDRSloppy(value);
    if (!except) return;
    const exceptLength = except.prefixLength + (except.bits === 32 ? 96 : 0);
    const cidrLength = cidr.prefixLength + (cidr.bits === 32 ? 96 : 0);
    if (!cidrContains(cidr, except.network) || cidrLength >= exceptLength)
      errors.push(fieldErrors.invalid(exceptPath, value, "must be a strict subset of `cidr`"));
  });
  return errors;
}

function validatePeer(peer: Peer, path: string, existing: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  let peers = 0;
  if (present(peer.podSelector)) {
    peers++;
    errors.push(...validateLabelSelector(peer.podSelector, `${path}.podSelector`));
  }
  if (present(peer.namespaceSelector)) {
    peers++;
    errors.push(...validateLabelSelector(peer.namespaceSelector, `${path}.namespaceSelector`));
  }
  if (peer.ipBlock) {
    peers++;
    errors.push(...validateIPBlock(peer.ipBlock, `${path}.ipBlock`, existing));
  }
  if (peers === 0) errors.push(fieldErrors.required(path, "must specify a peer"));
  else if (peers > 1 && peer.ipBlock)
    errors.push(fieldErrors.forbidden(path, "may not specify both ipBlock and another peer"));
  return errors;
}

/** ValidateNetworkPolicySpec. */
function validatePolicySpec(spec: PolicySpec, existing: readonly string[]): FieldError[] {
  const errors = validateLabelSelector(spec.podSelector ?? {}, "spec.podSelector");
  for (const [direction, peersField] of [
    ["ingress", "from"],
    ["egress", "to"],
  ] as const) {
    (spec[direction] ?? []).forEach((rule, index) => {
      const path = `spec.${direction}[${index}]`;
      (rule.ports ?? []).forEach((port, i) => errors.push(...validatePort(port, `${path}.ports[${i}]`)));
      (rule[peersField] ?? []).forEach((peer, i) =>
        errors.push(...validatePeer(peer, `${path}.${peersField}[${i}]`, existing)),
      );
    });
  }
  const types = spec.policyTypes ?? [];
  if (types.length > 2)
    return [...errors, fieldErrors.invalid("spec.policyTypes", types, "may not specify more than two policyTypes")];
  types.forEach((type, index) => {
    if (type !== "Ingress" && type !== "Egress")
      errors.push(fieldErrors.notSupported(`spec.policyTypes[${index}]`, type, ["Ingress", "Egress"]));
  });
  return errors;
}

/** Every CIDR of the stored policy's IP blocks (ValidateNetworkPolicyUpdate lets them stay). */
function existingCIDRs(old: KubeObject | undefined): string[] {
  if (!old) return [];
  const spec = specOf(old);
  const peers = [
    ...(spec.ingress ?? []).flatMap((r) => r.from ?? []),
    ...(spec.egress ?? []).flatMap((r) => r.to ?? []),
  ];
  return peers.flatMap((peer) => (peer.ipBlock ? [peer.ipBlock.cidr ?? "", ...(peer.ipBlock.except ?? [])] : []));
}

export const networkPolicyStrategy: ResourceStrategy = {
  normalize(object) {
    defaultPolicy(object);
    return [];
  },
  validate(object, old) {
    return validatePolicySpec(specOf(object), existingCIDRs(old));
  },
  columns: [
    nameColumn,
    column(
      "Pod-Selector",
      "podSelector selects the pods to which this NetworkPolicy object applies. The array of rules is applied to any pods selected by this field. An empty selector matches all pods in the policy's namespace. Multiple network policies can select the same set of pods. In this case, the ingress rules for each are combined additively. This field is optional. If it is not specified, it defaults to an empty selector.",
      (o) => formatLabelSelector(specOf(o).podSelector ?? {}),
    ),
    ageColumn,
  ],
};
