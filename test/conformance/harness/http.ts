/**
 * Raw HTTP(S) to an API server: the bytes a client sees, with no client library in between, so
 * that status codes, headers and bodies of both servers compare exactly.
 */
import { request } from "node:https";
import type { ApiServerEndpoint } from "uselessctl/testenv";

/** One request. `body` objects are sent as JSON; strings and Buffers as they are. */
export interface HttpRequest {
  readonly method?: string;
  readonly path: string;
  readonly body?: unknown;
  readonly contentType?: string;
  readonly accept?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One response, the body parsed as JSON when it is JSON. */
export interface HttpResponse {
  readonly status: number;
  readonly contentType: string;
  readonly warnings: readonly string[];
  readonly body: unknown;
  /** The body's bytes, for binary answers (protobuf). */
  readonly raw: Buffer;
}

function encodeBody(req: HttpRequest): { data?: Buffer; contentType?: string } {
  if (req.body === undefined) return {};
  if (Buffer.isBuffer(req.body)) return { data: req.body, contentType: req.contentType ?? "application/json" };
  if (typeof req.body === "string")
    return { data: Buffer.from(req.body), contentType: req.contentType ?? "application/json" };
  return { data: Buffer.from(JSON.stringify(req.body)), contentType: req.contentType ?? "application/json" };
}

function headersFor(
  endpoint: ApiServerEndpoint,
  req: HttpRequest,
  contentType?: string,
  contentLength?: number,
): Record<string, string> {
  return {
    authorization: `Bearer ${endpoint.token}`,
    accept: req.accept ?? "application/json",
    ...(contentType ? { "content-type": contentType } : {}),
    // Node.js sends a DELETE body without framing unless its length is given.
    ...(contentLength !== undefined ? { "content-length": String(contentLength) } : {}),
    ...req.headers,
  };
}

/** Sends `req` and reads the whole response. */
export function sendRequest(endpoint: ApiServerEndpoint, req: HttpRequest): Promise<HttpResponse> {
  const { data, contentType } = encodeBody(req);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      new URL(req.path, endpoint.url),
      {
        method: req.method ?? "GET",
        ca: endpoint.caCertificatePem,
        headers: headersFor(endpoint, req, contentType, data?.length),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const text = raw.toString("utf8");
          const type = String(res.headers["content-type"] ?? "");
          let body: unknown = text;
          if (type.includes("json")) {
            try {
              body = JSON.parse(text);
            } catch {
              // keep the text: a server that says JSON and sends something else is a finding
            }
          }
          const warning = res.headers["warning"];
          resolve({
            status: res.statusCode ?? 0,
            contentType: type.split(";")[0] ?? "",
            warnings: warning === undefined ? [] : Array.isArray(warning) ? warning : [warning],
            body,
            raw,
          });
        });
      },
    );
    outgoing.on("error", reject);
    outgoing.end(data);
  });
}

/** A watch's outcome: the HTTP status and the events received before it ended or was cut. */
export interface WatchResult {
  readonly status: number;
  readonly events: readonly { type: string; object: unknown }[];
}

/** Options of {@link watchEvents}. */
export interface WatchOptions {
  /** Stop after this many events. */
  readonly maxEvents: number;
  /** Stop after this long even if more could come. */
  readonly timeoutMs: number;
  /** Called once the stream is open (headers received), e.g. to make the changes to watch. */
  readonly onOpen?: () => Promise<void>;
}

/** Opens `path` (a `?watch=true` URL) and collects newline-delimited JSON events. */
export function watchEvents(endpoint: ApiServerEndpoint, path: string, options: WatchOptions): Promise<WatchResult> {
  return new Promise((resolve, reject) => {
    const events: { type: string; object: unknown }[] = [];
    let status = 0;
    let finished = false;
    const outgoing = request(
      new URL(path, endpoint.url),
      { method: "GET", ca: endpoint.caCertificatePem, headers: headersFor(endpoint, { path }) },
      (res) => {
        status = res.statusCode ?? 0;
        let buffered = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffered += chunk;
          let newline: number;
          while ((newline = buffered.indexOf("\n")) >= 0) {
            const line = buffered.slice(0, newline).trim();
            buffered = buffered.slice(newline + 1);
            if (line) events.push(JSON.parse(line) as { type: string; object: unknown });
            if (events.length >= options.maxEvents) finish();
          }
        });
        res.on("end", () => {
          if (buffered.trim() && status !== 200) events.push({ type: "BODY", object: JSON.parse(buffered) as unknown });
          finish();
        });
        res.on("error", () => finish());
        options.onOpen?.().catch((error: unknown) => {
          finish();
          reject(error instanceof Error ? error : new Error(String(error)));
        });
      },
    );
    const timer = setTimeout(() => finish(), options.timeoutMs);
    function finish() {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      outgoing.destroy();
      resolve({ status, events });
    }
    outgoing.on("error", (error) => (finished ? undefined : reject(error)));
    outgoing.end();
  });
}
