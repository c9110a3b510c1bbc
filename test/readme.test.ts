import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { markerHelp } from "../crdgen/index.js";
import { markerTableMarkdown } from "../cli/marker_table.js";

const readmePath = join(resolve(dirname(fileURLToPath(import.meta.url)), ".."), "README.md");
const begin = "<!-- markers:begin -->\n";
const end = "<!-- markers:end -->";

test("the README's Markers tables are the generator's marker registry (UPDATE_GOLDEN=1 rewrites them)", () => {
  const readme = readFileSync(readmePath, "utf8");
  const start = readme.indexOf(begin);
  const stop = readme.indexOf(end);
  assert.ok(start >= 0 && stop > start, `README.md must hold "${begin.trim()}" then "${end}"`);
  const expected = markerTableMarkdown(markerHelp());
  const actual = readme.slice(start + begin.length, stop);
  if (process.env["UPDATE_GOLDEN"] === "1" && actual !== expected) {
    writeFileSync(readmePath, readme.slice(0, start + begin.length) + expected + readme.slice(stop));
    return;
  }
  assert.equal(
    actual,
    expected,
    "README.md's marker tables are out of date: run `UPDATE_GOLDEN=1 npm test` and commit README.md",
  );
});

test("every JSDoc alias in the registry appears in the README's tag table", () => {
  const readme = readFileSync(readmePath, "utf8");
  for (const entry of markerHelp()) {
    for (const alias of entry.aliases)
      assert.ok(readme.includes(`| \`${alias}\` |`), `${alias} is missing from README.md`);
  }
});
