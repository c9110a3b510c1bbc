import { test } from "node:test";
import assert from "node:assert/strict";
import { buildProgram } from "./main.js";

test("the program names itself uselessctl and lists the generate command", () => {
  const program = buildProgram();
  assert.equal(program.name(), "uselessctl");
  assert.ok(program.commands.some((command) => command.name() === "generate"));
});

test("--version prints the package version", async () => {
  const program = buildProgram();
  let printed = "";
  program.configureOutput({ writeOut: (text) => (printed += text) });
  await assert.rejects(program.parseAsync(["node", "uselessctl", "--version"]), { code: "commander.version" });
  assert.match(printed, /^\d+\.\d+\.\d+/);
});
