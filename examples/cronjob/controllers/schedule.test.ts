import assert from "node:assert/strict";
import { test } from "node:test";
import { nextSchedule, parseSchedule, ScheduleError } from "./schedule.js";

const at = (iso: string): number => Date.parse(iso);

test("a standard five-field schedule gives the first time strictly after the one given", () => {
  const schedule = parseSchedule("*/5 * * * *");
  assert.equal(schedule.next(at("2026-01-01T10:00:00Z")), at("2026-01-01T10:05:00Z"));
  assert.equal(schedule.next(at("2026-01-01T10:04:59Z")), at("2026-01-01T10:05:00Z"));
});

test("robfig's descriptors and a CRON_TZ or TZ prefix are understood", () => {
  assert.equal(parseSchedule("@hourly").next(at("2026-01-01T10:30:00Z")), at("2026-01-01T11:00:00Z"));
  assert.equal(parseSchedule("@midnight").next(at("2026-01-01T10:30:00Z")), at("2026-01-02T00:00:00Z"));
  assert.equal(parseSchedule("@annually").next(at("2026-03-01T00:00:00Z")), at("2027-01-01T00:00:00Z"));
  // 09:00 in Paris is 08:00 UTC in winter
  assert.equal(
    parseSchedule("CRON_TZ=Europe/Paris 0 9 * * *").next(at("2026-01-01T10:00:00Z")),
    at("2026-01-02T08:00:00Z"),
  );
  assert.equal(parseSchedule("TZ=UTC 0 9 * * *").next(at("2026-01-01T10:00:00Z")), at("2026-01-02T09:00:00Z"));
});

test("a schedule ParseStandard refuses is refused with the spec in the message", () => {
  const refusals: [string, RegExp][] = [
    ["* * * * * *", /unparseable schedule "\* \* \* \* \* \*": expected exactly 5 fields, found 6/],
    ["* * * *", /expected exactly 5 fields, found 4/],
    ["61 * * * *", /unparseable schedule "61 \* \* \* \*": .*59/],
    ["@every 5m", /unrecognized descriptor/],
    ["@minutely", /unrecognized descriptor/],
    ["TZ=Nowhere/Else * * * * *", /unknown time zone Nowhere\/Else/],
    ["", /empty spec string/],
  ];
  for (const [spec, message] of refusals) {
    assert.throws(
      () => parseSchedule(spec),
      (error: unknown) => error instanceof ScheduleError && message.test(error.message),
      spec,
    );
  }
});

test("the run due is the latest one since the last run, and the next one follows now", () => {
  const times = nextSchedule(
    { schedule: "*/5 * * * *", creationTime: at("2026-01-01T09:00:00Z"), lastScheduleTime: at("2026-01-01T10:00:00Z") },
    at("2026-01-01T10:12:00Z"),
  );
  assert.deepEqual(times, { missedRun: at("2026-01-01T10:10:00Z"), nextRun: at("2026-01-01T10:15:00Z") });
});

test("without a last run the creation time is the start; nothing is due before the first time", () => {
  const input = { schedule: "*/5 * * * *", creationTime: at("2026-01-01T10:01:00Z") };
  assert.deepEqual(nextSchedule(input, at("2026-01-01T10:04:00Z")), { nextRun: at("2026-01-01T10:05:00Z") });
  assert.deepEqual(nextSchedule(input, at("2026-01-01T10:05:00Z")), {
    missedRun: at("2026-01-01T10:05:00Z"),
    nextRun: at("2026-01-01T10:10:00Z"),
  });
});

test("the starting deadline moves the start up: runs older than it are not due", () => {
  const input = { schedule: "*/5 * * * *", creationTime: at("2026-01-01T10:00:00Z"), startingDeadlineSeconds: 60 };
  assert.deepEqual(nextSchedule(input, at("2026-01-01T10:07:00Z")), { nextRun: at("2026-01-01T10:10:00Z") });
  assert.equal(
    nextSchedule({ ...input, startingDeadlineSeconds: 180 }, at("2026-01-01T10:07:00Z")).missedRun,
    at("2026-01-01T10:05:00Z"),
  );
});

test("a last run in the future (clock skew) schedules nothing until the next time after now", () => {
  const input = { schedule: "* * * * *", creationTime: 0, lastScheduleTime: at("2026-01-01T11:00:00Z") };
  assert.deepEqual(nextSchedule(input, at("2026-01-01T10:00:30Z")), { nextRun: at("2026-01-01T10:01:00Z") });
});

test("more than 100 missed runs is an error that says how to fix it", () => {
  const input = { schedule: "* * * * *", creationTime: at("2026-01-01T00:00:00Z") };
  assert.throws(
    () => nextSchedule(input, at("2026-01-01T02:00:00Z")),
    /Too many missed start times \(> 100\)\. Set or decrease \.spec\.startingDeadlineSeconds/,
  );
  // with a deadline, only the runs within it count
  assert.equal(
    nextSchedule({ ...input, startingDeadlineSeconds: 600 }, at("2026-01-01T02:00:00Z")).missedRun,
    at("2026-01-01T02:00:00Z"),
  );
});
