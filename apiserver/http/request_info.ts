/**
 * Reads a request path as k8s.io/apiserver's RequestInfoFactory does: API prefix, group, version,
 * namespace, resource, name and subresource, and the verb from the method.
 */

export interface ResourceRequest {
  group: string;
  version: string;
  namespace: string | undefined;
  resource: string;
  name: string | undefined;
  subresource: string;
  verb: "get" | "list" | "watch" | "create" | "update" | "patch" | "delete" | "deletecollection" | "unknown";
}

export type RequestPath =
  | { kind: "resource"; request: ResourceRequest }
  /** `/api`, `/apis`, `/api/v1`, `/apis/<group>`, `/apis/<group>/<version>` */
  | { kind: "discovery"; prefix: "api" | "apis"; group: string | undefined; version: string | undefined }
  | { kind: "other"; path: string };

const namespaceSubresources = new Set(["status", "finalize"]);

export function parseRequestPath(method: string, pathname: string, query: URLSearchParams): RequestPath {
  const parts = pathname
    .split("/")
    .filter((part) => part.length > 0)
    .map((part) => decodeURIComponent(part));
  const prefix = parts[0];
  if (prefix !== "api" && prefix !== "apis") return { kind: "other", path: pathname };
  let rest: string[];
  let group = "";
  let version: string | undefined;
  if (prefix === "api") {
    version = parts[1];
    rest = parts.slice(2);
  } else {
    group = parts[1] ?? "";
    version = parts[2];
    rest = parts.slice(3);
    if (!group) return { kind: "discovery", prefix, group: undefined, version: undefined };
  }
  if (!version) return { kind: "discovery", prefix, group: prefix === "apis" ? group : undefined, version: undefined };
  if (rest.length === 0) return { kind: "discovery", prefix, group, version };

  let namespace: string | undefined;
  if (rest[0] === "namespaces" && rest.length > 1) {
    namespace = rest[1];
    if (rest.length > 2 && !namespaceSubresources.has(rest[2] ?? "")) rest = rest.slice(2);
  }
  const resource = rest[0] ?? "";
  const name = rest[1];
  const subresource = rest.slice(2).join("/");
  // /api/v1/namespaces/foo is the namespace foo itself, not a namespace scope.
  if (resource === "namespaces" && name !== undefined && namespace === name) namespace = undefined;
  const watching = query.get("watch") === "true" || query.get("watch") === "1";
  let verb: ResourceRequest["verb"] = "unknown";
  switch (method) {
    case "GET":
    case "HEAD":
      verb = watching ? "watch" : name === undefined ? "list" : "get";
      break;
    case "POST":
      verb = "create";
      break;
    case "PUT":
      verb = "update";
      break;
    case "PATCH":
      verb = "patch";
      break;
    case "DELETE":
      verb = name === undefined ? "deletecollection" : "delete";
      break;
  }
  return { kind: "resource", request: { group, version, namespace, resource, name, subresource, verb } };
}
