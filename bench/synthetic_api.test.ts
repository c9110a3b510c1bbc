import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { defaultSyntheticApi, writeSyntheticApi } from "./synthetic_api.js";

function interfaceMembers(source: ts.SourceFile): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement)) {
      members.set(
        statement.name.text,
        statement.members.map((member) => (member.name && ts.isIdentifier(member.name) ? member.name.text : "?")),
      );
    }
  }
  return members;
}

test("the synthetic API has 50 kinds, each with 20 fields on each of 3 nested levels, and one controller", () => {
  const root = mkdtempSync(join(tmpdir(), "uselessctl-synthetic-"));
  const written = writeSyntheticApi(root);
  assert.equal(written.filter((path) => path.endsWith("_types.ts")).length, defaultSyntheticApi.kinds);
  assert.ok(written.includes("api/v1/groupversion_info.ts"));
  assert.ok(written.includes("controllers/widget_controller.ts"));

  const file = join(root, "api/v1/widget07_types.ts");
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const members = interfaceMembers(source);
  for (const level of [1, 2, 3]) assert.equal(members.get(`Widget07Level${level}`)?.length, 20, `level ${level}`);
  assert.ok(members.get("Widget07Level2")?.includes("nested"));
  assert.ok(!members.get("Widget07Level3")?.includes("nested"));
  assert.deepEqual(members.get("Widget07"), ["apiVersion", "kind", "metadata", "spec", "status"]);
  assert.match(
    readFileSync(join(root, "controllers/widget_controller.ts"), "utf8"),
    /resources=widget50s,verbs=get;list;watch;update;patch/,
  );
  rmSync(root, { recursive: true });
});
