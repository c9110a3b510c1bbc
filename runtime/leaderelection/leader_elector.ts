import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { formatMicroTime, realClock, type Clock } from "../clock.js";
import { discardLogger, type Logger } from "../log/logger.js";
import { isAlreadyExists, isConflict, isNotFound } from "../client/errors.js";
import type { Client } from "../client/types.js";
import { Lease } from "../scheme/core_kinds.js";
import { sleep } from "../internal/sleep.js";

/** Options of {@link LeaderElector}; the durations are controller-runtime's defaults. */
export interface LeaderElectionOptions {
  /** A client that talks to the API server directly (never the cache). */
  client: Client;
  leaseName: string;
  leaseNamespace: string;
  /** This replica's identity; hostname plus a random suffix by default. */
  identity: string;
  /** How long a lease is valid after its last renewal: standbys wait this long to take over. */
  leaseDurationMs: number;
  /** How long the leader keeps trying to renew before it gives up leadership. */
  renewDeadlineMs: number;
  /** Wait between attempts to acquire or renew. */
  retryPeriodMs: number;
  /** Release the lease when stopping, so a standby takes over at once. */
  releaseOnCancel: boolean;
  clock: Clock;
  log: Logger;
}

/** Defaults of {@link LeaderElector}. */
export const DEFAULT_LEADER_ELECTION_OPTIONS = {
  leaseDurationMs: 15_000,
  renewDeadlineMs: 10_000,
  retryPeriodMs: 2_000,
  releaseOnCancel: true,
  clock: realClock,
  log: discardLogger,
} as const;

/** A default identity: `<hostname>_<uuid>`, as client-go's resourcelock. */
export function defaultIdentity(): string {
  return `${hostname()}_${randomUUID()}`;
}

/** Raised when a leader fails to renew its lease within the renew deadline. */
export class LeaderElectionLostError extends Error {
  readonly identity: string;
  constructor(identity: string, lease: string) {
    super(`leader election lost: ${identity} could not renew lease ${lease} within the renew deadline`);
    this.name = "LeaderElectionLostError";
    this.identity = identity;
  }
}

/**
 * Leader election on a coordination.k8s.io/v1 Lease (client-go's `leaderelection`).
 *
 * Guarantees: at most one elector holds the lease at a time as long as clocks advance at similar
 * rates (expiry is judged on the local clock from when the record was last seen to change, never
 * from the timestamps in the lease, so clock skew does not matter); writes use the lease's
 * resourceVersion, so two candidates cannot both win the same round.
 * Assumptions: the renew deadline is shorter than the lease duration.
 * Caveats: a leader that loses the lease must stop its work at once: `run` rejects with
 * {@link LeaderElectionLostError} and the manager stops.
 */
export class LeaderElector {
  readonly #options: LeaderElectionOptions;
  #observedRecord = "";
  #observedAt = 0;
  #leading = false;

  constructor(
    options: Partial<LeaderElectionOptions> & Pick<LeaderElectionOptions, "client" | "leaseName" | "leaseNamespace">,
  ) {
    this.#options = { ...DEFAULT_LEADER_ELECTION_OPTIONS, identity: defaultIdentity(), ...options };
    if (this.#options.renewDeadlineMs >= this.#options.leaseDurationMs) {
      throw new Error("leader election: renewDeadline must be shorter than leaseDuration");
    }
  }

  get identity(): string {
    return this.#options.identity;
  }

  isLeader(): boolean {
    return this.#leading;
  }

  /**
   * Campaigns until elected, calls `onStartedLeading`, then renews until the signal aborts
   * (releasing the lease) or renewal fails. Resolves when stopped by the signal.
   * Errors: {@link LeaderElectionLostError} when leadership is lost.
   */
  async run(signal: AbortSignal, onStartedLeading: () => void): Promise<void> {
    const { clock, retryPeriodMs, renewDeadlineMs, log } = this.#options;
    const lease = `${this.#options.leaseNamespace}/${this.#options.leaseName}`;
    log.info("attempting to acquire leader lease", { lease, identity: this.identity });
    while (!signal.aborted && !(await this.#tryAcquireOrRenew())) {
      await sleep(clock, retryPeriodMs * (1 + Math.random() * 0.2), signal);
    }
    if (signal.aborted) return;
    this.#leading = true;
    log.info("successfully acquired lease", { lease, identity: this.identity });
    onStartedLeading();
    let lastRenew = clock.now();
    try {
      for (;;) {
        await sleep(clock, retryPeriodMs, signal);
        if (signal.aborted) break;
        if (await this.#tryAcquireOrRenew()) {
          lastRenew = clock.now();
        } else if (clock.now() - lastRenew >= renewDeadlineMs) {
          this.#leading = false;
          throw new LeaderElectionLostError(this.identity, lease);
        }
      }
    } finally {
      if (this.#leading && this.#options.releaseOnCancel) await this.#release();
      this.#leading = false;
    }
  }

  async #tryAcquireOrRenew(): Promise<boolean> {
    const { client, leaseName, leaseNamespace, identity, leaseDurationMs, clock, log } = this.#options;
    const now = clock.now();
    const spec = {
      holderIdentity: identity,
      leaseDurationSeconds: Math.round(leaseDurationMs / 1000),
      acquireTime: formatMicroTime(now),
      renewTime: formatMicroTime(now),
      leaseTransitions: 0,
    };
    try {
      let current: Lease;
      try {
        current = await client.get(Lease, { namespace: leaseNamespace, name: leaseName });
      } catch (err) {
        if (!isNotFound(err)) throw err;
        await client.create<Lease>({
          apiVersion: Lease.apiVersion,
          kind: Lease.kind,
          metadata: { name: leaseName, namespace: leaseNamespace },
          spec,
        });
        this.#observe(JSON.stringify(spec), now);
        return true;
      }
      const record = JSON.stringify(current.spec ?? {});
      if (record !== this.#observedRecord) this.#observe(record, now);
      const holder = current.spec?.holderIdentity ?? "";
      const durationMs = (current.spec?.leaseDurationSeconds ?? 0) * 1000;
      if (holder !== "" && holder !== identity && this.#observedAt + durationMs > now) return false;
      const next: Lease = {
        ...current,
        spec: {
          ...spec,
          acquireTime: holder === identity ? (current.spec?.acquireTime ?? spec.acquireTime) : spec.acquireTime,
          leaseTransitions: (current.spec?.leaseTransitions ?? 0) + (holder === identity ? 0 : 1),
        },
      };
      await client.update(next);
      this.#observe(JSON.stringify(next.spec), now);
      return true;
    } catch (err) {
      if (!isConflict(err) && !isAlreadyExists(err))
        log.error(err, "error retrieving or updating the lease", { identity });
      return false;
    }
  }

  #observe(record: string, at: number): void {
    this.#observedRecord = record;
    this.#observedAt = at;
  }

  async #release(): Promise<void> {
    const { client, leaseName, leaseNamespace, identity, clock, log } = this.#options;
    try {
      const current = await client.get(Lease, { namespace: leaseNamespace, name: leaseName });
      if (current.spec?.holderIdentity !== identity) return;
      const now = formatMicroTime(clock.now());
      await client.update<Lease>({
        ...current,
        spec: { ...current.spec, holderIdentity: "", leaseDurationSeconds: 1, acquireTime: now, renewTime: now },
      });
      log.info("released leader lease", { identity });
    } catch (err) {
      log.error(err, "failed to release the lease", { identity });
    }
  }
}
