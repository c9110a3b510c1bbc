/**
 * Package v3alpha1 holds the Fleet API.
 * +groupName=fleet.example.com
 */
export const version = "v3alpha1";
