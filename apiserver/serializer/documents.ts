/**
 * Request documents: a JSON or YAML body decoded into a plain value, with the Go decoders' words
 * for what is malformed, below the HTTP layer so that registry code (patches) decodes the same way.
 */
import { parseGoJson } from "./go_json.js";
import { parseGoYaml } from "./go_yaml.js";
import { badRequest, type StatusError } from "../errors/status.js";

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
