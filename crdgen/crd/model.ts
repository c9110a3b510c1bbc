/**
 * The CRD under construction: what CRD markers write into, before assembly turns it into the
 * typed apiextensions.k8s.io/v1 object.
 */
import type {
  CustomResourceColumnDefinition,
  CustomResourceSubresources,
  ResourceScope,
  SelectableField,
} from "./types.js";

/** Kind-wide settings collected from markers on the kind's interface. */
export interface CrdNamesDraft {
  plural?: string;
  singular?: string;
  shortNames?: string[];
  categories?: string[];
  scope: ResourceScope;
  annotations: Record<string, string>;
  labels: Record<string, string>;
}

/** One version of a kind, as markers shape it. */
export interface VersionDraft {
  name: string;
  served: boolean;
  storage: boolean;
  skip: boolean;
  deprecated: boolean;
  deprecationWarning?: string;
  printerColumns: CustomResourceColumnDefinition[];
  selectableFields: SelectableField[];
  subresources: CustomResourceSubresources;
}

/** A version before any marker: served, not stored, nothing else set. */
export function newVersionDraft(name: string): VersionDraft {
  return {
    name,
    served: true,
    storage: false,
    skip: false,
    deprecated: false,
    printerColumns: [],
    selectableFields: [],
    subresources: {},
  };
}

/** What a CRD marker receives: the kind-wide names and the version it was found in. */
export interface CrdMarkerTarget {
  names: CrdNamesDraft;
  version: VersionDraft;
}
