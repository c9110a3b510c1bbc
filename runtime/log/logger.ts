import { realClock, type Clock } from "../clock.js";
import { inspect } from "node:util";

/**
 * Structured logging: one line per entry with a message and key/value fields. JSON lines by
 * default (for log collectors), a readable single line with colours when writing to a terminal.
 */

/** Severity, lowest first. */
export type LogLevel = "debug" | "info" | "error";

/** Fields attached to a log entry. */
export type LogFields = Record<string, unknown>;

/** The logger every runtime part and reconciler gets; narrow on purpose (logr's shape). */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  /** Logs an error; `err` may be an Error (its message and stack are kept) or anything else. */
  error(err: unknown, message: string, fields?: LogFields): void;
  /** A logger that adds these fields to every entry. */
  withValues(fields: LogFields): Logger;
  /** A logger whose name is this one's plus `.name`. */
  withName(name: string): Logger;
}

/** Where log lines go: anything with `write(string)`. */
export interface LogSink {
  write(line: string): unknown;
  isTTY?: boolean;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Entries below this level are dropped. */
  level: LogLevel;
  /** `json`, `text`, or `auto` (text on a terminal, JSON otherwise). */
  format: "json" | "text" | "auto";
  sink: LogSink;
  /** Time source for timestamps. */
  clock: Clock;
}

/** Defaults of {@link createLogger}: info and above, to standard error, format by terminal. */
export const DEFAULT_LOGGER_OPTIONS: LoggerOptions = {
  level: "info",
  format: "auto",
  sink: process.stderr,
  clock: realClock,
};

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 0, info: 1, error: 2 };
const LEVEL_COLOURS: Record<LogLevel, string> = { debug: "\x1b[90m", info: "\x1b[36m", error: "\x1b[31m" };

function serialisable(value: unknown): unknown {
  if (value instanceof Error) return value.message;
  return value;
}

function textValue(value: unknown): string {
  if (typeof value === "string") return /\s/.test(value) ? JSON.stringify(value) : value;
  return inspect(value, { breakLength: Infinity, depth: 3 });
}

/** A logger writing JSON or text lines to a sink. */
export function createLogger(options: Partial<LoggerOptions> = {}, name = "", bound: LogFields = {}): Logger {
  const settings = { ...DEFAULT_LOGGER_OPTIONS, ...options };
  const text = settings.format === "text" || (settings.format === "auto" && settings.sink.isTTY === true);
  const minimum = LEVEL_ORDER[settings.level];

  function write(level: LogLevel, message: string, fields: LogFields): void {
    if (LEVEL_ORDER[level] < minimum) return;
    const all = { ...bound, ...fields };
    const time = new Date(settings.clock.now());
    if (text) {
      const pairs = Object.entries(all)
        .filter(([key, value]) => value !== undefined && key !== "stacktrace")
        .map(([key, value]) => `\x1b[2m${key}=\x1b[0m${textValue(serialisable(value))}`);
      const stack = typeof all.stacktrace === "string" ? `\n${all.stacktrace}` : "";
      const clock = time.toISOString().slice(11, 23);
      const levelText = `${LEVEL_COLOURS[level]}${level.toUpperCase().padEnd(5)}\x1b[0m`;
      settings.sink.write(
        `${clock} ${levelText} ${name ? `\x1b[1m${name}\x1b[0m ` : ""}${message} ${pairs.join(" ")}${stack}\n`,
      );
      return;
    }
    const entry: LogFields = { level, ts: time.toISOString(), ...(name ? { logger: name } : {}), msg: message };
    for (const [key, value] of Object.entries(all)) if (value !== undefined) entry[key] = serialisable(value);
    settings.sink.write(`${JSON.stringify(entry)}\n`);
  }

  return {
    debug: (message, fields = {}) => write("debug", message, fields),
    info: (message, fields = {}) => write("info", message, fields),
    error: (err, message, fields = {}) =>
      write("error", message, {
        ...fields,
        error: err instanceof Error ? err.message : String(err),
        ...(err instanceof Error && settings.level === "debug" ? { stacktrace: err.stack } : {}),
      }),
    withValues: (fields) => createLogger(settings, name, { ...bound, ...fields }),
    withName: (child) => createLogger(settings, name ? `${name}.${child}` : child, bound),
  };
}

/** A logger that drops everything (for tests and libraries used without a manager). */
export const discardLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  error: () => undefined,
  withValues: () => discardLogger,
  withName: () => discardLogger,
};
