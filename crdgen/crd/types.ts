/**
 * apiextensions.k8s.io/v1 CustomResourceDefinition, typed: the value CRD assembly produces, the
 * YAML stage writes and callers read without casting. The fields are those controller-gen
 * writes, named as in k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1/types.go; the
 * schema type, JSONSchemaProps, lives with the schema stage that produces it.
 */
import type { JSONSchemaProps } from "../schema/model.js";

/** A CustomResourceDefinition as the generator writes it (no status: the API server owns it). */
export interface CustomResourceDefinition {
  apiVersion: "apiextensions.k8s.io/v1";
  kind: "CustomResourceDefinition";
  metadata: CustomResourceDefinitionMetadata;
  spec: CustomResourceDefinitionSpec;
}

/** The part of ObjectMeta a generated CRD carries. */
export interface CustomResourceDefinitionMetadata {
  /** `<plural>.<group>`. */
  name: string;
  annotations: Record<string, string>;
  labels?: Record<string, string>;
}

/** What the CRD defines: the group, the names, the scope and every served version. */
export interface CustomResourceDefinitionSpec {
  group: string;
  names: CustomResourceDefinitionNames;
  scope: ResourceScope;
  versions: CustomResourceDefinitionVersion[];
}

/** Whether objects of the kind live in a namespace. */
export type ResourceScope = "Namespaced" | "Cluster";

/** The names a kind is served under. */
export interface CustomResourceDefinitionNames {
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  shortNames?: string[];
  categories?: string[];
}

/** One version of the kind: its schema, and how it is served and stored. */
export interface CustomResourceDefinitionVersion {
  name: string;
  served: boolean;
  storage: boolean;
  deprecated?: boolean;
  deprecationWarning?: string;
  schema: CustomResourceValidation;
  additionalPrinterColumns?: CustomResourceColumnDefinition[];
  selectableFields?: SelectableField[];
  subresources?: CustomResourceSubresources;
}

/** The schema of a version. */
export interface CustomResourceValidation {
  openAPIV3Schema: JSONSchemaProps;
}

/** One `kubectl get` column. */
export interface CustomResourceColumnDefinition {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  format?: string;
  priority?: number;
}

/** A field usable in field selectors. */
export interface SelectableField {
  jsonPath: string;
}

/** The status and scale subresources of a version. */
export interface CustomResourceSubresources {
  /** Present (and empty) when `/status` is enabled. */
  status?: Record<string, never>;
  scale?: CustomResourceSubresourceScale;
}

/** Where the scale subresource reads and writes replicas. */
export interface CustomResourceSubresourceScale {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}
