/** Readiness probes of control-plane components over HTTP(S), polled until they answer. */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

/** How to reach an endpoint. */
export interface ProbeTarget {
  readonly url: string;
  readonly caCertificatePem?: string;
  readonly token?: string;
  /** Accept any serving certificate: only for a component's own self-signed health port. */
  readonly insecure?: boolean;
}

/** The status code and body of one GET, or the connection error. */
export async function probeOnce(target: ProbeTarget, timeoutMs = 2_000): Promise<{ status: number; body: string }> {
  const url = new URL(target.url);
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "GET",
        timeout: timeoutMs,
        headers: target.token ? { authorization: `Bearer ${target.token}` } : {},
        ...(url.protocol === "https:" ? { ca: target.caCertificatePem, rejectUnauthorized: !target.insecure } : {}),
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`GET ${target.url} timed out after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}

/** Options of {@link waitUntil}. */
export interface WaitOptions {
  readonly timeoutMs: number;
  readonly intervalMs: number;
  /** Names what is awaited, for the timeout error. */
  readonly what: string;
  /** Stops the polling (rejecting) once aborted, e.g. because a sibling wait failed. */
  readonly signal?: AbortSignal;
}

/**
 * Polls `check` until it returns a value other than `undefined`.
 *
 * Errors: a timeout error naming `what` and the last reason `check` gave (its thrown error).
 */
export async function waitUntil<T>(check: () => Promise<T | undefined>, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastReason = "no answer yet";
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastReason = error instanceof Error ? error.message : String(error);
    }
    if (options.signal?.aborted) throw new Error(`stopped waiting for ${options.what}`);
    if (Date.now() >= deadline) {
      throw new Error(`timed out after ${options.timeoutMs} ms waiting for ${options.what} (last: ${lastReason})`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
}
