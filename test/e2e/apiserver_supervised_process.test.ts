import assert from "node:assert/strict";
import { test } from "node:test";
import { ChildProcessDiedError, startSupervisedProcess, unlessDied } from "../../apiserver/binaries/process.js";

test("a child that dies while awaited rejects with its name, exit code and last output", async () => {
  const child = startSupervisedProcess({
    name: "fake-etcd",
    command: process.execPath,
    args: [
      "-e",
      "console.log('starting'); console.error('listen tcp 127.0.0.1:1: bind: permission denied'); process.exit(3)",
    ],
  });
  const never = new Promise<never>(() => undefined);
  await assert.rejects(unlessDied(child, never), (error: unknown) => {
    assert.ok(error instanceof ChildProcessDiedError);
    assert.equal(error.processName, "fake-etcd");
    assert.equal(error.exit.code, 3);
    assert.match(error.message, /fake-etcd died during start \(exit code 3\)/);
    assert.match(error.message, /bind: permission denied/);
    return true;
  });
});

test("stop() ends a child that ignores nothing, and the tail keeps only the last lines", async () => {
  const child = startSupervisedProcess({
    name: "chatty",
    command: process.execPath,
    args: ["-e", "for (let i = 0; i < 50; i++) console.log('line ' + i); setInterval(() => {}, 1000)"],
    tailLines: 5,
  });
  assert.equal(await unlessDied(child, Promise.resolve("ready")), "ready");
  while (!child.logTail().includes("line 49")) await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(child.logTail(), ["line 45", "line 46", "line 47", "line 48", "line 49"]);
  await child.stop();
  assert.equal(child.exitStatus()?.signal, "SIGTERM");
});
