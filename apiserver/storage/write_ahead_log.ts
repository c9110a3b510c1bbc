/**
 * An append-only, fsync'ed log of store changes under a data directory, replayed at start.
 *
 * Guarantees: `append()` resolves only after the records are on disk (fdatasync), so an
 * acknowledged write survives kill -9. Records appended while a sync is in flight are written
 * together with one sync (group commit), which is what keeps writes/s high.
 * Caveats: a torn final line (crash mid-write) belonged to an unacknowledged batch and is dropped at
 * replay.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync, existsSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import type { CollectionKey, KubeObject } from "./types.js";

/** One line of the log. */
export type LogRecord =
  | { op: "put"; collection: CollectionKey; key: string; object: KubeObject; revision: number }
  | { op: "delete"; collection: CollectionKey; key: string; revision: number };

const logFileName = "wal.jsonl";

export class WriteAheadLog {
  readonly #path: string;
  #handle: FileHandle | undefined;
  #queue: { line: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #writing = false;

  constructor(directory: string) {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    this.#path = join(directory, logFileName);
  }

  /** Reads every complete record; a torn last line is ignored. */
  replay(): LogRecord[] {
    if (!existsSync(this.#path)) return [];
    const text = readFileSync(this.#path, "utf8");
    const records: LogRecord[] = [];
    for (const line of text.split("\n")) {
      if (!line) continue;
      try {
        records.push(JSON.parse(line) as LogRecord);
      } catch {
        break; // only the last, unacknowledged batch can be torn
      }
    }
    return records;
  }

  /** Replaces the log by `records` atomically (write, fsync, rename), then opens it for appends. */
  async rewrite(records: Iterable<LogRecord>): Promise<void> {
    const temporary = `${this.#path}.tmp`;
    const fd = openSync(temporary, "w", 0o600);
    try {
      let chunk = "";
      for (const record of records) {
        chunk += JSON.stringify(record) + "\n";
        if (chunk.length > 1 << 20) {
          writeSync(fd, chunk);
          chunk = "";
        }
      }
      if (chunk) writeSync(fd, chunk);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.#path);
    const directory = openSync(join(this.#path, ".."), "r");
    try {
      fsyncSync(directory);
    } finally {
      closeSync(directory);
    }
    this.#handle = await open(this.#path, "a", 0o600);
  }

  /** Appends one record; resolves once it is durable. */
  append(record: LogRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ line: JSON.stringify(record) + "\n", resolve, reject });
      if (!this.#writing) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#writing = true;
    try {
      while (this.#queue.length > 0) {
        const batch = this.#queue;
        this.#queue = [];
        try {
          if (!this.#handle) throw new Error("write-ahead log is not open");
          await this.#handle.write(batch.map((entry) => entry.line).join(""));
          await this.#handle.datasync();
          for (const entry of batch) entry.resolve();
        } catch (error) {
          for (const entry of batch) entry.reject(error);
        }
      }
    } finally {
      this.#writing = false;
    }
  }

  /** Waits for queued records, then closes the file. */
  async close(): Promise<void> {
    while (this.#writing || this.#queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
    await this.#handle?.close();
    this.#handle = undefined;
  }
}
