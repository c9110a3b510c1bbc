/**
 * The CRD layout stage: groups kind models by group and kind across version folders, applies
 * each kind's CRD markers (names, scope, served/storage/skipped versions, columns,
 * subresources) and checks what a CRD needs (one storage version, no version twice, a kind's
 * apiVersion/kind/metadata). Versions come sorted by name, as controller-gen sorts them.
 *
 * Why before the schema stage: the CRD markers decide which versions exist (`+kubebuilder:skipversion`),
 * and only those get a schema.
 */
import { DiagnosticCode, errorAt, positionOf, type Checked, type Diagnostic, type Position } from "../diagnostics.js";
import type { TypeModel } from "../schema/model.js";
import type { KindModel } from "./kind_models.js";
import { newVersionDraft, type CrdNamesDraft, type VersionDraft } from "./model.js";
import { pluralize } from "./pluralize.js";

/** One version of a CRD: what its markers say, and the model its schema comes from. */
export interface VersionLayout {
  version: VersionDraft;
  model: TypeModel;
}

/** One CRD before schemas: its names and the versions it serves (skipped ones left out). */
export interface CrdLayout<Version extends VersionLayout = VersionLayout> {
  group: string;
  kind: string;
  plural: string;
  singular: string;
  names: CrdNamesDraft;
  versions: readonly Version[];
  /** The first kind declaration, where diagnostics about the whole CRD point. */
  position: Position;
}

interface KindVersion extends VersionLayout {
  kindModel: KindModel;
}

/** Lays out one CRD per group and kind, sorted by group and kind. */
export function layOutCrds(kindModels: readonly KindModel[]): Checked<CrdLayout[]> {
  const diagnostics: Diagnostic[] = [];
  const byGroupKind = new Map<string, KindVersion[]>();
  for (const kindModel of kindModels) {
    const { kind, model } = kindModel;
    const version = newVersionDraft(kind.version);
    const key = `${kind.group}/${kind.name}`;
    byGroupKind.set(key, [...(byGroupKind.get(key) ?? []), { kindModel, model, version }]);
  }
  const layouts: CrdLayout[] = [];
  for (const [key, versions] of [...byGroupKind.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const layout = layOutOne(key.slice(0, key.indexOf("/")), versions, diagnostics);
    if (layout) layouts.push(layout);
  }
  return { value: layouts, diagnostics };
}

function layOutOne(group: string, versions: KindVersion[], diagnostics: Diagnostic[]): CrdLayout | undefined {
  const first = versions[0] as KindVersion;
  const kindName = first.kindModel.kind.name;
  const names: CrdNamesDraft = { scope: "Namespaced", annotations: {}, labels: {} };
  const seen = new Set<string>();
  versions.sort((a, b) => (a.version.name < b.version.name ? -1 : a.version.name > b.version.name ? 1 : 0));
  for (const { kindModel, model, version } of versions) {
    if (seen.has(version.name)) {
      diagnostics.push(
        errorAt(
          positionOf(kindModel.kind.declaration.name),
          DiagnosticCode.duplicateKind,
          `kind ${kindName} is declared twice in version ${version.name} of ${group}`,
        ),
      );
    }
    seen.add(version.name);
    diagnostics.push(...kindShapeProblems(kindModel));
    for (const marker of model.markers) {
      const problem = marker.definition.applyToCrd?.({ names, version }, marker.value);
      if (problem !== undefined)
        diagnostics.push(
          errorAt(
            marker.position,
            DiagnosticCode.markerNotApplicable,
            `+${marker.definition.name} on ${kindName}: ${problem}`,
          ),
        );
    }
  }
  const served = versions.filter(({ version }) => !version.skip);
  if (served.length === 0) return undefined;
  if (served.length === 1) (served[0] as KindVersion).version.storage = true;
  const storage = served.filter(({ version }) => version.storage);
  if (storage.length !== 1) {
    const at = storage[1] ?? first;
    diagnostics.push(
      errorAt(
        positionOf(at.kindModel.kind.declaration.name),
        DiagnosticCode.storageVersion,
        storage.length === 0
          ? `CRD for ${kindName}.${group} has no storage version (versions ${served.map(({ version }) => version.name).join(", ")})`
          : `CRD for ${kindName}.${group} has ${storage.length} storage versions (${storage.map(({ version }) => version.name).join(", ")}); exactly one may be marked +kubebuilder:storageversion`,
        { hint: "mark exactly one version's kind with +kubebuilder:storageversion" },
      ),
    );
  }
  return {
    group,
    kind: kindName,
    plural: names.plural ?? pluralize(kindName.toLowerCase()),
    singular: names.singular ?? kindName.toLowerCase(),
    names,
    versions: served.map(({ version, model }) => ({ version, model })),
    position: positionOf(first.kindModel.kind.declaration.name),
  };
}

/** A kind has apiVersion, kind and metadata (spec and status are up to the author). */
function kindShapeProblems({ kind, model }: KindModel): Diagnostic[] {
  if (model.kind !== "object" || model.incomplete) return [];
  const present = new Set(model.properties.map((property) => property.name));
  const missing = ["apiVersion", "kind", "metadata"].filter((name) => !present.has(name));
  if (missing.length === 0) return [];
  return [
    errorAt(
      positionOf(kind.declaration.name),
      DiagnosticCode.invalidKind,
      `kind ${kind.name} lacks ${missing.join(", ")}`,
      {
        hint: 'a kind declares apiVersion?: string, kind?: string and metadata?: ObjectMeta (or extends TypeMeta from "uselessctl")',
      },
    ),
  ];
}
