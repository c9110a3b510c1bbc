/**
 * Structured logs: {@link createLogger} writes JSON lines (or readable text on a terminal);
 * reconcilers get a logger carrying controller, namespace, name and reconcileID in `ctx.log`.
 */
export {
  createLogger,
  discardLogger,
  DEFAULT_LOGGER_OPTIONS,
  type Logger,
  type LoggerOptions,
  type LogFields,
  type LogLevel,
  type LogSink,
} from "./logger.js";
