/**
 * The pages' files, served from a folder as they are (no build step): HTML, CSS and ES modules,
 * with headers that keep them to this origin (no inline scripts, no framing, no referrer).
 */
import { readFile, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

/** Sent with every answer of the UI server. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

/** The toolkit's own pages: ui/static beside this module in the sources, and above dist/ui once built. */
export function toolkitStaticDir(): string {
  const candidates = ["./static/", "../../ui/static/"].map((relative) =>
    fileURLToPath(new URL(relative, import.meta.url)),
  );
  const found = candidates.find((candidate) => existsSync(join(candidate, "index.html")));
  if (!found) throw new Error(`the UI's pages were not found in ${candidates.join(" or ")}`);
  return found;
}

/** js-yaml's browser module, which the pages import for YAML views. */
export function jsYamlModulePath(): string {
  return fileURLToPath(import.meta.resolve("js-yaml"));
}

/**
 * Answers with the file `relativePath` names inside `folder` (an empty path or a folder: its
 * index.html). Resolves to false, having written nothing, when there is no such file or the path
 * leaves the folder.
 */
export async function sendStaticFile(response: ServerResponse, folder: string, relativePath: string): Promise<boolean> {
  const root = resolve(folder);
  try {
    let path = resolve(root, `.${sep}${decodeURIComponent(relativePath)}`);
    if (path !== root && !path.startsWith(root + sep)) return false;
    if ((await stat(path)).isDirectory()) path = join(path, "index.html");
    return await sendFile(response, path);
  } catch {
    return false;
  }
}

/** Answers with one file; false when it cannot be read or its type is not one the pages use. */
export async function sendFile(response: ServerResponse, path: string): Promise<boolean> {
  const type = CONTENT_TYPES[extname(path)];
  if (!type) return false;
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    return false;
  }
  response.writeHead(200, { ...SECURITY_HEADERS, "content-type": type, "content-length": body.length });
  response.end(body);
  return true;
}
