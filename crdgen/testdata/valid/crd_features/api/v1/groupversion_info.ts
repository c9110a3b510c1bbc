/**
 * Package v1 holds the Fleet API.
 * +groupName=fleet.example.com
 */
export const version = "v1";
