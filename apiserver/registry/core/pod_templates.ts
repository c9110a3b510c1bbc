/**
 * core/v1 PodTemplates (pkg/registry/core/podtemplate/strategy.go): the template's PodSpec
 * defaults and ValidatePodTemplate(Update), and printPodTemplate's columns (which have no Age).
 */
import type { KubeObject } from "../../storage/types.js";
import { column, nameColumn } from "../printing.js";
import type { PrinterColumn, ResourceStrategy } from "../resource_type.js";
import { defaultPodTemplateSpec, validatePodTemplateSpec } from "./pod_template.js";
import { objectAt, objectsAt, type JsonObject } from "./pod_spec_defaults.js";

/** labels.FormatLabels: sorted `key=value` pairs, or `<none>`. */
export function formatLabels(labels: unknown): string {
  const entries = Object.entries(objectAt(labels) ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length ? entries.map(([key, value]) => `${key}=${String(value)}`).join(",") : "<none>";
}

/** layoutContainerCells: a template's container names and images, comma-separated. */
export function containerCells(template: JsonObject | undefined): { names: string; images: string } {
  const containers = objectsAt(objectAt(template?.spec)?.containers);
  return {
    names: containers.map((container) => String(container.name ?? "")).join(","),
    images: containers.map((container) => String(container.image ?? "")).join(","),
  };
}

export const containersDescription = "Names of each container in the template.";
export const imagesDescription = "Images referenced by each container in the template.";

const templateOf = (object: KubeObject): JsonObject | undefined => objectAt(object.template);

const columns: PrinterColumn[] = [
  nameColumn,
  column("Containers", containersDescription, (o) => containerCells(templateOf(o)).names),
  column("Images", imagesDescription, (o) => containerCells(templateOf(o)).images),
  column("Pod Labels", "The labels for the pod template.", (o) =>
    formatLabels(objectAt(templateOf(o)?.metadata)?.labels),
  ),
];

/** The PodTemplate strategy. */
export const podTemplateStrategy: ResourceStrategy = {
  normalize(object) {
    // The template is a struct: a PodTemplate always has one, with a defaulted spec.
    const template = templateOf(object) ?? {};
    object.template = template;
    defaultPodTemplateSpec(template);
    return [];
  },
  validate: (object) => validatePodTemplateSpec(templateOf(object) ?? {}, "template"),
  columns,
};
