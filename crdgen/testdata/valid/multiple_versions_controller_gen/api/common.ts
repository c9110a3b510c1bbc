// controller-tools pkg/crd/testdata/multiple_versions/common.go, in TypeScript.

export interface InnerStruct {
  foo?: string;
}

export interface OuterStruct {
  /** +structType=atomic */
  struct?: InnerStruct;
}
