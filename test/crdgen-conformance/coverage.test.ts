/**
 * The fixtures cover crdgen's whole marker registry: every marker is written in at least one
 * TypeScript fixture (and so compared with controller-gen on its Go twin), and every fixture has
 * both halves. Reads files only; runs without Go.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { markerHelp } from "../../crdgen/index.js";
import { listFixtures, typescriptFiles } from "./harness/fixtures.js";

const fixtures = listFixtures();

test("there are at least 60 fixtures", () => {
  assert.ok(fixtures.length >= 60, `${fixtures.length} fixtures`);
});

test("every marker of the registry is written in some TypeScript fixture", () => {
  const text = fixtures
    .flatMap(typescriptFiles)
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");
  const markers = new Set(markerHelp().map((row) => row.name.slice(1)));
  const missing = [...markers].filter(
    (name) => !new RegExp(`\\+${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![A-Za-z])`).test(text),
  );
  assert.deepEqual(missing, [], "markers no fixture uses");
});

test("every fixture folder with TypeScript also has its Go twin", () => {
  for (const fixture of fixtures) {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
      );
    const files = walk(fixture.dir);
    for (const file of files.filter((name) => name.endsWith(".ts")))
      assert.ok(files.includes(file.replace(/\.ts$/, ".go")), `${file} has no .go twin`);
  }
});
