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
  /** The media type of the stream, when the watch asked for one ({@link WatchOptions.accept}). */
  readonly contentType?: string;
  readonly events: readonly WatchedEvent[];
}

export interface WatchedEvent {
  type: string;
  object: unknown;
}

/** Options of {@link watchEvents}. */
export interface WatchOptions {
  /** Stop after this many events. */
  readonly maxEvents: number;
  /** Stop after this long even if more could come. */
  readonly timeoutMs: number;
  /** Called once the stream is open (headers received), e.g. to make the changes to watch. */
  readonly onOpen?: () => Promise<void>;
  /** The Accept header (JSON when not given) and how its stream splits into events. */
  readonly accept?: string;
  readonly readEvents?: (buffered: Buffer) => { events: WatchedEvent[]; rest: Buffer };
}

/** Newline-delimited JSON events, the stream of a JSON watch. */
function jsonLines(buffered: Buffer): { events: WatchedEvent[]; rest: Buffer } {
  const events: WatchedEvent[] = [];
  let start = 0;
  let newline: number;
  while ((newline = buffered.indexOf(10, start)) >= 0) {
    const line = buffered.subarray(start, newline).toString("utf8").trim();
    start = newline + 1;
    if (line) events.push(JSON.parse(line) as WatchedEvent);
  }
  return { events, rest: buffered.subarray(start) };
}

/** Opens `path` (a `?watch=true` URL) and collects its events (newline-delimited JSON unless told). */
export function watchEvents(endpoint: ApiServerEndpoint, path: string, options: WatchOptions): Promise<WatchResult> {
  const readEvents = options.readEvents ?? jsonLines;
  return new Promise((resolve, reject) => {
    const events: WatchedEvent[] = [];
    let status = 0;
    let contentType: string | undefined;
    let finished = false;
    const outgoing = request(
      new URL(path, endpoint.url),
      { method: "GET", ca: endpoint.caCertificatePem, headers: headersFor(endpoint, { path, accept: options.accept }) },
      (res) => {
        status = res.statusCode ?? 0;
        if (options.accept) contentType = String(res.headers["content-type"] ?? "");
        let buffered: Buffer = Buffer.alloc(0);
        res.on("data", (chunk: Buffer) => {
          const read = readEvents(Buffer.concat([buffered, chunk]));
          buffered = read.rest;
          for (const event of read.events) {
            events.push(event);
            if (events.length >= options.maxEvents) finish();
          }
        });
        res.on("end", () => {
          const text = buffered.toString("utf8").trim();
          if (text && status !== 200) events.push({ type: "BODY", object: JSON.parse(text) as unknown });
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
      resolve(contentType === undefined ? { status, events } : { status, contentType, events });
    }
    outgoing.on("error", (error) => (finished ? undefined : reject(error)));
    outgoing.end();
  });
}
