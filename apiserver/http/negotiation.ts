/**
 * Content negotiation: what the client accepts (JSON, YAML, protobuf, Table, PartialObjectMetadata) and
 * reading a request body within the size limit; decoding it is serializer/documents.ts.
 */
import type { IncomingMessage } from "node:http";
import { notAcceptable, requestEntityTooLarge } from "../errors/status.js";

/** The 3 MiB limit kube-apiserver puts on request bodies. */
export const maxRequestBodyBytes = 3 * 1024 * 1024;

export const protobufMediaType = "application/vnd.kubernetes.protobuf";

export type OutputFormat =
  | { kind: "object"; mediaType: "application/json" | "application/yaml" | typeof protobufMediaType }
  | { kind: "table"; includeObject: "None" | "Metadata" | "Object" }
  | { kind: "metadata"; mediaType: "application/json" | typeof protobufMediaType };

interface MediaRange {
  type: string;
  parameters: Map<string, string>;
}

function parseAccept(header: string | undefined): MediaRange[] {
  if (!header) return [{ type: "*/*", parameters: new Map() }];
  return header.split(",").map((part) => {
    const [type = "", ...parameters] = part.split(";").map((piece) => piece.trim());
    return {
      type: type.toLowerCase(),
      parameters: new Map(
        parameters.map((parameter) => {
          const [key = "", value = ""] = parameter.split("=");
          return [key.trim(), value.trim()];
        }),
      ),
    };
  });
}

const serializable = ["application/json", "application/yaml", protobufMediaType] as const;

function isJsonRange(type: string): boolean {
  return type === "application/json" || type === "*/*" || type === "application/*" || type === "*/json";
}

/**
 * Chooses the response form from Accept, in the client's order of preference, as kube-apiserver's
 * handlers negotiate it: built-in kinds in protobuf too (custom resources' serializer has none for
 * objects), PartialObjectMetadata in JSON or protobuf, Tables in JSON only.
 */
export function negotiateOutput(
  accept: string | undefined,
  query: URLSearchParams,
  options: { protobufObjects: boolean },
): OutputFormat {
  for (const range of parseAccept(accept)) {
    const as = range.parameters.get("as");
    const group = range.parameters.get("g");
    if (as === "Table" && group === "meta.k8s.io" && (range.type === "application/json" || range.type === "*/*")) {
      const include = query.get("includeObject");
      return { kind: "table", includeObject: include === "None" || include === "Object" ? include : "Metadata" };
    }
    if ((as === "PartialObjectMetadata" || as === "PartialObjectMetadataList") && group === "meta.k8s.io") {
      if (range.type === "application/json") return { kind: "metadata", mediaType: "application/json" };
      if (range.type === protobufMediaType) return { kind: "metadata", mediaType: protobufMediaType };
    }
    if (as !== undefined) continue;
    if (isJsonRange(range.type)) return { kind: "object", mediaType: "application/json" };
    if (range.type === "application/yaml") return { kind: "object", mediaType: "application/yaml" };
    if (range.type === protobufMediaType && options.protobufObjects)
      return { kind: "object", mediaType: protobufMediaType };
  }
  throw notAcceptable(serializable);
}

/**
 * The form of a Status error (responsewriters.ErrorNegotiated): protobuf when the client prefers
 * it, else JSON, which is also the fallback when nothing it accepts can be written.
 */
export function negotiateErrorMediaType(accept: string | undefined): "application/json" | typeof protobufMediaType {
  for (const range of parseAccept(accept)) {
    if (range.parameters.has("as")) continue;
    if (range.type === protobufMediaType) return protobufMediaType;
    if (isJsonRange(range.type) || range.type === "application/yaml") return "application/json";
  }
  return "application/json";
}

/** Reads the body, answering 413 past the limit. */
export async function readBody(request: IncomingMessage, limit = maxRequestBodyBytes): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? "0");
  if (declared > limit) {
    request.resume();
    throw requestEntityTooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw requestEntityTooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}
