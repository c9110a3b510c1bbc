import assert from "node:assert/strict";
import { test } from "node:test";
import { boardPort, boardSettings } from "./board_settings.js";

test("the board's timing is the operator's: flags first, then the variables, then the defaults", () => {
  assert.deepEqual(boardSettings(["--flip-delay", "2s"], { USELESS_FLIP_INTERVAL: "250ms" }), {
    namespace: "default",
    flipDelayMs: 2000,
    flipIntervalMs: 250,
  });
  assert.deepEqual(boardSettings(["--flip-interval=0", "--leader-elect"], {}), {
    namespace: "default",
    flipDelayMs: 5000,
    flipIntervalMs: 0,
  });
});

test("the board shows no timing when the operator's flags are wrong (the operator says why)", () => {
  assert.deepEqual(boardSettings(["--flip-delay", "soon"], {}), { namespace: "default" });
});

test("USELESS_UI_PORT picks the board's port, 0 (a free one) by default, and is checked", () => {
  assert.equal(boardPort({}), 0);
  assert.equal(boardPort({ USELESS_UI_PORT: "8080" }), 8080);
  for (const wrong of ["http", "-1", "70000", "80.5"]) {
    assert.throws(() => boardPort({ USELESS_UI_PORT: wrong }), /^Error: USELESS_UI_PORT: expected a TCP port number/);
  }
});
