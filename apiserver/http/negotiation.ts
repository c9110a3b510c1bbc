/**
 * Content negotiation: what the client accepts (JSON, YAML, Table, PartialObjectMetadata) and
 * reading a request body within the size limit; decoding it is serializer/documents.ts.
 */
import type { IncomingMessage } from "node:http";
import { notAcceptable, requestEntityTooLarge } from "../errors/status.js";

/** The 3 MiB limit kube-apiserver puts on request bodies. */
export const maxRequestBodyBytes = 3 * 1024 * 1024;

export type OutputFormat =
  | { kind: "object"; mediaType: "application/json" | "application/yaml" }
  | { kind: "table"; includeObject: "None" | "Metadata" | "Object" }
  | { kind: "metadata" };

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

const serializable = ["application/json", "application/yaml", "application/vnd.kubernetes.protobuf"] as const;

/** Chooses the response form from Accept, in the client's order of preference. */
export function negotiateOutput(accept: string | undefined, query: URLSearchParams): OutputFormat {
  for (const range of parseAccept(accept)) {
    const as = range.parameters.get("as");
    const group = range.parameters.get("g");
    if (as === "Table" && group === "meta.k8s.io" && (range.type === "application/json" || range.type === "*/*")) {
      const include = query.get("includeObject");
      return { kind: "table", includeObject: include === "None" || include === "Object" ? include : "Metadata" };
    }
    if (
      (as === "PartialObjectMetadata" || as === "PartialObjectMetadataList") &&
      group === "meta.k8s.io" &&
      range.type === "application/json"
    ) {
      return { kind: "metadata" };
    }
    if (as !== undefined) continue;
    if (
      range.type === "application/json" ||
      range.type === "*/*" ||
      range.type === "application/*" ||
      range.type === "*/json"
    ) {
      return { kind: "object", mediaType: "application/json" };
    }
    if (range.type === "application/yaml") return { kind: "object", mediaType: "application/yaml" };
  }
  throw notAcceptable(serializable);
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
