/**
 * Calls a webhook the way kube-apiserver's webhook client does: a JSON POST over HTTPS trusting
 * the configuration's caBundle (the system roots when empty), `?timeout=30s` on the URL and a
 * 30 s deadline (k8s.io/apiserver/pkg/util/webhook's defaultRequestTimeout). Failures are Errors
 * worded as Go's http client and client-go's REST client report them.
 */
import { request as httpsRequest } from "node:https";

export interface WebhookTarget {
  /** The configuration's name, for messages. */
  name: string;
  url: string;
  /** PEM certificates to trust; empty for the system's roots. */
  caBundle: string;
}

export const webhookTimeoutMs = 30_000;
/** Longest response body decoded (client-go reads whole bodies; this bounds a hostile one). */
const maxResponseBytes = 64 * 1024 * 1024;

/** POSTs `body` as JSON and answers the decoded JSON response. */
export function postWebhook(target: WebhookTarget, body: unknown, timeoutMs = webhookTimeoutMs): Promise<unknown> {
  const url = new URL(target.url);
  url.searchParams.set("timeout", `${Math.round(timeoutMs / 1000)}s`);
  const where = `Post "${url.toString()}"`;
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      url,
      {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json, */*",
          "Content-Length": payload.length,
        },
        ...(target.caBundle ? { ca: target.caBundle } : {}),
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxResponseBytes) request.destroy(new Error("response body too large"));
          else chunks.push(chunk);
        });
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const code = response.statusCode ?? 0;
          if (code < 200 || code > 299) return reject(new Error(unsuccessfulMessage(code, text)));
          try {
            resolve(JSON.parse(text));
          } catch (error) {
            reject(new Error((error as Error).message));
          }
        });
        response.on("error", (error) => reject(new Error(`${where}: ${error.message}`)));
      },
    );
    request.on("timeout", () =>
      request.destroy(Object.assign(new Error("context deadline exceeded"), { code: "ETIMEDOUT" })),
    );
    request.on("error", (error: NodeJS.ErrnoException) => reject(new Error(`${where}: ${networkMessage(url, error)}`)));
    request.end(payload);
  });
}

/** What Go's net/http says for the failures node reports by code. */
function networkMessage(url: URL, error: NodeJS.ErrnoException): string {
  const address = `${url.hostname}:${url.port || "443"}`;
  switch (error.code) {
    case "ECONNREFUSED":
      return `dial tcp ${address}: connect: connection refused`;
    case "ENOTFOUND":
      return `dial tcp: lookup ${url.hostname}: no such host`;
    case "ETIMEDOUT":
      return "context deadline exceeded";
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
      return "tls: failed to verify certificate: x509: certificate signed by unknown authority";
    default:
      return error.message;
  }
}

/** client-go's transformResponse for an error code whose body is no Status. */
function unsuccessfulMessage(code: number, body: string): string {
  try {
    const status = JSON.parse(body) as { kind?: string; message?: string };
    if (status.kind === "Status" && status.message) return status.message;
  } catch {
    // Not JSON: reported by code, as below.
  }
  return `the server responded with the status code ${code} but did not return more information`;
}
