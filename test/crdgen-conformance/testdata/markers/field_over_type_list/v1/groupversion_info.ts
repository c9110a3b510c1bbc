/**
 * Package v1 is the field_over_type_list fixture's API.
 * +groupName=field-over-type-list.markers.conformance.uselessctl.dev
 */
export const version = "v1";
