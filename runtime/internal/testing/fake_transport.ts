import type { RawWatchEvent, Transport, TransportRequest } from "../../client/transport.js";
import type { ConfigMap } from "../../scheme/core_kinds.js";

/**
 * A fake API server for the manager's tests: lists answer empty, creates and updates get the next
 * resourceVersion, and watches stream only the events the test pushes.
 */
export function fakeConfigMapServer() {
  const requests: TransportRequest[] = [];
  const watchers: ((event: RawWatchEvent) => void)[] = [];
  let resourceVersion = 10;
  const transport: Transport = {
    async request(req) {
      requests.push(req);
      if (req.method === "GET") return { metadata: { resourceVersion: String(resourceVersion) }, items: [] };
      if (req.method === "PUT" || req.method === "POST") {
        const obj = structuredClone(req.body) as ConfigMap;
        obj.metadata = { ...obj.metadata, resourceVersion: String(++resourceVersion) };
        return obj;
      }
      throw new Error(`unexpected ${req.method}`);
    },
    watch(req, onEvent) {
      req.onOpen?.();
      watchers.push(onEvent);
      return new Promise((resolve) => req.signal?.addEventListener("abort", () => resolve(), { once: true }));
    },
  };
  const push = (object: ConfigMap, type: RawWatchEvent["type"] = "ADDED"): void => {
    object.metadata = { ...object.metadata, resourceVersion: String(++resourceVersion) };
    for (const watcher of watchers) watcher({ type, object });
  };
  return { transport, requests, push };
}
