/**
 * /openapi/v2 and /openapi/v3, answered as kube-openapi's handlers (behind kube-apiserver's
 * filters and aggregator) answer: the first Accept clause (by goautoneg's order) that names a
 * served media type wins, else 406 with no body; ETag is the quoted SHA-512 of the JSON;
 * conditional requests get 304 as http.ServeContent gives them; v2 is gzipped for clients that
 * accept it (gziphandler); a v3 document asked for with its current hash is cacheable for a year,
 * with another hash it redirects to the current one. The v3 index goes out as the aggregator
 * writes it: sniffed as text/plain, without an ETag.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import type { ResourceRegistry } from "../registry/registry.js";
import { OpenApiDocuments, type OpenApiDocument } from "../discovery/openapi_documents.js";
import { encodeOpenApiV2Protobuf } from "../serializer/openapi_v2_protobuf.js";

const documentsByRegistry = new WeakMap<ResourceRegistry, OpenApiDocuments>();

function documentsOf(registry: ResourceRegistry): OpenApiDocuments {
  let documents = documentsByRegistry.get(registry);
  if (!documents) documentsByRegistry.set(registry, (documents = new OpenApiDocuments(registry)));
  return documents;
}

interface AcceptClause {
  type: string;
  subType: string;
  q: number;
}

/** goautoneg.ParseAccept: clauses by quality, then the more specific first. */
export function parseAcceptClauses(header: string | undefined): AcceptClause[] {
  const clauses: AcceptClause[] = [];
  for (const part of (header || "*/*").split(",")) {
    const [mediaRange = "", ...parameters] = part.split(";").map((piece) => piece.trim());
    const slash = mediaRange.indexOf("/");
    const [type, subType] =
      mediaRange === "*"
        ? ["*", "*"]
        : slash < 0
          ? [undefined, undefined]
          : [mediaRange.slice(0, slash), mediaRange.slice(slash + 1)];
    if (!type || !subType) continue;
    let q = 1;
    for (const parameter of parameters) {
      const [key, value] = parameter.split("=").map((piece) => piece.trim());
      if (key === "q") q = Number.parseFloat(value ?? "");
    }
    clauses.push({ type, subType, q: Number.isNaN(q) ? 0 : q });
  }
  const specificity = (clause: AcceptClause) => (clause.type === "*" ? 0 : 2) + (clause.subType === "*" ? 0 : 1);
  return clauses
    .map((clause, order) => ({ clause, order }))
    .sort((a, b) => b.clause.q - a.clause.q || specificity(b.clause) - specificity(a.clause) || a.order - b.order)
    .map(({ clause }) => clause);
}

const v2Protobuf = "com.github.proto-openapi.spec.v2.v1.0+protobuf";
const v2ProtobufDeprecated = "com.github.proto-openapi.spec.v2@v1.0+protobuf";

type Body = "json" | "protobuf";

function negotiate(accept: string | undefined, offers: readonly [string, Body][]): Body | undefined {
  for (const clause of parseAcceptClauses(accept)) {
    for (const [subType, body] of offers) {
      if (
        (clause.type === "application" || clause.type === "*") &&
        (clause.subType === subType || clause.subType === "*")
      )
        return body;
    }
  }
  return undefined;
}

function derived(document: OpenApiDocument, name: string, make: () => Buffer): Buffer {
  let bytes = document.derived.get(name);
  if (!bytes) document.derived.set(name, (bytes = make()));
  return bytes;
}

/** http.ServeContent's conditional checks: If-None-Match by ETag, else If-Modified-Since. */
function notModified(request: IncomingMessage, document: OpenApiDocument): boolean {
  const ifNoneMatch = request.headers["if-none-match"];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch
      .split(",")
      .map((tag) => tag.trim().replace(/^W\//, ""))
      .some((tag) => tag === "*" || tag === `"${document.etag}"`);
  }
  const since = Date.parse(request.headers["if-modified-since"] ?? "");
  return !Number.isNaN(since) && document.lastModified.getTime() <= since;
}

function serve(
  request: IncomingMessage,
  response: ServerResponse,
  document: OpenApiDocument,
  headers: { contentType: string; etag: boolean; chunked?: boolean },
  body: Buffer,
): void {
  response.setHeader("Content-Type", headers.contentType);
  if (headers.etag) response.setHeader("Etag", `"${document.etag}"`);
  response.setHeader("Last-Modified", document.lastModified.toUTCString());
  if (notModified(request, document)) {
    response.removeHeader("Content-Type");
    response.removeHeader("Last-Modified");
    response.writeHead(304);
    response.end();
    return;
  }
  response.setHeader("Accept-Ranges", "bytes");
  if (!headers.chunked) response.setHeader("Content-Length", body.length);
  response.writeHead(200);
  response.end(request.method === "HEAD" ? undefined : body);
}

/** A status with no body (406, 404, 301 as the handlers write them). */
function writeEmpty(response: ServerResponse, code: number): void {
  response.setHeader("Content-Length", 0);
  response.writeHead(code);
  response.end();
}

/** gziphandler compresses bodies of 1400 bytes and more for clients that accept gzip. */
const gzipMinimumSize = 1400;

function acceptsGzip(request: IncomingMessage): boolean {
  return /(^|,)\s*gzip\s*(;\s*q=(?!0(\.0*)?\s*($|,))[0-9.]+)?\s*($|,)/i.test(request.headers["accept-encoding"] ?? "");
}

export async function handleOpenApiV2(
  registry: ResourceRegistry,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  response.setHeader("Cache-Control", "no-cache, private");
  response.setHeader("Vary", "Accept-Encoding, Accept");
  const body = negotiate(request.headers.accept, [
    ["json", "json"],
    [v2ProtobufDeprecated, "protobuf"],
    [v2Protobuf, "protobuf"],
  ]);
  if (!body) return writeEmpty(response, 406);
  const document = await documentsOf(registry).v2();
  let bytes =
    body === "json" ? document.json : derived(document, "protobuf", () => encodeOpenApiV2Protobuf(document.json));
  const gzip = acceptsGzip(request) && bytes.length >= gzipMinimumSize;
  if (gzip) {
    const plain = bytes;
    bytes = derived(document, `${body}+gzip`, () => gzipSync(plain));
    response.setHeader("Content-Encoding", "gzip");
  }
  const contentType = body === "json" ? "application/json" : `application/${v2Protobuf}`;
  serve(request, response, document, { contentType, etag: true, chunked: gzip }, bytes);
}

export async function handleOpenApiV3Index(
  registry: ResourceRegistry,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const index = await documentsOf(registry).v3Index();
  response.setHeader("Cache-Control", "no-cache, private");
  serve(request, response, index, { contentType: "text/plain; charset=utf-8", etag: false }, index.json);
}

/** /openapi/v3/<name>: an unknown name is a 404 with no body. */
export async function handleOpenApiV3Document(
  registry: ResourceRegistry,
  name: string,
  query: URLSearchParams,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  response.setHeader("Cache-Control", "no-cache, private");
  const document = await documentsOf(registry).v3(name);
  if (!document) return writeEmpty(response, 404);
  response.setHeader("Vary", "Accept");
  const body = negotiate(request.headers.accept, [["json", "json"]]);
  if (!body) return writeEmpty(response, 406);
  const hash = query.get("hash");
  if (hash) {
    if (hash !== document.etag) {
      response.setHeader("Content-Type", "application/json");
      response.setHeader("Etag", `"${document.etag}"`);
      response.setHeader("Location", `/openapi/v3/${name}?hash=${document.etag}`);
      return writeEmpty(response, 301);
    }
    response.setHeader("Cache-Control", "public, immutable");
    response.setHeader("Expires", expiresInAYear());
  }
  serve(request, response, document, { contentType: "application/json", etag: true }, document.json);
}

/** time.Now().AddDate(1, 0, 0).Format(time.RFC1123) in UTC: "Mon, 02 Jan 2006 15:04:05 UTC". */
function expiresInAYear(): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toUTCString().replace(/GMT$/, "UTC");
}
