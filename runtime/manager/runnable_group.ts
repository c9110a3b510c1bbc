import type { Runnable } from "./options.js";

/**
 * A member of a {@link RunnableGroup}: a runnable and, for the groups whose members must be ready
 * before the next group starts (servers listening, caches synced), how to wait for that.
 */
export interface GroupMember {
  /** Runs until the signal aborts; rejecting reports a failure to the group's owner. */
  start(signal: AbortSignal): Promise<void>;
  /** Resolves once the member is ready, or when the signal aborts. */
  ready?(signal: AbortSignal): Promise<unknown>;
}

/**
 * Runnables started together and stopped together (controller-runtime's `runnableGroup`).
 *
 * Guarantees: `start` starts every member and resolves once every member is ready (or the stop
 * signal aborts); `stopAndWait` aborts every member's signal and resolves once all have returned
 * or the deadline aborts. A member that rejects is reported to `onError` once.
 * Caveats: a group starts at most once; members are added before it starts.
 */
export class RunnableGroup {
  readonly name: string;
  readonly #members: GroupMember[] = [];
  readonly #onError: (err: unknown) => void;
  readonly #abort = new AbortController();
  readonly #running: Promise<void>[] = [];
  #started = false;

  constructor(name: string, onError: (err: unknown) => void) {
    this.name = name;
    this.#onError = onError;
  }

  get size(): number {
    return this.#members.length;
  }

  add(member: GroupMember): void {
    if (this.#started) throw new Error(`the ${this.name} runnables already started: add runnables before start`);
    this.#members.push(member);
  }

  /** Starts every member, then waits until all are ready or `stop` aborts. */
  async start(stop: AbortSignal): Promise<void> {
    if (this.#started) throw new Error(`the ${this.name} runnables were already started`);
    this.#started = true;
    if (stop.aborted) return;
    for (const member of this.#members) {
      this.#running.push(member.start(this.#abort.signal).catch(this.#onError));
    }
    await Promise.all(this.#members.map((member) => member.ready?.(stop)));
  }

  /** Stops every member; resolves true once all returned, false when `deadline` aborted first. */
  async stopAndWait(deadline: AbortSignal): Promise<boolean> {
    this.#abort.abort();
    if (this.#running.length === 0) return true;
    if (deadline.aborted) return false;
    const onDeadline = new Promise<boolean>((resolve) =>
      deadline.addEventListener("abort", () => resolve(false), { once: true }),
    );
    return Promise.race([Promise.all(this.#running).then(() => true), onDeadline]);
  }
}

/** The group a runnable joins: controllers (and runnables by default) run only while leading. */
export function runnableMember(runnable: Runnable): { member: GroupMember; needsLeader: boolean } {
  if (typeof runnable === "function") return { member: { start: runnable }, needsLeader: true };
  return {
    member: { start: (signal) => runnable.start(signal) },
    needsLeader: runnable.needLeaderElection !== false,
  };
}
