/**
 * What RoleBindings and ClusterRoleBindings share: defaults (pkg/apis/rbac/v1/defaults.go),
 * roleRef and subject validation (pkg/apis/rbac/validation) and the Table printer.
 */
import { dns1123SubdomainErrors } from "../../../apimachinery/index.js";
import { goJsonMarshal } from "../../errors/go_format.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { pathSegmentNameErrors } from "../../validation/object_meta.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { PrinterColumn, ResourceStrategy } from "../resource_type.js";
import { columnDescriptions } from "./column_descriptions.js";

export const rbacGroup = "rbac.authorization.k8s.io";

interface RoleRef {
  apiGroup?: string;
  kind?: string;
  name?: string;
}

interface Subject {
  kind?: string;
  apiGroup?: string;
  name?: string;
  namespace?: string;
}

function roleRefOf(object: KubeObject): RoleRef {
  const roleRef = object.roleRef;
  return roleRef !== null && typeof roleRef === "object" ? (roleRef as RoleRef) : {};
}

function subjectsOf(object: KubeObject): Subject[] {
  return Array.isArray(object.subjects) ? (object.subjects as (Subject | null)[]).map((s) => s ?? {}) : [];
}

/** SetDefaults_RoleBinding / SetDefaults_ClusterRoleBinding and SetDefaults_Subject. */
function defaultBinding(object: KubeObject): string[] {
  const roleRef = roleRefOf(object);
  if (!roleRef.apiGroup) object.roleRef = { ...roleRef, apiGroup: rbacGroup };
  for (const subject of subjectsOf(object)) {
    if (!subject.apiGroup && (subject.kind === "User" || subject.kind === "Group")) subject.apiGroup = rbacGroup;
  }
  return [];
}

function validateSubject(subject: Subject, namespaced: boolean, path: string): FieldError[] {
  const errors: FieldError[] = [];
  switch (subject.kind) {
    case "ServiceAccount":
      if (subject.name)
        for (const message of dns1123SubdomainErrors(subject.name))
          errors.push(fieldErrors.invalid(`${path}.name`, subject.name, message));
      if (subject.apiGroup) errors.push(fieldErrors.notSupported(`${path}.apiGroup`, subject.apiGroup, [""]));
      if (!namespaced && !subject.namespace) errors.push(fieldErrors.required(`${path}.namespace`));
      break;
    case "User":
    case "Group":
      if (subject.apiGroup !== rbacGroup)
        errors.push(fieldErrors.notSupported(`${path}.apiGroup`, subject.apiGroup ?? "", [rbacGroup]));
      break;
    default:
      errors.push(fieldErrors.notSupported(`${path}.kind`, subject.kind ?? "", ["ServiceAccount", "User", "Group"]));
  }
  return errors;
}

/** The internal rbac.RoleRef as field.Invalid prints it: JSON with Go field names (it has no json tags). */
function renderInternalRoleRef(roleRef: RoleRef): string {
  return goJsonMarshal({ APIGroup: roleRef.apiGroup ?? "", Kind: roleRef.kind ?? "", Name: roleRef.name ?? "" }, true);
}

/**
 * ValidateRoleBinding / ValidateClusterRoleBinding (and their Update), in kube-apiserver's order:
 * the handwritten errors, then the declarative `+k8s:required` names of subjects and roleRef.
 */
function validateBinding(namespaced: boolean, object: KubeObject, old: KubeObject | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const roleRef = roleRefOf(object);
  if (roleRef.apiGroup !== rbacGroup)
    errors.push(fieldErrors.notSupported("roleRef.apiGroup", roleRef.apiGroup ?? "", [rbacGroup]));
  const kinds = namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"];
  if (!kinds.includes(roleRef.kind ?? ""))
    errors.push(fieldErrors.notSupported("roleRef.kind", roleRef.kind ?? "", kinds));
  if (roleRef.name)
    for (const message of pathSegmentNameErrors(roleRef.name))
      errors.push(fieldErrors.invalid("roleRef.name", roleRef.name, message));
  const subjects = subjectsOf(object);
  subjects.forEach((subject, index) => errors.push(...validateSubject(subject, namespaced, `subjects[${index}]`)));
  if (old) {
    const oldRoleRef = roleRefOf(old);
    const changed = (["apiGroup", "kind", "name"] as const).some(
      (key) => (roleRef[key] ?? "") !== (oldRoleRef[key] ?? ""),
    );
    if (changed)
      errors.push(fieldErrors.invalidRendered("roleRef", renderInternalRoleRef(roleRef), "field is immutable"));
  }
  subjects.forEach((subject, index) => {
    if (!subject.name) errors.push(fieldErrors.required(`subjects[${index}].name`));
  });
  if (!roleRef.name) errors.push(fieldErrors.required("roleRef.name"));
  return errors;
}

/** rbac.SubjectsStrings: users, groups and `namespace/name` service accounts, each joined by ", ". */
function subjectsCell(kind: string): PrinterColumn["cell"] {
  return (object) =>
    subjectsOf(object)
      .filter((subject) => subject.kind === kind)
      .map((subject) => (kind === "ServiceAccount" ? `${subject.namespace ?? ""}/${subject.name ?? ""}` : subject.name))
      .join(", ");
}

/** printRoleBinding / printClusterRoleBinding, wide columns included as the server prints them. */
function bindingColumns(
  descriptions: Record<"Role" | "Users" | "Groups" | "ServiceAccounts", string>,
): PrinterColumn[] {
  const wide = { priority: 1 };
  return [
    nameColumn,
    column("Role", descriptions.Role, (object) => `${roleRefOf(object).kind ?? ""}/${roleRefOf(object).name ?? ""}`),
    ageColumn,
    column("Users", descriptions.Users, subjectsCell("User"), wide),
    column("Groups", descriptions.Groups, subjectsCell("Group"), wide),
    column("ServiceAccounts", descriptions.ServiceAccounts, subjectsCell("ServiceAccount"), wide),
  ];
}

/** The strategy of RoleBindings (namespaced) or ClusterRoleBindings. */
export function bindingStrategy(namespaced: boolean): ResourceStrategy {
  return {
    nameRule: "pathSegment",
    normalize: defaultBinding,
    validate: (object, old) => validateBinding(namespaced, object, old),
    columns: bindingColumns(namespaced ? columnDescriptions.RoleBinding : columnDescriptions.ClusterRoleBinding),
  };
}
