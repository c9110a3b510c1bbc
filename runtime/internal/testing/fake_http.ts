/**
 * An in-memory HTTP exchange for unit tests of handlers written against node's
 * `(IncomingMessage, ServerResponse)`: a request that streams a body with headers, and a response
 * that records its status, headers and body. No socket is opened.
 */
import { EventEmitter } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";

/** A request with `body` and `headers`. */
export function fakeRequest(body: string | Buffer, headers: Record<string, string> = {}, url = "/"): IncomingMessage {
  const stream = Readable.from(body.length === 0 ? [] : [Buffer.from(body)]) as unknown as IncomingMessage;
  Object.assign(stream, { headers, url, method: "POST" });
  return stream;
}

/** What a {@link FakeResponse} recorded. */
export interface RecordedResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** A response recording what the handler wrote; `finish` is emitted on end, as node does. */
export class FakeResponse extends EventEmitter {
  statusCode = 200;
  headersSent = false;
  readonly headers: Record<string, string> = {};
  body = "";

  writeHead(statusCode: number, headers: Record<string, string> = {}): this {
    this.statusCode = statusCode;
    Object.assign(this.headers, headers);
    this.headersSent = true;
    return this;
  }

  end(chunk?: string | Buffer): this {
    if (chunk !== undefined) this.body += chunk.toString();
    this.headersSent = true;
    this.emit("finish");
    this.emit("close");
    return this;
  }

  asServerResponse(): ServerResponse {
    return this as unknown as ServerResponse;
  }

  json(): unknown {
    return JSON.parse(this.body);
  }
}
