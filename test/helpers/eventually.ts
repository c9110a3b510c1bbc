/**
 * The one polling helper of the tests: wait for a condition that comes by itself (a controller's
 * write, a server's restart, a process's exit), never for a fixed time.
 */

/** What a check returns while the condition does not hold yet. */
type NotYet = undefined | false;

/**
 * Calls `check` every `intervalMs` until it returns something other than `undefined` or `false`,
 * and resolves to that. A check that throws is retried as well (a server still starting, a
 * kubectl call refused meanwhile); the last error is the timeout's cause.
 *
 * The timeout is generous on purpose: a test fails when the condition never comes, not because a
 * loaded machine was slow.
 */
export async function eventually<T>(
  what: string,
  check: () => T | NotYet | Promise<T | NotYet>,
  timeoutMs = 60_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason =
        lastError === undefined ? "" : `: ${lastError instanceof Error ? lastError.message : String(lastError)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${reason}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
