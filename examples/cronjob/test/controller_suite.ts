/**
 * The kubebuilder book's envtest suite for the CronJob controller (suite_test.go and
 * cronjob_controller_test.go), run against whichever API server `start` gives: the manager runs
 * the reconciler in the background as BeforeSuite starts it, and the tests talk to the server
 * directly. After the book's scenario, the reconciler's own writes on a real server: a due run's
 * Job accepted and listed through the field index, the CRD's defaulting and validation, and the
 * garbage collection of a deleted CronJob's Jobs.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import {
  createManager,
  discardLogger,
  isInvalid,
  isNotFound,
  Namespace,
  realClock,
  type Client,
  type Clock,
  type Manager,
} from "uselessctl";
import { Job } from "uselessctl/apis/batch/v1";
import type { TestEnv } from "uselessctl/testenv";
import { CronJob, type CronJobSpec } from "../api/v1/index.js";
import { CronJobReconciler } from "../controllers/cronjob_controller.js";
import { constructJobForCronJob, SCHEDULED_TIME_ANNOTATION } from "../controllers/jobs.js";
import { apiClient, eventually } from "./suite.js";

/** The real clock moved forward by `shiftMs`: a run due in the next minute is due now. */
class ShiftedClock implements Clock {
  shiftMs = 0;
  now = (): number => realClock.now() + this.shiftMs;
  setTimeout = realClock.setTimeout.bind(realClock);
  clearTimeout = realClock.clearTimeout.bind(realClock);
}

/** The book's CronJob: schedule "1 * * * *", one container, restartPolicy OnFailure. */
function bookCronJob(namespace: string, name: string, spec: Partial<CronJobSpec> = {}): CronJob {
  return {
    apiVersion: CronJob.apiVersion,
    kind: CronJob.kind,
    metadata: { namespace, name },
    spec: {
      schedule: "1 * * * *",
      jobTemplate: {
        spec: {
          template: {
            spec: { containers: [{ name: "test-container", image: "test-image" }], restartPolicy: "OnFailure" },
          },
        },
      },
      ...spec,
    },
  };
}

async function freshNamespace(client: Client, prefix: string): Promise<string> {
  const name = `${prefix}-${randomUUID().slice(0, 8)}`;
  await client.create<Namespace>({ apiVersion: "v1", kind: "Namespace", metadata: { name } });
  return name;
}

/** How the suite runs on one server. */
export interface SuiteOptions {
  /** A one-line reason to report the whole suite as skipped. */
  readonly skip?: string;
}

/** Registers the suite; `start` starts the server (it is called in `before`). */
export function describeCronJobController(
  name: string,
  start: () => Promise<TestEnv>,
  options: SuiteOptions = {},
): void {
  describe(`the CronJob controller (${name})`, { skip: options.skip }, () => {
    let env: TestEnv;
    let client: Client;
    let mgr: Manager;
    let running: Promise<void>;
    const clock = new ShiftedClock();

    before(async () => {
      env = await start();
      client = apiClient(env);
      mgr = createManager({ kubeConfig: env.kubeConfig, logger: discardLogger, gracefulShutdownTimeoutMs: 2_000 });
      new CronJobReconciler({ client: mgr.getClient(), clock }).setupWithManager(mgr);
      running = mgr.start();
    });

    after(async () => {
      await mgr?.stop();
      await running;
      await env?.stop();
    });

    test("the book's scenario: a Job created for the CronJob shows up in its status as active", async () => {
      const namespace = await freshNamespace(client, "book");
      const lookup = { namespace, name: "test-cronjob" };
      await client.create(bookCronJob(namespace, lookup.name));
      const created = await eventually("the CronJob to be created", () => client.get(CronJob, lookup));
      assert.equal(created.spec.schedule, "1 * * * *");

      // Consistently: no Job was made for it, so none is active.
      for (let i = 0; i < 10; i++) {
        assert.equal((await client.get(CronJob, lookup)).status?.active, undefined);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }

      const job: Job = {
        apiVersion: Job.apiVersion,
        kind: Job.kind,
        metadata: {
          namespace,
          name: "test-job",
          ownerReferences: [
            {
              apiVersion: CronJob.apiVersion,
              kind: CronJob.kind,
              name: created.metadata.name ?? "",
              uid: created.metadata.uid ?? "",
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        spec: {
          template: {
            spec: { containers: [{ name: "test-container", image: "test-image" }], restartPolicy: "OnFailure" },
          },
        },
      };
      const createdJob = await client.create(job);
      // The status is not set on create: it is the status subresource's, written after.
      await client.status().update({ ...createdJob, status: { ...createdJob.status, active: 2 } });

      await eventually("the CronJob to list test-job as its one active Job", async () => {
        const active = (await client.get(CronJob, lookup)).status?.active;
        return active?.length === 1 && active[0]?.name === "test-job";
      });
    });

    test("a due run starts a Job the server accepts, found through the field index", async () => {
      const namespace = await freshNamespace(client, "due");
      clock.shiftMs = 61_000;
      try {
        const cronJob = await client.create(bookCronJob(namespace, "every-minute", { schedule: "* * * * *" }));
        const [job] = await eventually("a Job for the due run", async () => {
          const jobs = (await client.list(Job, { namespace })).items;
          return jobs.length > 0 && jobs;
        });
        assert.match(job?.metadata?.name ?? "", /^every-minute-\d+$/);
        assert.match(job?.metadata?.annotations?.[SCHEDULED_TIME_ANNOTATION] ?? "", /^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/);
        assert.equal(job?.metadata?.ownerReferences?.[0]?.uid, cronJob.metadata.uid);
        const status = await eventually("the run in the CronJob's status", async () => {
          const current = (await client.get(CronJob, { namespace, name: "every-minute" })).status;
          return current?.active?.[0]?.name === job?.metadata?.name && current;
        });
        assert.equal(status.lastScheduleTime, job?.metadata?.annotations?.[SCHEDULED_TIME_ANNOTATION]);
      } finally {
        clock.shiftMs = 0;
      }
    });

    test("a Job the controller creates comes back with the server's Job defaults", async () => {
      const namespace = await freshNamespace(client, "defaults");
      const cronJob = await client.create(bookCronJob(namespace, "defaulted"));
      const job = constructJobForCronJob(cronJob, Date.parse("2026-01-01T10:01:00Z"));
      const created = await client.create(job);
      // what a reconciler comparing its Job with the stored one must expect
      assert.equal(created.spec?.backoffLimit, 6);
      assert.equal(created.spec?.completions, 1);
      assert.equal(created.spec?.parallelism, 1);
      assert.equal(
        created.spec?.template.metadata?.labels?.["batch.kubernetes.io/controller-uid"],
        created.metadata?.uid,
      );
      assert.deepEqual(created.spec?.selector, {
        matchLabels: { "batch.kubernetes.io/controller-uid": created.metadata?.uid },
      });
      assert.equal(created.spec?.template.spec?.containers[0]?.imagePullPolicy, "Always"); // "test-image" has no tag
      assert.equal(created.spec?.template.spec?.terminationGracePeriodSeconds, 30);
    });

    test("the CRD defaults concurrencyPolicy to Allow and refuses a policy it does not know", async () => {
      const namespace = await freshNamespace(client, "crd");
      const created = await client.create(bookCronJob(namespace, "defaults"));
      assert.equal(created.spec.concurrencyPolicy, "Allow");
      await assert.rejects(
        client.create(bookCronJob(namespace, "invalid", { concurrencyPolicy: "Sometimes" as "Allow" })),
        (error: unknown) =>
          isInvalid(error) &&
          error instanceof Error &&
          error.message.includes(
            'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"',
          ),
      );
    });

    test("a deleted CronJob's Jobs are garbage-collected", async () => {
      const namespace = await freshNamespace(client, "gc");
      clock.shiftMs = 61_000;
      try {
        const cronJob = await client.create(bookCronJob(namespace, "doomed", { schedule: "* * * * *" }));
        await eventually("a Job for the due run", async () => (await client.list(Job, { namespace })).items.length > 0);
        await client.delete(cronJob);
        await eventually("the CronJob to be gone", async () => {
          try {
            await client.get(CronJob, { namespace, name: "doomed" });
            return false;
          } catch (error) {
            return isNotFound(error);
          }
        });
      } finally {
        clock.shiftMs = 0;
      }
      // kube-controller-manager's garbage collector watches a new CRD's kind from its next
      // discovery resync (every 30s): on the real control plane this takes up to a minute.
      await eventually(
        "its Jobs to be collected",
        async () => (await client.list(Job, { namespace })).items.length === 0,
        120_000,
      );
    });
  });
}
