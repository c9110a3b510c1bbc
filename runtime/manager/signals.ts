/**
 * An AbortSignal aborted on the first SIGTERM or SIGINT (controller-runtime's
 * `SetupSignalHandler`); a second signal exits at once with code 1. For entry points (`main.ts`).
 */
export function setupSignalHandler(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(1);
    controller.abort();
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  return controller.signal;
}
