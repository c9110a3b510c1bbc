import assert from "node:assert/strict";
import { test } from "node:test";
import { pluralize } from "./pluralize.js";

test("plurals follow kubebuilder's (flect's) rules for common kinds", () => {
  const expected: Record<string, string> = {
    machine: "machines",
    switch: "switches",
    policy: "policies",
    gateway: "gateways",
    ingress: "ingresses",
    status: "statuses",
    box: "boxes",
    memcached: "memcacheds",
    database: "databases",
    node: "nodes",
    index: "indices",
    person: "people",
    child: "children",
    proxy: "proxies",
    mesh: "meshes",
    datum: "data",
    series: "series",
    cactus: "cacti",
    analysis: "analyses",
    knife: "knives",
    hero: "heroes",
    radio: "radios",
    matrix: "matrices",
  };
  for (const [singular, plural] of Object.entries(expected)) assert.equal(pluralize(singular), plural, singular);
});

test("a word that is already plural stays as it is", () => {
  assert.equal(pluralize("people"), "people");
  assert.equal(pluralize("switches"), "switches");
  assert.equal(pluralize("news"), "news");
});
