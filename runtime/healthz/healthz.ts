import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Health checks served on `/healthz` and `/readyz` (controller-runtime's `healthz`): a check is a
 * function that throws (or rejects) when unhealthy. The answer lists every check, as the
 * Kubernetes components do with `?verbose`.
 */
export type Checker = () => void | Promise<void>;

/** A check that always passes: the process answers. */
export const ping: Checker = () => undefined;

/** Runs the checks and renders the body and code Kubernetes probes expect. */
export async function runChecks(
  name: string,
  checks: ReadonlyMap<string, Checker>,
  options: { verbose?: boolean; exclude?: readonly string[] } = {},
): Promise<{ code: number; body: string }> {
  const lines: string[] = [];
  let healthy = true;
  for (const [checkName, check] of [...checks].sort(([a], [b]) => a.localeCompare(b))) {
    if (options.exclude?.includes(checkName)) {
      lines.push(`[+]${checkName} excluded: ok`);
      continue;
    }
    try {
      await check();
      lines.push(`[+]${checkName} ok`);
    } catch (err) {
      healthy = false;
      lines.push(`[-]${checkName} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (healthy && !options.verbose) return { code: 200, body: "ok" };
  lines.push(healthy ? `${name} check passed` : `${name} check failed`);
  return { code: healthy ? 200 : 500, body: `${lines.join("\n")}\n` };
}

/** An HTTP handler for one check set (`/healthz` or `/readyz`, and `/healthz/<check>`). */
export function checksHandler(name: string, checks: ReadonlyMap<string, Checker>) {
  return async (request: IncomingMessage, response: ServerResponse, subPath: string): Promise<void> => {
    const url = new URL(request.url ?? "/", "http://localhost");
    let selected: ReadonlyMap<string, Checker> = checks;
    if (subPath) {
      const check = checks.get(subPath);
      if (!check) {
        response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`no check named ${subPath}\n`);
        return;
      }
      selected = new Map([[subPath, check]]);
    }
    const { code, body } = await runChecks(name, selected, {
      verbose: url.searchParams.has("verbose"),
      exclude: url.searchParams.getAll("exclude"),
    });
    response
      .writeHead(code, { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" })
      .end(body);
  };
}
