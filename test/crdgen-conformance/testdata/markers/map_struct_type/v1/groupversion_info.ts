/**
 * Package v1 is the map_struct_type fixture's API.
 * +groupName=map-struct-type.markers.conformance.uselessctl.dev
 */
export const version = "v1";
