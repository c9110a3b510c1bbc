/**
 * networking.k8s.io/v1 IPAddresses, as pkg/apis/networking/validation treats them: the name is
 * the address in canonical form, the parent reference required and fixed; printIPAddress.
 */
import { dns1123SubdomainErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { validateIP } from "../../validation/ip.js";
import { column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";

type Json = Record<string, unknown>;
const parentOf = (object: KubeObject): Json | undefined => {
  const spec = object.spec as Json | undefined;
  const parent = spec?.parentRef;
  return parent !== null && typeof parent === "object" ? (parent as Json) : undefined;
};

function pathSegmentErrors(name: string): string[] {
  if (name === "." || name === "..") return [`may not be '${name}'`];
  return ["/", "%"].filter((bad) => name.includes(bad)).map((bad) => `may not contain '${bad}'`);
}

/** validateIPAddressParentReference. */
function validateParent(parent: Json | undefined): FieldError[] {
  if (!parent) return [fieldErrors.required("spec.parentRef")];
  const errors: FieldError[] = [];
  const text = (field: string) => (typeof parent[field] === "string" ? (parent[field] as string) : "");
  const group = text("group");
  if (group)
    errors.push(...dns1123SubdomainErrors(group).map((m) => fieldErrors.invalid("spec.parentRef.group", group, m)));
  for (const field of ["resource", "name"]) {
    const value = text(field);
    if (!value) errors.push(fieldErrors.required(`spec.parentRef.${field}`));
    else errors.push(...pathSegmentErrors(value).map((m) => fieldErrors.invalid(`spec.parentRef.${field}`, value, m)));
  }
  const namespace = text("namespace");
  if (namespace)
    errors.push(
      ...pathSegmentErrors(namespace).map((m) => fieldErrors.invalid("spec.parentRef.namespace", namespace, m)),
    );
  return errors;
}

/** ValidateIPAddressName: IsValidIP's details, as name errors. */
function validateName(name: string): FieldError[] {
  return validateIP("metadata.name", name).map((error) => ({
    ...error,
    detail: `Invalid value: ${JSON.stringify(name)}: ${error.detail.replace(/^Invalid value: "(?:[^"\\]|\\.)*": /, "")}`,
  }));
}

/** printIPAddress's ParentRef cell: group-qualified resource, namespace, name. */
function parentCell(object: KubeObject): string {
  const parent = parentOf(object);
  if (!parent) return "<none>";
  const group = typeof parent.group === "string" && parent.group ? `.${parent.group}` : "";
  const namespace = typeof parent.namespace === "string" && parent.namespace ? `/${parent.namespace}` : "";
  return `${`${String(parent.resource ?? "")}${group}`.toLowerCase()}${namespace}/${String(parent.name ?? "")}`;
}

export const ipAddressStrategy: ResourceStrategy = {
  validate(object, old) {
    if (old) {
      const before = JSON.stringify(parentOf(old) ?? null);
      const after = parentOf(object) ?? null;
      return before === JSON.stringify(after)
        ? []
        : [fieldErrors.invalid("spec.parentRef", after, "field is immutable")];
    }
    return [...validateName(object.metadata.name ?? ""), ...validateParent(parentOf(object))];
  },
  columns: [
    nameColumn,
    column(
      "ParentRef",
      "parentRef references the resource that an IPAddress is attached to. An IPAddress must reference a parent object.",
      parentCell,
    ),
  ],
};
