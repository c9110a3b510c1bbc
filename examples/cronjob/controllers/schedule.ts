/**
 * A CronJob's schedule: which run is due now and when the next one comes, as the kubebuilder
 * book's `getNextSchedule` computes them with robfig/cron's `ParseStandard`. The cron arithmetic
 * is cron-parser's (timezones and daylight saving included); this file keeps the book's rules on
 * top of it: standard five-field expressions and robfig's descriptors only, the starting deadline,
 * and at most 100 missed runs.
 */
import { CronExpressionParser } from "cron-parser";

/** What a schedule needs from a CronJob. */
export interface ScheduleInput {
  readonly schedule: string;
  /** Seconds after a run's time within which it may still start. */
  readonly startingDeadlineSeconds?: number;
  /** When the last run was scheduled (status.lastScheduleTime), in milliseconds since the epoch. */
  readonly lastScheduleTime?: number;
  /** When the CronJob was created, in milliseconds since the epoch: the start when nothing ran yet. */
  readonly creationTime: number;
}

/** The run due now, if any, and the next one after now (milliseconds since the epoch). */
export interface ScheduleTimes {
  readonly missedRun?: number;
  readonly nextRun: number;
}

/** A schedule that cannot be parsed, or that missed too many runs to catch up: fix the spec. */
export class ScheduleError extends Error {
  override readonly name = "ScheduleError";
}

/** The most missed runs the book's controller looks back over before it gives up. */
export const MAX_MISSED_RUNS = 100;

/** robfig/cron's descriptors, as cron-parser spells them (robfig's @every is not supported). */
const DESCRIPTORS: Readonly<Record<string, string>> = {
  "@yearly": "@yearly",
  "@annually": "@yearly",
  "@monthly": "@monthly",
  "@weekly": "@weekly",
  "@daily": "@daily",
  "@midnight": "@daily",
  "@hourly": "@hourly",
};

/** A parsed schedule: `next(t)` is its first time strictly after `t`. */
export interface Schedule {
  next(after: number): number;
}

/**
 * Parses `spec` as robfig/cron's ParseStandard does: five fields (minute hour day-of-month month
 * day-of-week) or a descriptor, optionally after `CRON_TZ=<zone> ` or `TZ=<zone> `; UTC otherwise.
 */
export function parseSchedule(spec: string): Schedule {
  const zoned = /^(?:CRON_TZ|TZ)=(\S+)\s+(.*)$/.exec(spec.trim());
  const tz = zoned?.[1] ?? "UTC";
  const expression = (zoned?.[2] ?? spec).trim();
  if (!isTimeZone(tz)) throw new ScheduleError(`unparseable schedule ${JSON.stringify(spec)}: unknown time zone ${tz}`);
  if (expression === "") throw new ScheduleError("unparseable schedule: empty spec string");
  let standard: string;
  if (expression.startsWith("@")) {
    const descriptor = DESCRIPTORS[expression];
    if (!descriptor) throw new ScheduleError(`unparseable schedule ${JSON.stringify(spec)}: unrecognized descriptor`);
    standard = descriptor;
  } else {
    const fields = expression.split(/\s+/).length;
    if (fields !== 5)
      throw new ScheduleError(
        `unparseable schedule ${JSON.stringify(spec)}: expected exactly 5 fields, found ${fields}`,
      );
    standard = expression;
  }
  try {
    // validate once, with the zone: a bad field or zone fails here, not at the first next()
    CronExpressionParser.parse(standard, { tz, currentDate: new Date(0) }).next();
  } catch (error) {
    throw new ScheduleError(`unparseable schedule ${JSON.stringify(spec)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return {
    next: (after) => CronExpressionParser.parse(standard, { tz, currentDate: after }).next().getTime(),
  };
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The latest run time in (earliest, now] (the run to start now, if any) and the first after
 * `now`. `earliest` is the last scheduled time or the creation time, moved up to now minus the
 * starting deadline: runs before it can no longer start. Throws {@link ScheduleError} for a bad
 * schedule, and when more than {@link MAX_MISSED_RUNS} runs were missed (a clock skew, or a
 * schedule far more frequent than the deadline allows).
 */
export function nextSchedule(input: ScheduleInput, now: number): ScheduleTimes {
  const schedule = parseSchedule(input.schedule);
  let earliest = input.lastScheduleTime ?? input.creationTime;
  if (input.startingDeadlineSeconds !== undefined) {
    earliest = Math.max(earliest, now - input.startingDeadlineSeconds * 1000);
  }
  if (earliest > now) return { nextRun: schedule.next(now) };
  let missedRun: number | undefined;
  let starts = 0;
  for (let t = schedule.next(earliest); t <= now; t = schedule.next(t)) {
    missedRun = t;
    starts++;
    if (starts > MAX_MISSED_RUNS) {
      throw new ScheduleError(
        "Too many missed start times (> 100). Set or decrease .spec.startingDeadlineSeconds or check clock skew.",
      );
    }
  }
  const nextRun = schedule.next(now);
  return missedRun === undefined ? { nextRun } : { missedRun, nextRun };
}
