/**
 * batch/v1 fixtures: Jobs (generated selector and labels, the defaults a reconciler comparing its
 * Job must expect, immutable template) and CronJobs (schedule, time zone, jobTemplate rules).
 */
import type { FixtureObject, KindFixture } from "./kind_fixture.js";

const containers = [{ name: "work", image: "busybox:1.36", command: ["sh", "-c", "echo done"] }];

function podTemplate(spec: FixtureObject = {}, labels?: Record<string, string>): FixtureObject {
  return { ...(labels ? { metadata: { labels } } : {}), spec: { restartPolicy: "Never", containers, ...spec } };
}

const fullJobSpec: FixtureObject = {
  parallelism: 2,
  completions: 4,
  activeDeadlineSeconds: 600,
  backoffLimit: 3,
  ttlSecondsAfterFinished: 100,
  podFailurePolicy: {
    rules: [
      { action: "FailJob", onExitCodes: { containerName: "work", operator: "In", values: [42] } },
      { action: "Ignore", onPodConditions: [{ type: "DisruptionTarget" }] },
    ],
  },
  template: podTemplate(
    { containers: [{ ...containers[0], resources: { requests: { cpu: "250m" } }, env: [{ name: "A", value: "1" }] }] },
    { role: "batch" },
  ),
};

export const batchFixtures: readonly KindFixture[] = [
  {
    group: "batch",
    version: "v1",
    resource: "jobs",
    kind: "Job",
    namespaced: true,
    minimal: { spec: { template: podTemplate() } },
    full: { metadata: { labels: { team: "data" } }, spec: fullJobSpec },
    // A suspended Job that has not started may change its template; this one only its parallelism.
    update: (stored) => ({ ...stored, spec: { ...(stored.spec as object), parallelism: 1 } }),
    strategicMergePatch: { metadata: { labels: { stage: "patched" } }, spec: { suspend: true, backoffLimit: 5 } },
    status: {
      startTime: "2026-01-01T00:00:00Z",
      active: 1,
      ready: 1,
      succeeded: 1,
      uncountedTerminatedPods: {},
    },
    fieldSelector: "status.successful=0",
    invalid: [
      { why: "restartPolicy Always", object: { spec: { template: podTemplate({ restartPolicy: "Always" }) } } },
      {
        why: "negative counts, an unknown completion mode and replacement policy",
        object: {
          spec: {
            parallelism: -1,
            backoffLimit: -1,
            completionMode: "Sometimes",
            podReplacementPolicy: "Never",
            template: podTemplate(),
          },
        },
      },
      {
        why: "a manual selector missing",
        object: { spec: { manualSelector: true, template: podTemplate({}, { app: "x" }) } },
      },
      {
        why: "a template label conflicting with the generated ones",
        object: { spec: { template: podTemplate({}, { "job-name": "other" }) } },
      },
      {
        why: "pod failure policy rules that break its rules",
        object: {
          spec: {
            podFailurePolicy: {
              rules: [{ action: "Boom", onExitCodes: { operator: "In", values: [3, 0, 3] } }, { action: "FailJob" }],
            },
            template: podTemplate(),
          },
        },
      },
      {
        why: "an Indexed Job without completions and a managedBy without a domain",
        object: { spec: { completionMode: "Indexed", managedBy: "me", template: podTemplate() } },
      },
    ],
  },
  {
    group: "batch",
    version: "v1",
    resource: "cronjobs",
    kind: "CronJob",
    namespaced: true,
    minimal: { spec: { schedule: "*/5 * * * *", jobTemplate: { spec: { template: podTemplate() } } } },
    full: {
      spec: {
        schedule: "0 3 * * mon-fri",
        timeZone: "Europe/Berlin",
        startingDeadlineSeconds: 60,
        concurrencyPolicy: "Forbid",
        suspend: true,
        successfulJobsHistoryLimit: 5,
        failedJobsHistoryLimit: 2,
        jobTemplate: { metadata: { labels: { from: "cron" } }, spec: fullJobSpec },
      },
    },
    update: (stored) => ({ ...stored, spec: { ...(stored.spec as object), schedule: "@hourly" } }),
    strategicMergePatch: {
      spec: {
        jobTemplate: { spec: { template: { spec: { containers: [{ name: "work", image: "busybox:1.37" }] } } } },
      },
    },
    status: { lastScheduleTime: "2026-01-01T03:00:00Z" },
    invalid: [
      { why: "no schedule", object: { spec: { jobTemplate: { spec: { template: podTemplate() } } } } },
      {
        why: "schedules robfig/cron refuses",
        object: { spec: { schedule: "61 * * * *", jobTemplate: { spec: { template: podTemplate() } } } },
      },
      {
        why: "a schedule with too many fields and an unknown time zone",
        object: {
          spec: {
            schedule: "* * * * * *",
            timeZone: "Mars/Olympus",
            jobTemplate: { spec: { template: podTemplate() } },
          },
        },
      },
      {
        why: "TZ in the schedule and an unknown concurrency policy",
        object: {
          spec: {
            schedule: "TZ=UTC 0 * * * *",
            concurrencyPolicy: "Sometimes",
            jobTemplate: { spec: { template: podTemplate() } },
          },
        },
      },
      {
        why: "a jobTemplate with a selector and restartPolicy Always",
        object: {
          spec: {
            schedule: "@daily",
            jobTemplate: {
              spec: { selector: { matchLabels: { a: "b" } }, template: podTemplate({ restartPolicy: "Always" }) },
            },
          },
        },
      },
    ],
  },
];
