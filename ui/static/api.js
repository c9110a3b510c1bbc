// The pages' client: JSON requests and watches through the UI server's /api and /apis proxy,
// which adds the credentials. Errors are thrown as ApiError with the API server's Status message.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

async function failure(response) {
  const text = await response.text();
  try {
    const status = JSON.parse(text);
    if (status && status.message) return new ApiError(response.status, status.message);
  } catch {
    // not a Status: the text is the message
  }
  return new ApiError(response.status, text.trim() || `HTTP ${response.status}`);
}

/** Sends a request and returns the decoded JSON answer. */
export async function request(method, path, { body, contentType, accept, signal } = {}) {
  const headers = { accept: accept ?? "application/json" };
  if (body !== undefined) headers["content-type"] = contentType ?? "application/json";
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    credentials: "same-origin",
  });
  if (!response.ok) throw await failure(response);
  return response.json();
}

/** A JSON merge patch, as `kubectl patch --type=merge` sends it. */
export function mergePatch(path, patch) {
  return request("PATCH", path, { body: patch, contentType: "application/merge-patch+json" });
}

/**
 * Lists `path` and then watches it from the list's resourceVersion, calling `onList(list)` once
 * per (re)list and `onEvent(event)` for every watch event; a 410 Gone or a broken stream relists
 * after a short pause. Stops when `signal` aborts.
 */
export async function listAndWatch(path, { accept, onList, onEvent, onError, signal }) {
  const separator = path.includes("?") ? "&" : "?";
  while (!signal.aborted) {
    try {
      const list = await request("GET", path, { accept, signal });
      onList(list);
      let resourceVersion = list.metadata?.resourceVersion ?? "";
      for (;;) {
        const watchPath = `${path}${separator}watch=1&allowWatchBookmarks=true&resourceVersion=${encodeURIComponent(resourceVersion)}`;
        const expired = await streamEvents(watchPath, accept, signal, (event) => {
          const version = event.object?.metadata?.resourceVersion;
          if (version) resourceVersion = version;
          if (event.type !== "BOOKMARK") onEvent(event);
        });
        if (expired || signal.aborted) break;
      }
    } catch (error) {
      if (signal.aborted) return;
      onError?.(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Reads one watch response line by line; true when the server said the version is gone (relist). */
async function streamEvents(path, accept, signal, onEvent) {
  const response = await fetch(path, { headers: { accept: accept ?? "application/json" }, signal });
  if (response.status === 410) return true;
  if (!response.ok) throw await failure(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return false;
    buffered += value;
    let newline;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (!line) continue;
      const event = JSON.parse(line);
      if (event.type === "ERROR") {
        if (event.object?.code === 410) return true;
        throw new ApiError(event.object?.code ?? 500, event.object?.message ?? "watch failed");
      }
      onEvent(event);
    }
  }
}

/** Reads the page settings the UI server was started with. */
export function settings() {
  return request("GET", "/ui/settings.json");
}
