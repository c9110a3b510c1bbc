/**
 * The generated built-in API modules as a user imports them ("uselessctl/apis/<group>/<version>"):
 * typed objects, and kind descriptors that are the runtime's own declarations.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultScheme, Deployment as RuntimeDeployment, Namespace as RuntimeNamespace } from "uselessctl";
import { Deployment, type DeploymentSpec } from "uselessctl/apis/apps/v1";
import { CronJob, type JobTemplateSpec } from "uselessctl/apis/batch/v1";
import { Endpoints, Namespace, type ObjectReference, type PodTemplateSpec } from "uselessctl/apis/core/v1";
import { ClusterRoleBinding } from "uselessctl/apis/rbac/v1";
import { CustomResourceDefinition } from "uselessctl/apis/apiextensions/v1";

test("a kind descriptor names its group version, resource and scope", () => {
  assert.deepEqual(
    { ...Deployment },
    {
      group: "apps",
      version: "v1",
      apiVersion: "apps/v1",
      kind: "Deployment",
      plural: "deployments",
      namespaced: true,
    },
  );
  assert.equal(CronJob.apiVersion, "batch/v1");
  assert.equal(Namespace.apiVersion, "v1");
  assert.equal(Namespace.namespaced, false, "+genclient:nonNamespaced");
  assert.equal(ClusterRoleBinding.namespaced, false);
  assert.equal(Endpoints.plural, "endpoints", "Kubernetes' plural exception");
  assert.equal(CustomResourceDefinition.plural, "customresourcedefinitions");
});

test("the runtime's own built-in kinds are the generated declarations, found by apiVersion and kind", () => {
  assert.equal(RuntimeDeployment, Deployment, "one declaration per kind");
  assert.equal(RuntimeNamespace, Namespace);
  assert.equal(defaultScheme.lookup("apps/v1", "Deployment"), Deployment);
  assert.equal(defaultScheme.lookup("batch/v1", "CronJob")?.plural, "cronjobs");
});

test("objects are typed with Go's names, optional where Go omits empty values", () => {
  const template: PodTemplateSpec = {
    metadata: { labels: { app: "web" } },
    spec: {
      containers: [
        {
          name: "web",
          image: "nginx",
          ports: [{ containerPort: 80 }],
          resources: { limits: { cpu: "500m", memory: 1 } },
        },
      ],
    },
  };
  const spec: DeploymentSpec = { selector: { matchLabels: { app: "web" } }, template };
  const jobTemplate: JobTemplateSpec = { spec: { template } };
  const active: ObjectReference[] = [{ kind: "Job", name: "nightly" }];
  // @ts-expect-error a container needs its name
  const nameless: PodTemplateSpec = { spec: { containers: [{ image: "nginx" }] } };
  assert.ok(spec && jobTemplate && active && nameless);
});
