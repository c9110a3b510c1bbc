/**
 * Preloaded (`node --import`) into the API server and the operator that `npm start` runs, which
 * start them with an IPC channel: when `npm start` is gone, however it died (`kill -9`, a crash),
 * the kernel closes its end of the channel, the child gets `disconnect`, and it stops as on
 * Ctrl-C (SIGTERM to itself, so that its own graceful stop runs), or exits anyway after a grace
 * period if that stop hangs. Without this a killed `npm start` leaves them running, reparented,
 * holding the data folder and the port (issue 13).
 *
 * Plain JavaScript, so that it loads into a compiled child as into one run through tsx.
 */
import { setTimeout } from "node:timers";

const GRACE_MS = 10_000;

function stop() {
  process.kill(process.pid, "SIGTERM");
  setTimeout(() => process.exit(1), GRACE_MS).unref();
}

if (process.channel) {
  process.once("disconnect", stop);
  // Listening for `disconnect` refs the channel; it must not keep the process alive by itself.
  process.channel.unref();
} else if (process.connected === false) {
  // Started with a channel that closed before this ran: the parent died while this process was
  // still starting (`connected` is undefined in a process started without one).
  stop();
}
