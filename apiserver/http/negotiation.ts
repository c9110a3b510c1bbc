/**
 * Content negotiation: what the client accepts (JSON, YAML, Table, PartialObjectMetadata) and
 * how a request body is decoded (JSON or YAML, size-limited).
 */
import type { IncomingMessage } from "node:http";
import yaml from "js-yaml";
import { badRequest, notAcceptable, requestEntityTooLarge } from "./status.js";

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
    if ((as === "PartialObjectMetadata" || as === "PartialObjectMetadataList") && group === "meta.k8s.io" && range.type === "application/json") {
      return { kind: "metadata" };
    }
    if (as !== undefined) continue;
    if (range.type === "application/json" || range.type === "*/*" || range.type === "application/*" || range.type === "*/json") {
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

/** Decodes a JSON or YAML document into a plain value, with the decoder's 400 wording. */
export function decodeDocument(body: Buffer, mediaType: string): unknown {
  const text = body.toString("utf8");
  if (mediaType.endsWith("yaml")) {
    try {
      return yaml.load(text, { schema: yaml.JSON_SCHEMA });
    } catch (error) {
      throw badRequest(`error converting YAML to JSON: ${(error as Error).message.split("\n")[0]}`);
    }
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`couldn't get version/kind; json parse error: ${goJsonMessage(text, error)}`);
  }
}

/** Approximates encoding/json's syntax error text for the first bad character. */
function goJsonMessage(text: string, error: unknown): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) return "unexpected end of JSON input";
  const match = /position (\d+)/.exec((error as Error).message);
  const position = match ? Number(match[1]) : 0;
  const char = text[position];
  if (char === undefined) return "unexpected end of JSON input";
  return `invalid character '${char}' looking for beginning of value`;
}
