/**
 * With generateEmbeddedObjectMeta, the metadata of a template gets controller-gen's allowlisted
 * schema; the kind's own metadata stays `type: object`.
 * +groupName=templates.example.com
 */
export const version = "v1";
