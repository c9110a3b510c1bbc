/**
 * Content negotiation: what the client accepts (JSON, YAML, Table, PartialObjectMetadata) and
 * how a request body is decoded (JSON or YAML, size-limited).
 */
import type { IncomingMessage } from "node:http";
import { parseGoJson } from "./go_json.js";
import { parseGoYaml } from "./go_yaml.js";
import { badRequest, notAcceptable, requestEntityTooLarge, type StatusError } from "./status.js";

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

/** A body that is not well-formed JSON or YAML, with the Go decoder's own words for why. */
export class BodySyntaxError extends Error {
  readonly format: "json" | "yaml";

  constructor(format: "json" | "yaml", message: string) {
    super(message);
    this.name = "BodySyntaxError";
    this.format = format;
  }
}

/** Decodes a JSON or YAML document into a plain value; throws BodySyntaxError when it is malformed. */
export function parseDocument(body: Buffer, mediaType: string): unknown {
  if (mediaType.endsWith("yaml")) {
    try {
      return parseGoYaml(body.toString("utf8"));
    } catch (error) {
      throw new BodySyntaxError("yaml", (error as Error).message);
    }
  }
  const parsed = parseGoJson(body);
  if ("error" in parsed) throw new BodySyntaxError("json", parsed.error);
  return parsed.value;
}

/** Decodes a JSON or YAML document into a plain value, with the meta decoder's 400 wording. */
export function decodeDocument(body: Buffer, mediaType: string): unknown {
  try {
    return parseDocument(body, mediaType);
  } catch (error) {
    if (!(error instanceof BodySyntaxError)) throw error;
    throw badRequest(
      error.format === "yaml"
        ? `error converting YAML to JSON: ${error.message}`
        : `couldn't get version/kind; json parse error: ${error.message}`,
    );
  }
}

/** apiserver's summarizeData: a body starting with `{` as text, anything else in hex, cut at `length` bytes. */
export function summarizeBody(body: Buffer, length = 30): string {
  if (body.length === 0) return "<empty>";
  const cut = body.subarray(0, length);
  const text = body[0] === 0x7b ? cut.toString("utf8") : cut.toString("hex");
  return body.length > length ? `${text} ...` : text;
}

/** The 400 for a create or update body the decoder could not recognize as an object of `kind`. */
export function unrecognizedBody(kind: string, reason: string, body: Buffer): StatusError {
  return badRequest(
    `the object provided is unrecognized (must be of type ${kind}): ${reason} (${summarizeBody(body)})`,
  );
}
