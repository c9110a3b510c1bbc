/**
 * Calls one webhook over HTTPS as kube-apiserver's webhook REST client does: POST of the review
 * to clientConfig.url with `?timeout=<n>s`, the caBundle as the only trusted authority (the
 * system's when there is none), bounded by timeoutSeconds. A service reference names a Service
 * this in-process server has no network for: a missing one fails as kube-apiserver's resolver
 * does, an existing one is dialled at its clusterIP, which nothing here answers.
 */
import { request as httpsRequest } from "node:https";
import type { Store } from "../storage/store.js";
import { objectKey } from "../storage/store.js";
import type { WebhookClientConfig } from "./webhook_configurations.js";

/** The largest response read from a webhook, as the REST client's limit on a response body. */
const maxResponseBytes = 3 * 1024 * 1024;

/** Why the call failed, worded as Go's HTTP client words it (after "failed to call webhook: "). */
export class WebhookCallError extends Error {}

interface Endpoint {
  url: URL;
  ca: string | undefined;
}

function endpointOf(config: WebhookClientConfig, store: Store, timeoutSeconds: number): Endpoint {
  const ca = config.caBundle ? Buffer.from(config.caBundle, "base64").toString("utf8") : undefined;
  let url: URL;
  if (config.url) url = new URL(config.url);
  else {
    const service = config.service ?? {};
    const stored = store.get("/services", objectKey(service.namespace, service.name ?? ""));
    if (!stored) throw new WebhookCallError(`service "${service.name ?? ""}" not found`);
    const clusterIP = (stored.spec as { clusterIP?: string } | undefined)?.clusterIP ?? "";
    url = new URL(`https://${clusterIP}:${service.port ?? 443}${service.path ?? ""}`);
  }
  url.searchParams.set("timeout", `${timeoutSeconds}s`);
  return { url, ca };
}

function describeNetworkError(error: NodeJS.ErrnoException, url: URL): string {
  const post = `Post "${url.toString()}"`;
  const address = `${url.hostname}:${url.port || "443"}`;
  switch (error.code) {
    case "ECONNREFUSED":
      return `${post}: dial tcp ${address}: connect: connection refused`;
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
    case "SELF_SIGNED_CERT_IN_CHAIN":
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
      return `${post}: tls: failed to verify certificate: x509: certificate signed by unknown authority`;
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return `${post}: tls: failed to verify certificate: x509: certificate is valid for other names, not ${url.hostname}`;
    default:
      return `${post}: ${error.message}`;
  }
}

/** POSTs `review` and returns the decoded response body. */
export async function callWebhook(
  config: WebhookClientConfig,
  store: Store,
  timeoutSeconds: number,
  review: unknown,
): Promise<unknown> {
  const { url, ca } = endpointOf(config, store, timeoutSeconds);
  const body = Buffer.from(JSON.stringify(review));
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => {
      call.destroy();
      reject(new WebhookCallError(`Post "${url.toString()}": context deadline exceeded`));
    }, timeoutSeconds * 1000);
    const fail = (error: Error): void => {
      clearTimeout(deadline);
      reject(error);
    };
    const call = httpsRequest(
      url,
      {
        method: "POST",
        ...(ca ? { ca } : {}),
        headers: { "Content-Type": "application/json", Accept: "application/json, */*", "Content-Length": body.length },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxResponseBytes) {
            call.destroy();
            fail(new WebhookCallError(`Post "${url.toString()}": response body exceeds ${maxResponseBytes} bytes`));
          } else chunks.push(chunk);
        });
        response.on("error", fail);
        response.on("end", () => {
          clearTimeout(deadline);
          const text = Buffer.concat(chunks).toString("utf8");
          const code = response.statusCode ?? 0;
          if (code < 200 || code > 299) {
            reject(
              new WebhookCallError(
                `an error on the server (${JSON.stringify(text.trim() || "unknown")}) has prevented the request from succeeding`,
              ),
            );
            return;
          }
          try {
            resolve(JSON.parse(text));
          } catch (error) {
            reject(new WebhookCallError((error as Error).message));
          }
        });
      },
    );
    call.on("error", (error: NodeJS.ErrnoException) => fail(new WebhookCallError(describeNetworkError(error, url))));
    call.end(body);
  });
}
