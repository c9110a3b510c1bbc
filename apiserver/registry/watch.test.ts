import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { StatusError } from "../errors/status.js";
import { Store, objectKey } from "../storage/store.js";
import { builtinTypes } from "./builtins.js";
import { validateWatchOptions, watch, type WatchEvent, type WatchQuery } from "./watch.js";

const configMaps = builtinTypes().find((type) => type.resource === "configmaps");
if (!configMaps) throw new Error("configmaps are built in");
const query = (overrides: Partial<WatchQuery>): WatchQuery => ({
  namespace: "ns",
  labelSelector: null,
  fieldSelector: null,
  resourceVersion: null,
  sendInitialEvents: false,
  allowWatchBookmarks: false,
  ...overrides,
});

describe("watch", () => {
  it("ends the initial events with an initial-events-end bookmark only when bookmarks are allowed", async () => {
    const store = await Store.open();
    store.put(configMaps.collection, objectKey("ns", "a"), { metadata: { name: "a", namespace: "ns" } });
    for (const allowWatchBookmarks of [false, true]) {
      const events: WatchEvent[] = [];
      watch(store, configMaps, query({ resourceVersion: "0", allowWatchBookmarks }), (event) =>
        events.push(event),
      ).stop();
      assert.deepEqual(
        events.map((event) => event.type),
        allowWatchBookmarks ? ["ADDED", "BOOKMARK"] : ["ADDED"],
      );
    }
  });

  it("with sendInitialEvents and a resourceVersion, sends the current state once, not the changes it already holds", async () => {
    const store = await Store.open();
    const start = store.currentRevision();
    store.put(configMaps.collection, objectKey("ns", "a"), { metadata: { name: "a", namespace: "ns" } });
    store.put(configMaps.collection, objectKey("ns", "a"), {
      metadata: { name: "a", namespace: "ns" },
      data: { v: "2" },
    });
    const events: WatchEvent[] = [];
    const subscription = watch(
      store,
      configMaps,
      query({ resourceVersion: String(start), sendInitialEvents: true }),
      (event) => events.push(event),
    );
    subscription.stop();
    assert.deepEqual(
      events.map((event) => event.type),
      ["ADDED"],
    );
    assert.equal(subscription.startRevision, store.currentRevision());
  });

  it("validates sendInitialEvents and resourceVersionMatch together, as ListOptions", () => {
    const rejects = (search: string, message: RegExp) =>
      assert.throws(
        () => validateWatchOptions(new URLSearchParams(search)),
        (error: unknown) => error instanceof StatusError && error.code === 422 && message.test(error.message),
      );
    rejects("sendInitialEvents=false", /sendInitialEvents requires setting resourceVersionMatch to NotOlderThan/);
    rejects(
      "resourceVersionMatch=NotOlderThan",
      /resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided/,
    );
    rejects(
      "sendInitialEvents=true&resourceVersionMatch=Exact",
      /^ListOptions\.meta\.k8s\.io "" is invalid: \[resourceVersionMatch: Forbidden: .*, resourceVersionMatch: Unsupported value: "Exact": supported values: "NotOlderThan"\]$/,
    );
    assert.doesNotThrow(() =>
      validateWatchOptions(new URLSearchParams("sendInitialEvents=true&resourceVersionMatch=NotOlderThan")),
    );
  });
});
