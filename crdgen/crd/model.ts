/**
 * The CRD under construction: what CRD markers write into, before assembly turns it into the
 * apiextensions.k8s.io/v1 object.
 */
import type { JSONSchemaProps } from "../schema/model.js";

/** One printer column, as `additionalPrinterColumns` holds it. */
export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  format?: string;
  priority?: number;
}

/** Kind-wide settings collected from markers on the kind's interface. */
export interface CrdNamesDraft {
  plural?: string;
  singular?: string;
  shortNames?: string[];
  categories?: string[];
  scope: "Namespaced" | "Cluster";
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
  printerColumns: PrinterColumn[];
  selectableFields: { jsonPath: string }[];
  subresources: {
    status?: Record<string, never>;
    scale?: { specReplicasPath: string; statusReplicasPath: string; labelSelectorPath?: string };
  };
  schema?: JSONSchemaProps;
}

/** What a CRD marker receives: the kind-wide names and the version it was found in. */
export interface CrdMarkerTarget {
  names: CrdNamesDraft;
  version: VersionDraft;
}
