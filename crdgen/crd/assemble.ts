/**
 * CRD assembly: groups kinds by group and kind across version folders, builds each version's
 * schema, applies CRD markers, picks the storage version and produces the
 * apiextensions.k8s.io/v1 CustomResourceDefinition objects, versions sorted by name as
 * controller-gen sorts them.
 */
import { DiagnosticCode, errorAt, positionOf, type Diagnostic } from "../diagnostics.js";
import { modelOfDeclaration, type ModelContext } from "../schema/from_typescript.js";
import type { JSONSchemaProps, TypeModel } from "../schema/model.js";
import { rootSchema, truncateDescriptions } from "../schema/to_openapi.js";
import type { KindDeclaration } from "./kinds.js";
import type { CrdNamesDraft, VersionDraft } from "./model.js";
import { pluralize } from "./names.js";

/** A generated CRD: the object, plus what the caller needs to name its file and warn. */
export interface AssembledCrd {
  group: string;
  plural: string;
  kind: string;
  object: Record<string, unknown>;
  /** The first kind declaration, where size warnings point. */
  declaration: KindDeclaration["declaration"];
}

/** Options of assembly, completed by the caller. */
export interface AssembleOptions {
  maxDescriptionLength: number | undefined;
  controllerGenVersion: string;
}

interface KindVersion {
  kind: KindDeclaration;
  model: TypeModel;
  version: VersionDraft;
}

/** Assembles one CRD per group and kind. */
export function assembleCrds(
  kinds: readonly KindDeclaration[],
  context: ModelContext,
  options: AssembleOptions,
): { crds: AssembledCrd[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byGroupKind = new Map<string, KindVersion[]>();
  for (const kind of kinds) {
    const group = kind.apiPackage.group;
    if (group === undefined) {
      diagnostics.push(
        errorAt(positionOf(kind.declaration.name), DiagnosticCode.missingGroup, `kind ${kind.name} has no API group`, {
          hint: "start groupversion_info.ts in the same folder with the comment /** +groupName=<group> */",
        }),
      );
      continue;
    }
    const model = modelOfDeclaration(kind.declaration, context);
    const version: VersionDraft = {
      name: kind.apiPackage.version,
      served: true,
      storage: false,
      skip: false,
      deprecated: false,
      printerColumns: [],
      selectableFields: [],
      subresources: {},
    };
    const key = `${group}/${kind.name}`;
    byGroupKind.set(key, [...(byGroupKind.get(key) ?? []), { kind, model, version }]);
  }
  const crds: AssembledCrd[] = [];
  for (const [key, versions] of [...byGroupKind.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const crd = assembleOne(key.slice(0, key.indexOf("/")), versions, context, options, diagnostics);
    if (crd) crds.push(crd);
  }
  return { crds, diagnostics };
}

function assembleOne(
  group: string,
  versions: KindVersion[],
  context: ModelContext,
  options: AssembleOptions,
  diagnostics: Diagnostic[],
): AssembledCrd | undefined {
  const first = versions[0] as KindVersion;
  const kindName = first.kind.name;
  const names: CrdNamesDraft = { scope: "Namespaced", annotations: {}, labels: {} };
  const seen = new Set<string>();
  versions.sort((a, b) => (a.version.name < b.version.name ? -1 : a.version.name > b.version.name ? 1 : 0));
  for (const { kind, model, version } of versions) {
    if (seen.has(version.name)) {
      diagnostics.push(
        errorAt(
          positionOf(kind.declaration.name),
          DiagnosticCode.duplicateKind,
          `kind ${kindName} is declared twice in version ${version.name} of ${group}`,
        ),
      );
    }
    seen.add(version.name);
    checkKindShape(kind, model, diagnostics);
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
    if (!version.skip) {
      version.schema = rootSchema(model, context.diagnostics);
      if (options.maxDescriptionLength !== undefined)
        truncateDescriptions(version.schema, options.maxDescriptionLength);
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
        positionOf(at.kind.declaration.name),
        DiagnosticCode.storageVersion,
        storage.length === 0
          ? `CRD for ${kindName}.${group} has no storage version (versions ${served.map(({ version }) => version.name).join(", ")})`
          : `CRD for ${kindName}.${group} has ${storage.length} storage versions (${storage.map(({ version }) => version.name).join(", ")}); exactly one may be marked +kubebuilder:storageversion`,
        { hint: "mark exactly one version's kind with +kubebuilder:storageversion" },
      ),
    );
  }
  const singular = names.singular ?? kindName.toLowerCase();
  const plural = names.plural ?? pluralize(kindName.toLowerCase());
  const object = crdObject(
    group,
    kindName,
    plural,
    singular,
    names,
    served.map(({ version }) => version),
    options,
  );
  return { group, plural, kind: kindName, object, declaration: first.kind.declaration };
}

/** A kind has apiVersion, kind and metadata (spec and status are up to the author). */
function checkKindShape(kind: KindDeclaration, model: TypeModel, diagnostics: Diagnostic[]): void {
  if (model.kind !== "object" || model.incomplete) return;
  const present = new Set(model.properties.map((property) => property.name));
  const missing = ["apiVersion", "kind", "metadata"].filter((name) => !present.has(name));
  if (missing.length > 0) {
    diagnostics.push(
      errorAt(
        positionOf(kind.declaration.name),
        DiagnosticCode.invalidKind,
        `kind ${kind.name} lacks ${missing.join(", ")}`,
        {
          hint: 'a kind declares apiVersion?: string, kind?: string and metadata?: ObjectMeta (or extends TypeMeta from "uselessctl")',
        },
      ),
    );
  }
}

function crdObject(
  group: string,
  kind: string,
  plural: string,
  singular: string,
  names: CrdNamesDraft,
  versions: VersionDraft[],
  options: AssembleOptions,
): Record<string, unknown> {
  const metadata: Record<string, unknown> = {
    annotations: { "controller-gen.kubebuilder.io/version": options.controllerGenVersion, ...names.annotations },
    name: `${plural}.${group}`,
  };
  if (Object.keys(names.labels).length > 0) metadata["labels"] = { ...names.labels };
  const crdNames: Record<string, unknown> = { kind, listKind: `${kind}List`, plural, singular };
  if (names.shortNames?.length) crdNames["shortNames"] = names.shortNames;
  if (names.categories?.length) crdNames["categories"] = names.categories;
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata,
    spec: { group, names: crdNames, scope: names.scope, versions: versions.map(versionObject) },
  };
}

function versionObject(version: VersionDraft): Record<string, unknown> {
  const object: Record<string, unknown> = { name: version.name };
  if (version.printerColumns.length > 0) object["additionalPrinterColumns"] = version.printerColumns;
  if (version.deprecated) object["deprecated"] = true;
  if (version.deprecationWarning !== undefined) object["deprecationWarning"] = version.deprecationWarning;
  object["schema"] = { openAPIV3Schema: version.schema as JSONSchemaProps };
  if (version.selectableFields.length > 0) object["selectableFields"] = version.selectableFields;
  object["served"] = version.served;
  object["storage"] = version.storage;
  // controller-gen creates the (possibly empty) subresources object for printer columns too
  if (version.subresources.status || version.subresources.scale || version.printerColumns.length > 0)
    object["subresources"] = version.subresources;
  return object;
}
