import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  catalogResources,
  emptyObjectOf,
  fillZeroValues,
  goTypeModel,
  parseTypeExpression,
  strategicPatchRulesOf,
  trackingSchema,
} from "./catalog.js";

describe("the generated catalog", () => {
  it("lists each served resource with its Go kind, subresources and storage version", () => {
    const deployments = catalogResources().find((entry) => entry.group === "apps" && entry.resource === "deployments");
    assert.equal(deployments?.goType, "apps/v1.Deployment");
    assert.deepEqual(
      deployments?.subresources.map((sub) => [sub.subresource, sub.group, sub.version, sub.kind]),
      [
        ["scale", "autoscaling", "v1", "Scale"],
        ["status", "apps", "v1", "Deployment"],
      ],
    );
    const hpa = catalogResources().find((entry) => entry.group === "autoscaling" && entry.version === "v1");
    assert.equal(hpa?.storageVersion, "v2", "autoscaling/v1 HPAs are stored at v2");
  });

  it("keeps each field's Go type, tags and markers", () => {
    const spec = goTypeModel("core/v1.PodSpec");
    const containers = spec?.fields?.find((field) => field.json === "containers");
    assert.deepEqual(
      {
        type: containers?.type,
        protobuf: containers?.protobuf,
        patchStrategy: containers?.patchStrategy,
        patchMergeKey: containers?.patchMergeKey,
        listType: containers?.listType,
        listMapKeys: containers?.listMapKeys,
      },
      {
        type: "[]core/v1.Container",
        protobuf: "bytes,2,rep,name=containers",
        patchStrategy: "merge",
        patchMergeKey: "name",
        listType: "map",
        listMapKeys: ["name"],
      },
    );
    assert.equal(goTypeModel("core/v1.SecretType")?.underlying, "string");
    assert.equal(goTypeModel("meta/v1.ObjectMeta")?.name, "v1.ObjectMeta");
  });

  it("parses Go type expressions", () => {
    assert.deepEqual(parseTypeExpression("map[string][]string"), { form: "map", element: "[]string" });
    assert.deepEqual(parseTypeExpression("*int32"), { form: "pointer", element: "int32" });
    assert.deepEqual(parseTypeExpression("[]core/v1.Container"), { form: "slice", element: "core/v1.Container" });
  });
});

describe("what follows from the Go types", () => {
  it("the zero value Go serializes: non-omitempty fields, and structs omitempty does not drop", () => {
    assert.deepEqual(emptyObjectOf("core/v1.Event"), {
      involvedObject: {},
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      eventTime: null,
      reportingComponent: "",
      reportingInstance: "",
    });
    assert.deepEqual(emptyObjectOf("coordination/v1.Lease"), { spec: {} });
  });

  it("fills zero values at any depth: list items and map values too", () => {
    const namespace = { status: { conditions: [{ type: "A", status: "False" }] } };
    fillZeroValues(namespace, "core/v1.Namespace");
    assert.deepEqual(namespace, {
      metadata: {},
      spec: {},
      status: { conditions: [{ type: "A", status: "False", lastTransitionTime: null }] },
    });
  });

  it("drops what encoding/json leaves out: omitempty zero scalars, empty lists and maps, nil pointers", () => {
    const priorityClass = { value: 0, globalDefault: false, description: "", preemptionPolicy: null };
    fillZeroValues(priorityClass, "scheduling/v1.PriorityClass");
    // value has no omitempty; preemptionPolicy is a pointer, nil when null.
    assert.deepEqual(priorityClass, { metadata: {}, value: 0 });
    const pod = { spec: { hostNetwork: false, containers: [], nodeSelector: {} } };
    fillZeroValues(pod, "core/v1.Pod");
    assert.equal("hostNetwork" in pod.spec, false);
    assert.equal("nodeSelector" in pod.spec, false);
    // containers has no omitempty: an empty list is written as it is.
    assert.deepEqual(pod.spec.containers, []);
    // A null Time (a struct, never empty) is kept: it is written as null.
    const event = { eventTime: null };
    fillZeroValues(event, "core/v1.Event");
    assert.equal(event.eventTime, null);
  });

  it("tracks lists by their +listType and structs marked atomic whole", () => {
    const schema = trackingSchema("core/v1.ServiceAccount") as {
      properties: Record<string, Record<string, unknown>>;
    };
    const secrets = schema.properties.secrets as Record<string, unknown>;
    assert.equal(secrets["x-kubernetes-list-type"], "map");
    assert.deepEqual(secrets["x-kubernetes-list-map-keys"], ["name"]);
    assert.equal((secrets.items as Record<string, unknown>)["x-kubernetes-map-type"], "atomic");
  });

  it("strategic merge patch keys come from patchStrategy and patchMergeKey", () => {
    const keys = strategicPatchRulesOf("apps/v1.Deployment").mergeKeys;
    assert.equal(keys["spec.template.spec.containers"], "name");
    assert.equal(keys["metadata.ownerReferences"], "uid");
    assert.equal(keys["metadata.finalizers"], null);
  });

  it("fields tagged patchStrategy=replace are replaced whole", () => {
    const rules = strategicPatchRulesOf("policy/v1.PodDisruptionBudget");
    assert.deepEqual([...rules.replaced], ["spec.selector"]);
    assert.equal(strategicPatchRulesOf("apps/v1.Deployment").replaced.size, 0);
  });
});
