import assert from "node:assert/strict";
import { test } from "node:test";
import type { KubeObject } from "../../storage/types.js";
import { jobStrategy } from "./jobs.js";

const uid = "5ec7edf8-adc0-4ac5-a3ef-3c4a23a002dc";
const containers = [{ name: "c", image: "busybox" }];

function job(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: "batch/v1", kind: "Job", metadata: { name, namespace: "n", uid }, spec };
}

const lines = (errors: { field: string; detail: string }[] | undefined): string[] =>
  (errors ?? []).map((error) => `${error.field}: ${error.detail}`);

/** A create as the server runs it: defaults, validation, then PrepareForCreate's generated fields. */
function create(object: KubeObject): string[] {
  jobStrategy.normalize?.(object, { pruneUnknown: true });
  const errors = lines(jobStrategy.validate?.(object, undefined, { previous: [], subresource: "" }));
  if (!errors.length) jobStrategy.prepareForCreate?.(object);
  return errors;
}

// The reference also shows zero-value structs (a container's `resources: {}`), which the generic
// Go-type handling adds, not the defaults.
test("a Job gets the reference's defaults and a generated selector, template labels and labels", () => {
  const object = job("j", { template: { spec: { restartPolicy: "Never", containers } } });
  assert.deepEqual(create(object), []);
  const generated = {
    "batch.kubernetes.io/controller-uid": uid,
    "batch.kubernetes.io/job-name": "j",
    "controller-uid": uid,
    "job-name": "j",
  };
  assert.deepEqual(object.metadata.labels, generated);
  assert.deepEqual(object.spec, {
    parallelism: 1,
    completions: 1,
    backoffLimit: 6,
    selector: { matchLabels: { "batch.kubernetes.io/controller-uid": uid } },
    manualSelector: false,
    template: {
      metadata: { labels: generated },
      spec: {
        containers: [
          {
            name: "c",
            image: "busybox",
            terminationMessagePath: "/dev/termination-log",
            terminationMessagePolicy: "File",
            imagePullPolicy: "Always",
          },
        ],
        restartPolicy: "Never",
        terminationGracePeriodSeconds: 30,
        dnsPolicy: "ClusterFirst",
        securityContext: {},
        schedulerName: "default-scheduler",
      },
    },
    completionMode: "NonIndexed",
    suspend: false,
    podReplacementPolicy: "TerminatingOrFailed",
  });
});

test("a manual selector is the user's, and the Job takes its template's labels", () => {
  const object = job("j5", {
    manualSelector: true,
    selector: { matchLabels: { a: "b" } },
    template: { metadata: { labels: { a: "b" } }, spec: { restartPolicy: "OnFailure", containers } },
  });
  assert.deepEqual(create(object), []);
  assert.deepEqual(object.metadata.labels, { a: "b" });
  assert.deepEqual((object.spec as { selector: unknown }).selector, { matchLabels: { a: "b" } });
  assert.deepEqual(
    create(
      job("j4", {
        manualSelector: true,
        template: { metadata: { labels: { a: "b" } }, spec: { restartPolicy: "Never", containers } },
      }),
    ),
    [
      "spec.selector: Required value",
      'spec.template.metadata.labels: Invalid value: {"a":"b"}: `selector` does not match template `labels`',
    ],
  );
});

test("a Job's spec errors read as kube-apiserver's", () => {
  assert.deepEqual(create(job("j1", { template: { spec: { containers } } })), [
    'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
  ]);
  assert.deepEqual(
    create(
      job("j2", {
        parallelism: -1,
        completions: -2,
        backoffLimit: -1,
        completionMode: "Foo",
        maxFailedIndexes: 3,
        podReplacementPolicy: "X",
        managedBy: "foo",
        template: { spec: { restartPolicy: "Sometimes", containers } },
      }),
    ),
    [
      "spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
      "spec.completions: Invalid value: -2: must be greater than or equal to 0",
      "spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0",
      "spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified",
      'spec.managedBy: Invalid value: "foo": must be a domain-prefixed path (such as "acme.io/foo")',
      'spec.completionMode: Unsupported value: "Foo": supported values: "NonIndexed", "Indexed"',
      'spec.podReplacementPolicy: Unsupported value: "X": supported values: "Failed", "TerminatingOrFailed"',
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
    ],
  );
  const labels = `{"batch.kubernetes.io/controller-uid":"${uid}","batch.kubernetes.io/job-name":"j3","controller-uid":"x","job-name":"j3"}`;
  assert.deepEqual(
    create(
      job("j3", {
        selector: { matchLabels: { a: "b" } },
        template: { metadata: { labels: { "controller-uid": "x" } }, spec: { restartPolicy: "Never", containers } },
      }),
    ),
    [
      `spec.template.metadata.labels[controller-uid]: Invalid value: ${labels}: must be '${uid}'`,
      `spec.selector: Invalid value: {"matchLabels":{"a":"b","batch.kubernetes.io/controller-uid":"${uid}"}}: \`selector\` not auto-generated`,
      `spec.template.metadata.labels: Invalid value: ${labels}: \`selector\` does not match template \`labels\``,
    ],
  );
});

test("pod failure policy rules and the indexed hostname are checked as the reference does", () => {
  const name = "bad-name-that-is-long-enough-to-be-a-problem-for-the-indexed-hostname";
  const errors = create(
    job(name, {
      completionMode: "Indexed",
      completions: 100,
      podFailurePolicy: {
        rules: [
          {
            action: "Boom",
            onExitCodes: { operator: "In", values: [3, 0, 3] },
            onPodConditions: [{ type: "DisruptionTarget" }],
          },
          { action: "FailIndex" },
        ],
      },
      template: { spec: { restartPolicy: "OnFailure", containers } },
    }),
  );
  assert.deepEqual(errors, [
    'spec.podFailurePolicy.rules[0].action: Unsupported value: "Boom": supported values: "Count", "FailIndex", "FailJob", "Ignore"',
    "spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Invalid value: 0: must not be 0 for the In operator",
    "spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 3",
    "spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: [3,0,3]: must be ordered",
    "spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported",
    'spec.podFailurePolicy.rules[1].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set',
    "spec.podFailurePolicy.rules[1]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required",
    // Both job-name labels are too long a value; the 422's message lists the text once.
    `spec.template.labels: Invalid value: "${name}": must be no more than 63 bytes`,
    `spec.template.labels: Invalid value: "${name}": must be no more than 63 bytes`,
    'spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
    `metadata.name: Invalid value: "${name}": will not able to create pod with invalid DNS label: ${name}-99`,
  ]);
});

test("a running Job's template, selector and completions are immutable", () => {
  const old = job("j", { template: { spec: { restartPolicy: "Never", containers } } });
  create(old);
  const changed = structuredClone(old);
  const spec = changed.spec as { completions: number; template: { spec: { containers: { image: string }[] } } };
  spec.completions = 3;
  const container = spec.template.spec.containers[0];
  if (container) container.image = "busybox2";
  const errors = lines(jobStrategy.validate?.(changed, old, { previous: [], subresource: "" }));
  assert.deepEqual(
    errors.map((line) => line.replace(/Invalid value: \{.*\}: field/, "Invalid value: {...}: field")),
    [
      "spec.completions: Invalid value: 3: field is immutable",
      "spec.template: Invalid value: {...}: field is immutable",
    ],
  );
  const suspended = structuredClone(old);
  (suspended.spec as { suspend: boolean }).suspend = true;
  const resumed = structuredClone(suspended);
  const template = (resumed.spec as { template: { metadata: { labels: Record<string, string> } } }).template;
  template.metadata.labels = { ...template.metadata.labels, extra: "y" };
  assert.deepEqual(jobStrategy.validate?.(resumed, suspended, { previous: [], subresource: "" }), []);
});

test("a Job's status update keeps terminal conditions and counters moving forward", () => {
  const old = job("j", { template: { spec: { restartPolicy: "Never", containers } } });
  create(old);
  old.status = { succeeded: 2, conditions: [{ type: "Failed", status: "True" }] };
  const object = structuredClone(old);
  object.status = { succeeded: 1, active: 1, ready: 2, completionTime: "2026-01-01T00:00:00Z" };
  assert.deepEqual(lines(jobStrategy.validate?.(object, old, { previous: [], subresource: "status" })), [
    'status.completionTime: Invalid value: "2026-01-01T00:00:00Z": cannot set completionTime when there is no Complete=True condition',
    "status.ready: Invalid value: 2: cannot set more ready pods than active",
    "status.conditions: Invalid value: cannot disable the terminal Failed=True condition",
    "status.succeeded: Invalid value: 1: cannot decrease the succeeded counter",
  ]);
});

test("a Job prints its status, completions and duration, and selects on status.successful", () => {
  const object = job("j", {
    completions: 3,
    selector: { matchLabels: { a: "b" } },
    template: { spec: { containers } },
  });
  object.status = {
    succeeded: 1,
    startTime: "2026-01-01T00:00:00Z",
    completionTime: "2026-01-01T00:02:05Z",
    conditions: [{ type: "Complete", status: "True" }],
  };
  const cells = jobStrategy.columns?.map((c) => c.cell(object, new Date()));
  assert.deepEqual(
    [cells?.[1], cells?.[2], cells?.[3], ...(cells?.slice(5) ?? [])],
    ["Complete", "1/3", "2m5s", "c", "busybox", "a=b"],
  );
  assert.equal(jobStrategy.fieldSelectors?.["status.successful"]?.(object), "1");
  assert.equal(jobStrategy.fieldSelectors?.["status.successful"]?.(job("x", {})), "0");
});
