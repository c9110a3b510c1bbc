/**
 * The CRD assembly stage: a laid-out CRD with its schemas becomes the typed
 * apiextensions.k8s.io/v1 CustomResourceDefinition, optional fields present only when set, as
 * controller-gen leaves them out.
 */
import type { Position } from "../diagnostics.js";
import type { CrdLayout } from "./layout.js";
import type { VersionWithSchema } from "./schemas.js";
import type {
  CustomResourceDefinition,
  CustomResourceDefinitionNames,
  CustomResourceDefinitionVersion,
} from "./types.js";

/** A generated CRD, plus where diagnostics about it point. */
export interface AssembledCrd {
  crd: CustomResourceDefinition;
  /** The first declaration of the kind. */
  position: Position;
}

/** Options of assembly. */
export interface AssembleOptions {
  /** Written to the `controller-gen.kubebuilder.io/version` annotation. */
  controllerGenVersion: string;
}

/** Assembles every CRD, in the order given. */
export function assembleCrds(
  layouts: readonly CrdLayout<VersionWithSchema>[],
  options: AssembleOptions,
): AssembledCrd[] {
  return layouts.map((layout) => ({ crd: assembleCrd(layout, options), position: layout.position }));
}

function assembleCrd(layout: CrdLayout<VersionWithSchema>, options: AssembleOptions): CustomResourceDefinition {
  const { group, kind, plural, singular, names: draft } = layout;
  const names: CustomResourceDefinitionNames = { kind, listKind: `${kind}List`, plural, singular };
  if (draft.shortNames?.length) names.shortNames = draft.shortNames;
  if (draft.categories?.length) names.categories = draft.categories;
  const crd: CustomResourceDefinition = {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: {
      annotations: { "controller-gen.kubebuilder.io/version": options.controllerGenVersion, ...draft.annotations },
      name: `${plural}.${group}`,
    },
    spec: { group, names, scope: draft.scope, versions: layout.versions.map(assembleVersion) },
  };
  if (Object.keys(draft.labels).length > 0) crd.metadata.labels = { ...draft.labels };
  return crd;
}

function assembleVersion({ version, schema }: VersionWithSchema): CustomResourceDefinitionVersion {
  const assembled: CustomResourceDefinitionVersion = {
    name: version.name,
    served: version.served,
    storage: version.storage,
    schema: { openAPIV3Schema: schema },
  };
  if (version.printerColumns.length > 0) assembled.additionalPrinterColumns = version.printerColumns;
  if (version.deprecated) assembled.deprecated = true;
  if (version.deprecationWarning !== undefined) assembled.deprecationWarning = version.deprecationWarning;
  if (version.selectableFields.length > 0) assembled.selectableFields = version.selectableFields;
  if (version.subresources.status || version.subresources.scale) assembled.subresources = version.subresources;
  return assembled;
}
