/**
 * The shape of the generated catalog of the built-in API (apiserver/registry/generated/, written
 * by hack/apis from k8s.io/api's Go types and the reference kube-apiserver's discovery): what
 * discovery says of each served resource, and each Go type's JSON fields with the struct tags and
 * markers the server's generic behaviour follows.
 */

/** A kind as aggregated discovery names it (empty group and version: the resource's own). */
export interface CatalogKind {
  group: string;
  version: string;
  kind: string;
}

export interface CatalogSubresource {
  subresource: string;
  /** The kind the subresource reads and writes (autoscaling/v1 Scale for scale). */
  group: string;
  version: string;
  kind: string;
  verbs: string[];
  /** As aggregated discovery prints it. */
  responseKind: CatalogKind;
  /** The catalog key of the kind's Go type, "" when the kind is not a Go type of a served package. */
  goType: string;
}

export interface CatalogResource {
  group: string;
  version: string;
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames: string[];
  categories: string[];
  subresources: CatalogSubresource[];
  /** The version objects are stored at ("" for resources that store nothing). */
  storageVersion: string;
  storageVersionHash: string;
  responseKind: CatalogKind;
  /** The catalog key of the kind's Go struct (`apps/v1.Deployment`). */
  goType: string;
}

export interface CatalogGroup {
  name: string;
  /** Served versions, preferred first. */
  versions: { version: string; resources: CatalogResource[] }[];
}

/**
 * One JSON field of a Go struct. `type` is the Go type in Go's notation (`*int32`,
 * `[]core/v1.Container`, `map[string]string`), with named types as catalog keys
 * (`<package path>.<Name>`) or the special names of {@link specialGoTypes}.
 */
export interface GoFieldModel {
  /** The JSON name; "" for an embedded struct whose fields are inlined. */
  json: string;
  type: string;
  inline?: boolean;
  /** `omitempty`: Go leaves the field out when it holds its zero value. */
  omitempty?: boolean;
  /** `omitzero`: Go leaves the field out when it is its type's zero value (a zero struct too). */
  omitzero?: boolean;
  /** The `protobuf:"..."` tag: wire type, field number, label, name (`bytes,1,opt,name=metadata`). */
  protobuf?: string;
  /** `+listType`, `+listMapKey`, `+mapType`, `+structType` (managedFields tracking). */
  listType?: string;
  listMapKeys?: string[];
  mapType?: string;
  structType?: string;
  /** The strategic merge patch tags. */
  patchStrategy?: string;
  patchMergeKey?: string;
}

export interface GoTypeModel {
  /** How Go's errors print the type (`v1.DeploymentSpec`). */
  name: string;
  /** A struct's fields in declaration order. */
  fields?: GoFieldModel[];
  /** A named non-struct type's underlying type (`string`, `[]string`). */
  underlying?: string;
  listType?: string;
  mapType?: string;
  structType?: string;
}

/**
 * Types whose JSON form is their own (a custom UnmarshalJSON) or of packages the catalog does not
 * describe, by the name the catalog uses for them.
 */
export const specialGoTypes = [
  "resource.Quantity",
  "intstr.IntOrString",
  "runtime.RawExtension",
  "types.UID",
  "types.NodeName",
  "v1.Time",
  "v1.MicroTime",
  "v1.Duration",
  "v1.FieldsV1",
  "v1.JSON",
] as const;
