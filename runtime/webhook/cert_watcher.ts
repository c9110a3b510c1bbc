/**
 * The serving certificate and key, reloaded when their files change (controller-runtime's
 * certwatcher): a file-system watch on their folder for prompt reloads and a poll as the fallback
 * for file systems whose events do not arrive (mounted Secrets swap a symlink). A pair that does
 * not load (half written, key and certificate not matching) is skipped and the previous one kept,
 * so the server never stops serving while cert-manager rotates the files.
 */
import { watch, type FSWatcher } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { createSecureContext } from "node:tls";
import type { Clock, TimerHandle } from "../clock.js";
import { untilAborted } from "../internal/sleep.js";
import type { Logger } from "../log/logger.js";

/** A certificate chain and its key, PEM. */
export interface KeyPair {
  cert: Buffer;
  key: Buffer;
}

/** Options of {@link CertWatcher}. */
export interface CertWatcherOptions {
  certPath: string;
  keyPath: string;
  /** How often the files are read again besides the watch (controller-runtime: 10 s). */
  pollIntervalMs: number;
  clock: Clock;
  logger: Logger;
  /** Called with every new pair that loads. */
  onChange(pair: KeyPair): void;
}

/** Reads and checks a pair. Errors: names the file that is missing, or why the pair does not load. */
export async function readKeyPair(certPath: string, keyPath: string): Promise<KeyPair> {
  // One after the other, so that a missing pair is always reported by its certificate file.
  const cert = await readFile(certPath);
  const key = await readFile(keyPath);
  try {
    createSecureContext({ cert, key });
  } catch (err) {
    throw new Error(
      `the certificate ${certPath} and key ${keyPath} do not load: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  return { cert, key };
}

/** Watches a certificate pair; `start` loads it first and fails when it cannot. */
export class CertWatcher {
  readonly #options: CertWatcherOptions;
  #current: KeyPair | undefined;
  #reading: Promise<void> | undefined;
  #again = false;

  constructor(options: CertWatcherOptions) {
    this.#options = options;
  }

  /** The pair being served. */
  get current(): KeyPair | undefined {
    return this.#current;
  }

  /** Loads the pair. Errors: rejects when the first pair cannot be read or does not load. */
  async load(): Promise<KeyPair> {
    const pair = await readKeyPair(this.#options.certPath, this.#options.keyPath);
    this.#current = pair;
    return pair;
  }

  /** Watches until the signal aborts; reads again on every change and every poll. */
  async watch(signal: AbortSignal): Promise<void> {
    const { certPath, keyPath, pollIntervalMs, clock } = this.#options;
    const watchers: FSWatcher[] = [];
    for (const folder of new Set([dirname(certPath), dirname(keyPath)])) {
      try {
        watchers.push(watch(folder, { persistent: false }, () => this.reload()));
      } catch (err) {
        this.#options.logger.error(err, "cannot watch the certificate folder; polling only", { folder });
      }
    }
    let timer: TimerHandle | undefined;
    const poll = (): void => {
      timer = clock.setTimeout(() => {
        this.reload();
        poll();
      }, pollIntervalMs);
    };
    poll();
    await untilAborted(signal);
    if (timer) clock.clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
    await this.#reading;
  }

  /** Reads the pair again (one read at a time; a change during a read reads once more). */
  reload(): Promise<void> {
    if (this.#reading) {
      this.#again = true;
      return this.#reading;
    }
    this.#reading = this.#readOnce().finally(() => {
      this.#reading = undefined;
      if (this.#again) {
        this.#again = false;
        void this.reload();
      }
    });
    return this.#reading;
  }

  async #readOnce(): Promise<void> {
    const { certPath, keyPath, logger, onChange } = this.#options;
    let pair: KeyPair;
    try {
      pair = await readKeyPair(certPath, keyPath);
    } catch (err) {
      logger.error(err, "error re-reading certificate; serving the previous one");
      return;
    }
    const current = this.#current;
    if (current && current.cert.equals(pair.cert) && current.key.equals(pair.key)) return;
    this.#current = pair;
    logger.info("Updated current TLS certificate", { cert: certPath });
    onChange(pair);
  }
}
