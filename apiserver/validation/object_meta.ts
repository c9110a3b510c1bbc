/**
 * ObjectMeta validation with apimachinery's wording (validation/objectmeta.go, util/validation).
 */
import type { OwnerReference } from "../../apimachinery/index.js";
import { goJsonMarshal } from "../errors/go_format.js";
import { fieldErrors, type FieldError } from "../errors/status.js";
import type { KubeObject } from "../storage/types.js";
import { dns1123LabelErrors, dns1123SubdomainErrors, qualifiedNameErrors } from "../../apimachinery/index.js";
import { validateLabels } from "./label_selector.js";

export type NameValidation = "dns1123Label" | "dns1123Subdomain" | "pathSegment";

function nameErrors(name: string, rule: NameValidation, prefix: boolean): string[] {
  // A generateName prefix is checked with a character appended, as maskTrailingDash does.
  const candidate = prefix ? (name.endsWith("-") ? `${name.slice(0, -1)}a` : name) : name;
  switch (rule) {
    case "dns1123Label":
      return dns1123LabelErrors(candidate);
    case "dns1123Subdomain":
      return dns1123SubdomainErrors(candidate);
    case "pathSegment":
      if (name === "." || name === "..") return [`may not be '${name}'`];
      for (const bad of ["/", "%"]) if (name.includes(bad)) return [`may not contain '${bad}'`];
      return [];
  }
}

/** content.IsPathSegmentName: the rule RBAC names and the names their roleRefs hold follow. */
export function pathSegmentNameErrors(name: string): string[] {
  return nameErrors(name, "pathSegment", false);
}

/** Validates name/generateName/namespace, labels, annotations and owner references of an object. */
export function validateObjectMeta(
  object: KubeObject,
  options: { namespaced: boolean; nameRule: NameValidation; path?: string },
): FieldError[] {
  const errors: FieldError[] = [];
  const path = options.path ?? "metadata";
  const meta = object.metadata;
  if (!meta.name && !meta.generateName) {
    errors.push(fieldErrors.required(`${path}.name`, "name or generateName is required"));
  }
  // The prefix is validated on every write, even once a name was generated from it.
  if (meta.generateName) {
    for (const message of nameErrors(meta.generateName, options.nameRule, true)) {
      errors.push(fieldErrors.invalid(`${path}.generateName`, meta.generateName, message));
    }
  }
  if (meta.name) {
    for (const message of nameErrors(meta.name, options.nameRule, false)) {
      errors.push(fieldErrors.invalid(`${path}.name`, meta.name, message));
    }
  }
  if (options.namespaced) {
    if (!meta.namespace) errors.push(fieldErrors.required(`${path}.namespace`, ""));
  } else if (meta.namespace) {
    errors.push(fieldErrors.forbidden(`${path}.namespace`, "not allowed on this type"));
  }
  errors.push(...validateLabels(meta.labels, `${path}.labels`));
  let annotationBytes = 0;
  for (const [key, value] of Object.entries(meta.annotations ?? {})) {
    for (const message of qualifiedNameErrors(key.toLowerCase())) {
      errors.push(fieldErrors.invalid(`${path}.annotations`, key, message));
    }
    annotationBytes += key.length + String(value).length;
  }
  if (annotationBytes > 262144) {
    errors.push({
      type: "FieldValueTooLong",
      field: `${path}.annotations`,
      detail: `Too long: may not be more than 262144 bytes`,
    });
  }
  (meta.ownerReferences ?? []).forEach((reference, index) => {
    const field = `${path}.ownerReferences[${index}]`;
    // The version is what an apiVersion without a group still has (FromAPIVersionAndKind).
    const version = (reference.apiVersion ?? "").split("/").pop() ?? "";
    if (!version) errors.push(fieldErrors.required(`${field}.apiVersion`, "must not be empty"));
    if (!reference.kind) errors.push(fieldErrors.required(`${field}.kind`, "must not be empty"));
    if (!reference.name) errors.push(fieldErrors.required(`${field}.name`, "must not be empty"));
    if (!reference.uid) errors.push(fieldErrors.required(`${field}.uid`, "must not be empty"));
  });
  const controllers = (meta.ownerReferences ?? []).filter((reference) => reference.controller === true);
  if (controllers.length > 1) {
    errors.push(
      fieldErrors.invalidRendered(
        `${path}.ownerReferences`,
        goJsonMarshal(meta.ownerReferences?.map(asGoOwnerReference), true),
        `Only one reference can have Controller set to true. Found "true" in references for ${controllers
          .map((reference) => `${reference.kind}/${reference.name}`)
          .join(" and ")}`,
      ),
    );
  }
  for (const finalizer of meta.finalizers ?? []) {
    for (const message of qualifiedNameErrors(finalizer))
      errors.push(fieldErrors.invalid(`${path}.finalizers`, finalizer, message));
  }
  return errors;
}

/**
 * An owner reference as Go marshals metav1.OwnerReference: its fields in declaration order,
 * the string fields always, the optional bools when set.
 */
function asGoOwnerReference(reference: Partial<OwnerReference>): Record<string, unknown> {
  const { apiVersion = "", kind = "", name = "", uid = "", controller, blockOwnerDeletion } = reference;
  return {
    apiVersion,
    kind,
    name,
    uid,
    ...(controller === undefined || controller === null ? {} : { controller }),
    ...(blockOwnerDeletion === undefined || blockOwnerDeletion === null ? {} : { blockOwnerDeletion }),
  };
}
