/**
 * networking.k8s.io/v1 ServiceCIDRs, as pkg/apis/networking/validation and
 * pkg/registry/networking/servicecidr treat them: one or two canonical CIDRs, one per family,
 * fixed but for adding the second family; the status cleared on create; printServiceCIDR.
 */
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { isIPv4, parseCIDRSloppy, validateCIDR } from "../../validation/ip.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";

const cidrsOf = (object: KubeObject): string[] => {
  const cidrs = (object.spec as { cidrs?: unknown } | undefined)?.cidrs;
  return Array.isArray(cidrs) ? cidrs.map(String) : [];
};

function familyOf(cidr: string): string {
  const parsed = parseCIDRSloppy(cidr);
  if (!parsed) return "";
  return isIPv4(parsed.ip) ? "IPv4" : "IPv6";
}

/** validateServiceCIDRSpec. */
function validateCIDRs(cidrs: string[]): FieldError[] {
  const path = "spec.cidrs";
  if (cidrs.length === 0) return [fieldErrors.required(path, "at least one CIDR required")];
  if (cidrs.length > 2)
    return [fieldErrors.invalidRendered(path, JSON.stringify({ CIDRs: cidrs }), "may only hold up to 2 values")];
  const errors = cidrs.flatMap((cidr, index) => validateCIDR(`${path}[${index}]`, cidr));
  const [first = "", second = ""] = cidrs;
  if (cidrs.length === 2 && familyOf(first) && familyOf(first) === familyOf(second))
    errors.push(
      fieldErrors.invalid(
        path,
        cidrs,
        "may specify no more than one IP for each IP family, i.e 192.168.0.0/24 and 2001:db8::/64",
      ),
    );
  return errors;
}

/** ValidateServiceCIDRUpdate: the CIDRs stay, but a single-family range may gain its second family. */
function validateUpdate(cidrs: string[], old: string[]): FieldError[] {
  if (cidrs.length === old.length)
    return old.flatMap((cidr, index) =>
      cidr === cidrs[index] ? [] : [fieldErrors.invalid(`spec.cidrs[${index}]`, cidrs[index], "field is immutable")],
    );
  if (old.length === 1 && cidrs.length === 2) {
    const errors = cidrs[0] === old[0] ? [] : [fieldErrors.invalid("spec.cidrs[0]", cidrs[0], "field is immutable")];
    return [...errors, ...validateCIDRs(cidrs)];
  }
  return [fieldErrors.invalid("spec.cidrs", cidrs, "field is immutable")];
}

export const serviceCIDRStrategy: ResourceStrategy = {
  validate(object, old, context) {
    if (context?.subresource === "status") return [];
    return old ? validateUpdate(cidrsOf(object), cidrsOf(old)) : validateCIDRs(cidrsOf(object));
  },
  prepareForCreate(object) {
    object.status = {};
  },
  prepareForUpdate(object, old, subresource) {
    if (subresource !== "status") object.status = old.status;
  },
  columns: [
    nameColumn,
    column(
      "CIDRs",
      'cidrs defines the IP blocks in CIDR notation (e.g. "192.168.0.0/24" or "2001:db8::/64") from which to assign service cluster IPs. Max of two CIDRs is allowed, one of each IP family. This field is immutable.',
      (o) => cidrsOf(o).join(","),
    ),
    ageColumn,
  ],
};
