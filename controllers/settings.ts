/**
 * The operator's settings: how long a switch stays up before the machine flips it down
 * (`flipDelay`) and the least time between two flips of one machine (`flipInterval`).
 *
 * Both come from flags (`--flip-delay 5s`) or the environment (`USELESS_FLIP_DELAY=5s`), flags
 * winning; durations are written as Go writes them (`5s`, `1500ms`, `1m30s`, `0`), and 0 means
 * immediately.
 */

/** The timing rules every machine follows. */
export interface OperatorSettings {
  /** Milliseconds a switch stays up, counted from when the controller first saw it up. */
  flipDelayMs: number;
  /** Least milliseconds between two flips of the same machine. */
  flipIntervalMs: number;
}

/** The seed tutorial's timing: wait 5 s, and never more than one flip per machine every 5 s. */
export const DEFAULT_SETTINGS: Readonly<OperatorSettings> = { flipDelayMs: 5000, flipIntervalMs: 5000 };

/** The environment variables that carry the settings when no flag is given. */
export const SETTINGS_ENV = { flipDelayMs: "USELESS_FLIP_DELAY", flipIntervalMs: "USELESS_FLIP_INTERVAL" } as const;

/** A setting that could not be read; `source` names the flag or variable, as the user wrote it. */
export class InvalidSettingError extends Error {
  readonly source: string;
  readonly value: string;

  constructor(source: string, value: string, reason: string) {
    super(`${source}: ${reason} (got ${JSON.stringify(value)})`);
    this.name = "InvalidSettingError";
    this.source = source;
    this.value = value;
  }
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;

/**
 * Parses a Go-style duration (`5s`, `250ms`, `1m30s`, `0`) into milliseconds.
 *
 * Errors: throws {@link InvalidSettingError} naming `source` for anything else, negative values
 * included (a delay cannot run backwards).
 */
export function parseDuration(text: string, source: string): number {
  const trimmed = text.trim();
  if (trimmed === "0") return 0;
  if (!DURATION.test(trimmed)) {
    throw new InvalidSettingError(source, text, "expected a duration such as 5s, 500ms, 1m30s or 0");
  }
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(DURATION_PART)) {
    total += Number(amount) * (UNIT_MS[unit ?? ""] ?? 0);
  }
  return Math.round(total);
}

/** What the user gave: flag values (undefined when absent) and the environment. */
export interface SettingsInput {
  flipDelay?: string | undefined;
  flipInterval?: string | undefined;
  env?: Readonly<Record<string, string | undefined>>;
}

/** Completes the settings from flags, then the environment, then {@link DEFAULT_SETTINGS}. */
export function resolveSettings(input: SettingsInput): OperatorSettings {
  const env = input.env ?? {};
  const pick = (flag: string | undefined, flagName: string, key: keyof OperatorSettings): number => {
    if (flag !== undefined) return parseDuration(flag, flagName);
    const fromEnv = env[SETTINGS_ENV[key]];
    if (fromEnv !== undefined && fromEnv !== "") return parseDuration(fromEnv, SETTINGS_ENV[key]);
    return DEFAULT_SETTINGS[key];
  };
  return {
    flipDelayMs: pick(input.flipDelay, "--flip-delay", "flipDelayMs"),
    flipIntervalMs: pick(input.flipInterval, "--flip-interval", "flipIntervalMs"),
  };
}

/** Formats milliseconds back as a Go-style duration, for logs (`5s`, `1.5s`, `250ms`, `0s`). */
export function formatDuration(ms: number): string {
  if (ms === 0) return "0s";
  if (ms < 1000) return `${ms}ms`;
  return `${ms / 1000}s`;
}
