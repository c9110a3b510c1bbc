// The reconciler's rules on a fake client and a fake clock (no server): which run starts, what
// the status says, which Jobs are cleaned up, and how suspend, the starting deadline and the
// concurrency policies change that. The same reconciler runs against API servers in
// cronjob_controller.test.ts.
import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import { discardLogger, FakeClient, FakeClock, setControllerReference, type ReconcileContext } from "uselessctl";
import { Job } from "uselessctl/apis/batch/v1";
import { CronJob, type CronJobSpec } from "../api/v1/index.js";
import { CronJobReconciler } from "./cronjob_controller.js";
import { JOB_OWNER_KEY, jobOwnerName, SCHEDULED_TIME_ANNOTATION } from "./jobs.js";

const at = (iso: string): number => Date.parse(iso);
const key = { namespace: "default", name: "cron" };
const ctx: ReconcileContext = {
  signal: new AbortController().signal,
  log: discardLogger,
  reconcileId: "unit",
  controller: "cronjob",
};

function cronJobSpec(overrides: Partial<CronJobSpec> = {}): CronJobSpec {
  return {
    schedule: "*/5 * * * *",
    jobTemplate: {
      metadata: { labels: { app: "cron" }, annotations: { team: "batch" } },
      spec: { template: { spec: { restartPolicy: "OnFailure", containers: [{ name: "work", image: "busybox" }] } } },
    },
    ...overrides,
  };
}

describe("CronJobReconciler.reconcile", () => {
  let clock: FakeClock;
  let client: FakeClient;
  let reconciler: CronJobReconciler;

  beforeEach(() => {
    clock = new FakeClock(at("2026-01-01T10:00:00Z"));
    client = new FakeClient({ clock });
    client.indexField(Job, JOB_OWNER_KEY, jobOwnerName);
    reconciler = new CronJobReconciler({ client, clock });
  });

  const createCronJob = (spec: Partial<CronJobSpec> = {}): Promise<CronJob> =>
    client.create<CronJob>({
      apiVersion: CronJob.apiVersion,
      kind: CronJob.kind,
      metadata: { ...key },
      spec: cronJobSpec(spec),
    });

  const jobs = async (): Promise<Job[]> => (await client.list(Job, { namespace: key.namespace })).items;

  /** A Job of the CronJob for the run at `scheduled`, finished as `finished` and started at `started`. */
  async function createChild(
    cronJob: CronJob,
    name: string,
    options: { scheduled?: string; finished?: "Complete" | "Failed"; started?: string } = {},
  ): Promise<Job> {
    const job: Job = {
      apiVersion: Job.apiVersion,
      kind: Job.kind,
      metadata: {
        namespace: key.namespace,
        name,
        annotations: options.scheduled ? { [SCHEDULED_TIME_ANNOTATION]: options.scheduled } : {},
      },
      spec: { template: {} },
      status: {
        startTime: options.started,
        conditions: options.finished ? [{ type: options.finished, status: "True" }] : [],
      },
    };
    setControllerReference(cronJob, job);
    const created = await client.create(job);
    return client.status().update({ ...created, status: job.status });
  }

  test("the run due is started as a Job owned by the CronJob, then requeued for the next run", async () => {
    const cronJob = await createCronJob();
    clock.advance(5 * 60_000 + 30_000); // 10:05:30
    const result = await reconciler.reconcile(key, ctx);
    assert.deepEqual(result, { requeueAfter: 270_000 });
    const [job, ...others] = await jobs();
    assert.equal(others.length, 0);
    assert.equal(job?.metadata?.name, `cron-${at("2026-01-01T10:05:00Z") / 1000}`);
    assert.deepEqual(job?.metadata?.labels, { app: "cron" });
    assert.deepEqual(job?.metadata?.annotations, {
      team: "batch",
      [SCHEDULED_TIME_ANNOTATION]: "2026-01-01T10:05:00Z",
    });
    assert.deepEqual(job?.spec?.template, cronJobSpec().jobTemplate.spec?.template);
    assert.deepEqual(
      job?.metadata?.ownerReferences?.map(({ kind, name, uid, controller }) => ({ kind, name, uid, controller })),
      [{ kind: "CronJob", name: "cron", uid: cronJob.metadata.uid, controller: true }],
    );
  });

  test("the status lists the active Jobs and the last run; a second pass starts nothing new", async () => {
    await createCronJob();
    clock.advance(5 * 60_000);
    await reconciler.reconcile(key, ctx);
    await reconciler.reconcile(key, ctx);
    const [job] = await jobs();
    assert.equal((await jobs()).length, 1);
    const status = (await client.get(CronJob, key)).status;
    assert.equal(status?.lastScheduleTime, "2026-01-01T10:05:00Z");
    assert.deepEqual(status?.active, [
      {
        apiVersion: "batch/v1",
        kind: "Job",
        namespace: "default",
        name: job?.metadata?.name,
        uid: job?.metadata?.uid,
        resourceVersion: job?.metadata?.resourceVersion,
      },
    ]);
  });

  test("finished Jobs leave the active list; Jobs the CronJob does not control are not its own", async () => {
    const cronJob = await createCronJob();
    await createChild(cronJob, "done", { scheduled: "2026-01-01T09:55:00Z", finished: "Complete" });
    await client.create<Job>({
      apiVersion: Job.apiVersion,
      kind: Job.kind,
      metadata: { ...key, name: "stranger" },
      spec: { template: {} },
    });
    await reconciler.reconcile(key, ctx);
    const status = (await client.get(CronJob, key)).status;
    assert.equal(status?.active, undefined);
    assert.equal(status?.lastScheduleTime, "2026-01-01T09:55:00Z");
  });

  test("finished Jobs beyond the history limits are deleted, oldest first", async () => {
    const cronJob = await createCronJob({ failedJobsHistoryLimit: 1, successfulJobsHistoryLimit: 0 });
    await createChild(cronJob, "failed-old", { finished: "Failed", started: "2026-01-01T09:00:00Z" });
    await createChild(cronJob, "failed-new", { finished: "Failed", started: "2026-01-01T09:30:00Z" });
    await createChild(cronJob, "failed-unstarted", { finished: "Failed" });
    await createChild(cronJob, "succeeded", { finished: "Complete", started: "2026-01-01T09:40:00Z" });
    await createChild(cronJob, "running", { started: "2026-01-01T09:50:00Z" });
    await reconciler.reconcile(key, ctx);
    assert.deepEqual((await jobs()).map((job) => job.metadata?.name).sort(), ["failed-new", "running"]);
    assert.ok(client.actions.some((action) => action.startsWith("delete") && action.includes("failed-old")));
  });

  test("without history limits every finished Job is kept", async () => {
    const cronJob = await createCronJob();
    await createChild(cronJob, "failed", { finished: "Failed" });
    await createChild(cronJob, "succeeded", { finished: "Complete" });
    await reconciler.reconcile(key, ctx);
    assert.equal((await jobs()).length, 2);
  });

  test("a suspended CronJob starts no run and is not requeued, but its status is kept up to date", async () => {
    const cronJob = await createCronJob({ suspend: true });
    await createChild(cronJob, "running", { scheduled: "2026-01-01T09:55:00Z" });
    clock.advance(10 * 60_000);
    assert.equal(await reconciler.reconcile(key, ctx), undefined);
    assert.deepEqual(
      (await jobs()).map((job) => job.metadata?.name),
      ["running"],
    );
    assert.equal((await client.get(CronJob, key)).status?.active?.[0]?.name, "running");
  });

  test("a run older than the starting deadline is skipped until the next one", async () => {
    await createCronJob({ startingDeadlineSeconds: 60 });
    clock.advance(7 * 60_000); // 10:07: the 10:05 run is 2 minutes late
    assert.deepEqual(await reconciler.reconcile(key, ctx), { requeueAfter: 3 * 60_000 });
    assert.equal((await jobs()).length, 0);
  });

  test("a run within the starting deadline still starts", async () => {
    await createCronJob({ startingDeadlineSeconds: 180 });
    clock.advance(7 * 60_000);
    await reconciler.reconcile(key, ctx);
    assert.equal((await jobs()).length, 1);
  });

  for (const [policy, expected] of [
    ["Allow", ["cron-1767261900", "running"]],
    ["Forbid", ["running"]],
    ["Replace", ["cron-1767261900"]],
  ] as const) {
    test(`concurrency policy ${policy}: a due run with a Job still active leaves ${expected.join(" and ")}`, async () => {
      const cronJob = await createCronJob({ concurrencyPolicy: policy });
      await createChild(cronJob, "running", { scheduled: "2026-01-01T09:55:00Z" });
      clock.advance(5 * 60_000);
      assert.deepEqual(await reconciler.reconcile(key, ctx), { requeueAfter: 5 * 60_000 });
      assert.deepEqual((await jobs()).map((job) => job.metadata?.name).sort(), expected);
    });
  }

  test("an unparseable schedule starts nothing and waits for the spec to change", async () => {
    await createCronJob({ schedule: "every five minutes" });
    clock.advance(10 * 60_000);
    assert.equal(await reconciler.reconcile(key, ctx), undefined);
    assert.equal((await jobs()).length, 0);
  });

  test("a CronJob that is gone is ignored", async () => {
    assert.equal(await reconciler.reconcile({ ...key, name: "gone" }, ctx), undefined);
  });
});
