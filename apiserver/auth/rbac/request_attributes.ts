/**
 * The authorization attributes of an HTTP request, as k8s.io/apiserver's RequestInfoFactory reads
 * them before any handler runs: whether the path is a resource request (`/api/<v>/...` or
 * `/apis/<group>/<v>/...` with at least a resource), its verb, group, namespace, resource, name
 * and subresource; anything else (discovery, /version, /openapi...) is a non-resource request with
 * the lowercase method as its verb. A request for something no one serves is authorized all the
 * same: the 403 comes before the 404.
 */
import { pathSegmentNameErrors } from "../../validation/object_meta.js";
import type { AuthorizationAttributes } from "./attributes.js";

const namespaceSubresources = new Set(["status", "finalize"]);
const specialVerbs = new Set(["proxy", "watch"]);

function splitPath(path: string): string[] {
  const trimmed = path.replace(/^\/+|\/+$/g, "");
  return trimmed ? trimmed.split("/") : [];
}

/** ListOptions' watch as the parameter codec decodes it: any value but false/0 is true. */
function isWatch(query: URLSearchParams): boolean {
  const value = query.get("watch");
  return value !== null && !["false", "0", ""].includes(value.toLowerCase());
}

/** `metadata.name=<x>` (or `==`) required by the field selector: a list of one named object. */
function fieldSelectorName(query: URLSearchParams): string | undefined {
  const selector = query.get("fieldSelector");
  if (!selector) return undefined;
  for (const term of selector.split(",")) {
    const match = /^\s*metadata\.name\s*==?\s*(.*?)\s*$/.exec(term);
    if (match?.[1] !== undefined) return match[1];
  }
  return undefined;
}

const methodVerbs: Readonly<Record<string, string>> = {
  POST: "create",
  GET: "get",
  HEAD: "get",
  PUT: "update",
  PATCH: "patch",
  DELETE: "delete",
};

export function requestAttributes(method: string, path: string, query: URLSearchParams): AuthorizationAttributes {
  const nonResource: AuthorizationAttributes = {
    verb: method.toLowerCase(),
    apiGroup: "",
    resource: "",
    subresource: "",
    namespace: "",
    name: "",
    path,
    resourceRequest: false,
  };
  let parts = splitPath(path).map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  if (parts.length < 3 || (parts[0] !== "api" && parts[0] !== "apis")) return nonResource;
  const legacy = parts[0] === "api";
  parts = parts.slice(1);
  let apiGroup = "";
  if (!legacy) {
    if (parts.length < 3) return nonResource;
    apiGroup = parts[0] ?? "";
    parts = parts.slice(1);
  }
  const apiVersion = parts[0] ?? "";
  parts = parts.slice(1);
  let verb = methodVerbs[method] ?? "";
  if (specialVerbs.has(parts[0] ?? "")) {
    // kube-apiserver refuses `/api/v1/watch` alone; it is authorized as the bare path.
    if (parts.length < 2) return nonResource;
    verb = parts[0] ?? "";
    parts = parts.slice(1);
  }
  let namespace = "";
  if (parts[0] === "namespaces" && parts.length > 1) {
    namespace = parts[1] ?? "";
    if (parts.length > 2 && !namespaceSubresources.has(parts[2] ?? "")) parts = parts.slice(2);
  }
  const resource = parts[0] ?? "";
  let name = parts[1] ?? "";
  const subresource = parts.length >= 3 && verb !== "proxy" ? (parts[2] ?? "") : "";
  if (!name && verb === "get") {
    verb = isWatch(query) ? "watch" : "list";
    const selected = fieldSelectorName(query);
    if (selected !== undefined && pathSegmentNameErrors(selected).length === 0) name = selected;
  }
  if (!name && verb === "delete") verb = "deletecollection";
  return { verb, apiGroup, apiVersion, resource, subresource, namespace, name, path, resourceRequest: true };
}
