/**
 * The OpenAPI documents this server serves, as kube-apiserver serves them: the reference's
 * documents for the built-in group versions it serves (builtin_openapi.ts), merged with the ones
 * generated for CRDs (openapi.ts). Each document is serialized once and kept, with its ETag,
 * until what it is made of changes, as kube-openapi's cached values are.
 */
import { createHash } from "node:crypto";
import type { ResourceRegistry } from "../registry/registry.js";
import { loadBuiltinOpenApi } from "./builtin_openapi.js";
import { generatedOpenApiV2, generatedOpenApiV3Document, groupVersionKey } from "./openapi.js";

/** A serialized document and what its handler sends with it. */
export interface OpenApiDocument {
  readonly json: Buffer;
  /** kube-openapi's ETag: the upper-case hex SHA-512 of the JSON bytes (unquoted). */
  readonly etag: string;
  readonly lastModified: Date;
  /** Derived encodings (gzip, protobuf), made on first use and kept with the document. */
  readonly derived: Map<string, Buffer>;
}

function documentOf(json: Buffer): OpenApiDocument {
  return {
    json,
    etag: createHash("sha512").update(json).digest("hex").toUpperCase(),
    lastModified: new Date(Math.floor(Date.now() / 1000) * 1000),
    derived: new Map(),
  };
}

/** "api/v1" and "apis/<group>/<version>" of an API path, or "api"/"apis/<group>" for group paths. */
function apiPathKey(path: string): string | undefined {
  const parts = path.replace(/^\//, "").split("/");
  if (parts[0] === "api" && parts[1]) return `api/${parts[1]}`;
  if (parts[0] === "apis" && parts[1]) return parts[2] ? `apis/${parts[1]}/${parts[2]}` : `apis/${parts[1]}`;
  return undefined;
}

/** Reference documents and paths outside the API (version, .well-known, ...) are kept; API ones only when served. */
function isServed(served: ReadonlySet<string>, key: string | undefined): boolean {
  return key === undefined || served.has(key);
}

function isGroupVersionKey(key: string): boolean {
  const parts = key.split("/");
  return parts.length === (parts[0] === "api" ? 2 : 3);
}

export class OpenApiDocuments {
  readonly #registry: ResourceRegistry;
  // Each cached by the registry's version: CRDs change what is served, nothing else does.
  #v2: { version: number; document: OpenApiDocument } | undefined;
  #v3: { version: number; documents: Map<string, OpenApiDocument>; index: OpenApiDocument } | undefined;

  constructor(registry: ResourceRegistry) {
    this.#registry = registry;
  }

  /** The keys of the served group versions and groups ("api/v1", "apis/apps/v1", "apis/apps"). */
  #servedKeys(): Set<string> {
    const keys = new Set<string>();
    for (const { group, versions } of this.#registry.groups()) {
      if (group) keys.add(`apis/${group}`);
      for (const version of versions) keys.add(groupVersionKey(group, version));
    }
    return keys;
  }

  async v2(): Promise<OpenApiDocument> {
    const version = this.#registry.version();
    if (this.#v2?.version === version) return this.#v2.document;
    const builtin = await loadBuiltinOpenApi();
    const served = this.#servedKeys();
    const generated = generatedOpenApiV2(
      this.#registry,
      [...served].filter((key) => !builtin.v3.has(key)),
    );
    const swagger = JSON.parse(builtin.v2.toString("utf8")) as {
      paths: Record<string, unknown>;
      definitions: Record<string, unknown>;
    };
    const paths: Record<string, unknown> = { ...generated.paths };
    for (const [path, item] of Object.entries(swagger.paths)) {
      if (isServed(served, apiPathKey(path))) paths[path] = item;
    }
    swagger.paths = sortedByKey(paths);
    // The reference's definitions win: CRD schemas refer to its ObjectMeta.
    swagger.definitions = sortedByKey({ ...generated.definitions, ...swagger.definitions });
    // kube-openapi writes the document as JSON.stringify does (no HTML escaping, Go's key order kept).
    const document = documentOf(Buffer.from(JSON.stringify(swagger)));
    this.#v2 = { version, document };
    return document;
  }

  /** The /openapi/v3 documents by name, and the index of their URLs with hashes (handler3's discovery document). */
  async #v3Documents(): Promise<{ documents: Map<string, OpenApiDocument>; index: OpenApiDocument }> {
    const version = this.#registry.version();
    if (this.#v3?.version === version) return this.#v3;
    const builtin = await loadBuiltinOpenApi();
    const served = this.#servedKeys();
    const previous = this.#v3?.documents;
    const documents = new Map<string, OpenApiDocument>();
    for (const [name, bytes] of builtin.v3) {
      if (isServed(served, apiPathKey(name))) documents.set(name, previous?.get(name) ?? documentOf(bytes));
    }
    for (const key of served) {
      if (builtin.v3.has(key) || !isGroupVersionKey(key)) continue;
      const generated = generatedOpenApiV3Document(this.#registry, key);
      if (!generated) continue;
      const json = Buffer.from(JSON.stringify(generated));
      const kept = previous?.get(key);
      documents.set(key, kept?.json.equals(json) ? kept : documentOf(json));
    }
    const paths: Record<string, { serverRelativeURL: string }> = {};
    for (const name of [...documents.keys()].sort()) {
      paths[name] = { serverRelativeURL: `/openapi/v3/${name}?hash=${documents.get(name)?.etag ?? ""}` };
    }
    const index = documentOf(Buffer.from(JSON.stringify({ paths })));
    this.#v3 = { version, documents, index };
    return this.#v3;
  }

  async v3Index(): Promise<OpenApiDocument> {
    return (await this.#v3Documents()).index;
  }

  async v3(name: string): Promise<OpenApiDocument | undefined> {
    return (await this.#v3Documents()).documents.get(name);
  }
}

function sortedByKey(record: Record<string, unknown>): Record<string, unknown> {
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key];
  return sorted;
}
