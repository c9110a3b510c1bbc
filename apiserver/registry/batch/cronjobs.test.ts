import assert from "node:assert/strict";
import { test } from "node:test";
import type { KubeObject } from "../../storage/types.js";
import { cronScheduleError } from "./cron_schedule.js";
import { cronJobStrategy } from "./cronjobs.js";

const jobTemplate = {
  spec: { template: { spec: { restartPolicy: "Never", containers: [{ name: "c", image: "busybox" }] } } },
};

function cronJob(spec: Record<string, unknown>, name = "cj"): KubeObject {
  return {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name, namespace: "n" },
    spec: { jobTemplate, ...spec },
  };
}

function create(object: KubeObject): string[] {
  cronJobStrategy.normalize?.(object, { pruneUnknown: true });
  return (cronJobStrategy.validate?.(object, undefined, { previous: [], subresource: "" }) ?? []).map(
    (error) => `${error.field}: ${error.detail}`,
  );
}

test("a CronJob gets concurrencyPolicy Allow, suspend false and history limits 3 and 1", () => {
  const object = cronJob({ schedule: "*/1 * * * *" });
  assert.deepEqual(create(object), []);
  assert.deepEqual(object.spec, {
    jobTemplate,
    schedule: "*/1 * * * *",
    concurrencyPolicy: "Allow",
    suspend: false,
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 1,
  });
});

test("schedules fail with robfig/cron's messages", () => {
  const cases: [string, string | undefined][] = [
    ["*/5 1-3,7 * jan-mar mon", undefined],
    ["@hourly", undefined],
    ["@every 1h30m", undefined],
    ["foo", "expected exactly 5 fields, found 1: [foo]"],
    ["* * * * * *", "expected exactly 5 fields, found 6: [* * * * * *]"],
    ["61 * * * *", "end of range (61) above maximum (59): 61"],
    ["*/0 * * * *", "step of range should be a positive number: */0"],
    ["1-2-3 * * * *", "too many hyphens: 1-2-3"],
    ["a * * * *", 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
    ["@every 1x", 'failed to parse duration @every 1x: time: unknown unit "x" in duration "1x"'],
    ["@every 1", 'failed to parse duration @every 1: time: missing unit in duration "1"'],
    ["@foo", "unrecognized descriptor: @foo"],
    ["@every", "unrecognized descriptor: @every"],
    ["TZ=Foo/Bar 0 * * * *", "provided bad location Foo/Bar: unknown time zone Foo/Bar"],
    ["TZ=Nowhere", "invalid schedule format: runtime error: slice bounds out of range [:-1]"],
    ["5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1"],
    ["* * 0 * *", "beginning of range (0) below minimum (1): 0"],
    ["-1 * * * *", 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
    ["1/2/3 * * * *", "too many slashes: 1/2/3"],
    [
      "99999999999999999999 * * * *",
      'failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range',
    ],
  ];
  for (const [schedule, expected] of cases) assert.equal(cronScheduleError(schedule), expected, schedule);
});

test("a CronJob's spec errors read as kube-apiserver's, the missing schedule last", () => {
  const name = "a-very-long-cronjob-name-that-exceeds-fifty-two-chars-x";
  assert.deepEqual(
    create(
      cronJob(
        {
          schedule: "",
          concurrencyPolicy: "Sometimes",
          startingDeadlineSeconds: -1,
          successfulJobsHistoryLimit: -1,
          jobTemplate: {
            spec: {
              manualSelector: true,
              selector: { matchLabels: { a: "b" } },
              template: { spec: { containers: [{ name: "c", image: "busybox" }] } },
            },
          },
        },
        name,
      ),
    ),
    [
      "spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0",
      'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
      'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
      'spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: `selector` will be auto-generated',
      'spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"',
      "spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0",
      `metadata.name: Invalid value: "${name}": must be no more than 52 characters`,
      "spec.schedule: Required value",
    ],
  );
  assert.deepEqual(create(cronJob({ schedule: "TZ=Europe/Berlin 0 * * * *" })), [
    'spec.schedule: Invalid value: "TZ=Europe/Berlin 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
  ]);
});

test("time zones are IANA names the server knows, spelt as its zone files are", () => {
  const errors = (timeZone: string): string[] => create(cronJob({ schedule: "@hourly", timeZone }));
  assert.deepEqual(errors(""), ['spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string']);
  assert.deepEqual(errors("Foo/Bar"), ['spec.timeZone: Invalid value: "Foo/Bar": unknown time zone Foo/Bar']);
  assert.deepEqual(errors("Local"), [
    'spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
  ]);
  assert.deepEqual(errors("america/new_york"), [
    'spec.timeZone: Invalid value: "america/new_york": unknown time zone america/new_york',
  ]);
  assert.deepEqual(errors("a..b/../x"), ['spec.timeZone: Invalid value: "a..b/../x": unknown time zone a..b/../x']);
  assert.deepEqual(errors("Europe/Berlin"), []);
  assert.deepEqual(errors("US/Eastern"), []);
});

test("a CronJob prints its schedule, zone, suspend flag, active jobs and last schedule", () => {
  const object = cronJob({ schedule: "@daily", suspend: true });
  object.status = { active: [{ name: "x" }] };
  const cells = cronJobStrategy.columns?.map((c) => c.cell(object, new Date()));
  assert.deepEqual(cells?.slice(1, 6), ["@daily", "<none>", "True", 1, "<none>"]);
  assert.deepEqual(cells?.slice(7), ["c", "busybox", "<none>"]);
});
