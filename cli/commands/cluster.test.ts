import assert from "node:assert/strict";
import { test } from "node:test";
import { Command } from "commander";
import { clusterCommand } from "./cluster.js";
import { uiCommand } from "./ui.js";

function program(): { program: Command; errors: () => string } {
  let errors = "";
  const root = new Command("uselessctl").exitOverride().configureOutput({ writeErr: (text) => (errors += text) });
  root.addCommand(clusterCommand());
  for (const command of root.commands.flatMap((c) => [c, ...c.commands])) {
    command.exitOverride().configureOutput({ writeErr: (text) => (errors += text) });
  }
  return { program: root, errors: () => errors };
}

test("cluster start rejects a port that is not a TCP port number, naming the flag", async () => {
  const { program: root, errors } = program();
  await assert.rejects(root.parseAsync(["node", "uselessctl", "cluster", "start", "--port", "70000"]));
  assert.match(errors(), /--port <port>.*expected a TCP port number from 0 to 65535, got "70000"/);
});

test("cluster start accepts only embedded or binaries as --control-plane", async () => {
  const { program: root, errors } = program();
  await assert.rejects(root.parseAsync(["node", "uselessctl", "cluster", "start", "--control-plane", "docker"]));
  assert.match(errors(), /--control-plane <kind>.*Allowed choices are embedded, binaries/);
});

test("ui rejects a port that is not a TCP port number, naming the flag", async () => {
  let errors = "";
  const root = new Command("uselessctl").exitOverride().configureOutput({ writeErr: (text) => (errors += text) });
  root.addCommand(
    uiCommand()
      .exitOverride()
      .configureOutput({ writeErr: (text) => (errors += text) }),
  );
  await assert.rejects(root.parseAsync(["node", "uselessctl", "ui", "--port", "-1"]));
  assert.match(errors, /--port <port>.*expected a TCP port number from 0 to 65535, got "-1"/);
});
