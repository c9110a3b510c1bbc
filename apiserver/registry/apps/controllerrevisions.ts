/**
 * apps/v1 ControllerRevisions: ValidateControllerRevisionCreate / Update (data required, a JSON
 * object, immutable; revision not negative) and printControllerRevision's columns.
 */
import { goJsonMarshal } from "../../errors/go_format.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { validateImmutableField } from "../../validation/immutable.js";
import { validateNonnegative } from "../../validation/int_or_string.js";
import { ageColumn, column, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";

/** The data check of ValidateControllerRevisionCreate: present, not null, a JSON object. */
function validateData(data: unknown): FieldError[] {
  if (data === undefined || data === null) return [fieldErrors.required("data", "data is mandatory")];
  if (typeof data !== "object" || Array.isArray(data))
    return [fieldErrors.required("data", "data must be a valid JSON object")];
  return [];
}

/** printControllerRevision's Controller cell: `<kind>.<group>/<name>` of the controller owner, lowercased kind part. */
function controllerCell(object: KubeObject): string {
  const controller = object.metadata.ownerReferences?.find((reference) => reference.controller === true);
  if (!controller) return "<none>";
  const apiVersion = controller.apiVersion ?? "";
  const group = apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
  const groupKind = group ? `${controller.kind ?? ""}.${group}` : (controller.kind ?? "");
  return groupKind ? `${groupKind.toLowerCase()}/${controller.name ?? ""}` : (controller.name ?? "");
}

export const controllerRevisionStrategy: ResourceStrategy = {
  validate(object, old) {
    const errors = validateNonnegative(object.revision as number | undefined, "revision");
    if (!old) return [...errors, ...validateData(object.data)];
    // RawExtension data is compared as the bytes Go keeps, so key order counts.
    errors.push(
      ...validateImmutableField(
        goJsonMarshal(object.data ?? null, true),
        goJsonMarshal(old.data ?? null, true),
        "data",
        (value) => String(value),
      ),
    );
    return errors;
  },
  columns: [
    nameColumn,
    column("Controller", "Controller of the object", controllerCell),
    column(
      "Revision",
      "Revision indicates the revision of the state represented by Data.",
      (o) => (o.revision as number | undefined) ?? 0,
    ),
    ageColumn,
  ],
};
