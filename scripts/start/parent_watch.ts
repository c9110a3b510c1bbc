/**
 * How `npm start` notices that npm, which started it, is gone: npm gives it no IPC channel, so it
 * checks every second that its parent's pid still exists. (Its own children learn of its death
 * through their IPC channel instead: exit_with_parent.mjs.)
 *
 * Caveats: a parent that died but is not yet reaped (a zombie) still counts as alive until its own
 * parent reaps it, which a shell does at once.
 */

/** Calls `onGone` once, when the parent process no longer exists. */
export function whenParentExits(onGone: () => void, pollIntervalMs = 1_000): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (isAlive(parent)) return;
    clearInterval(timer);
    onGone();
  }, pollIntervalMs);
  // The watch must not keep the process alive by itself.
  timer.unref();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
