import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { CustomObjectsApi, ApiextensionsV1Api, PatchStrategy, setHeaderOptions } from "@kubernetes/client-node";
import {
  freshNamespace,
  installSwitchCrd,
  rawRequest,
  startTestServer,
  type TestServer,
} from "../helpers/embedded_apiserver.js";

const group = "test.uselessctl.io";
const version = "v1alpha1";
const plural = "switches";
const mergePatch = setHeaderOptions("Content-Type", PatchStrategy.MergePatch);

interface SwitchObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    generation?: number;
    resourceVersion?: string;
    managedFields?: unknown[];
    finalizers?: string[];
    uid?: string;
  };
  spec?: { position?: string; replicas?: number; label?: string; extra?: string };
  status?: { flips?: number; replicas?: number };
}

function aSwitch(name: string, spec: SwitchObject["spec"] = {}): SwitchObject {
  return { apiVersion: `${group}/${version}`, kind: "Switch", metadata: { name }, spec };
}

describe("embedded API server: CRDs and custom resources", () => {
  let env: TestServer;
  let custom: CustomObjectsApi;
  let path: (namespace: string, name?: string, sub?: string) => string;
  before(async () => {
    env = await startTestServer();
    custom = env.kubeConfig.makeApiClient(CustomObjectsApi);
    await installSwitchCrd(env.kubeConfig);
    path = (namespace, name, sub) =>
      `/apis/${group}/${version}/namespaces/${namespace}/${plural}${name ? `/${name}` : ""}${sub ? `/${sub}` : ""}`;
  });
  after(() => env.stop());

  it("sets the CRD's NamesAccepted and Established conditions and accepted names", async () => {
    const crd = await env.kubeConfig
      .makeApiClient(ApiextensionsV1Api)
      .readCustomResourceDefinition({ name: `${plural}.${group}` });
    const conditions = Object.fromEntries(
      (crd.status?.conditions ?? []).map((condition) => [condition.type, condition.status]),
    );
    assert.deepEqual(conditions, { NamesAccepted: "True", Established: "True" });
    assert.equal(crd.status?.acceptedNames?.kind, "Switch");
    assert.deepEqual(crd.status?.storedVersions, ["v1alpha1"]);
  });

  it("defaults, prunes unknown fields with a warning, and starts generation at 1", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const response = await rawRequest(env.server, "POST", path(namespace), {
      body: JSON.stringify(aSwitch("defaults", { extra: "dropped" } as SwitchObject["spec"])),
      contentType: "application/json",
    });
    assert.equal(response.status, 201);
    const created = response.json() as unknown as SwitchObject;
    assert.deepEqual(created.spec, { position: "down", replicas: 1 });
    assert.equal(created.metadata.generation, 1);
    assert.match(String(response.headers.warning), /unknown field \\"spec.extra\\"/);
  });

  it("rejects unknown fields with 400 under fieldValidation=Strict", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const response = await rawRequest(env.server, "POST", `${path(namespace)}?fieldValidation=Strict`, {
      body: JSON.stringify(aSwitch("strict", { extra: "x" } as SwitchObject["spec"])),
      contentType: "application/json",
    });
    assert.equal(response.status, 400);
    assert.match(String(response.json().message), /strict decoding error: unknown field "spec.extra"/);
  });

  it("rejects an enum violation with 422 worded as kube-apiserver, storing nothing", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const response = await rawRequest(env.server, "POST", path(namespace), {
      body: JSON.stringify(aSwitch("bad", { position: "sideways" })),
      contentType: "application/json",
    });
    assert.equal(response.status, 422);
    const status = response.json();
    // An enum violation blocks the CEL rules, which kube-apiserver reports as one `<nil>` error.
    const skipped =
      "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";
    assert.equal(
      status.message,
      `Switch.${group} "bad" is invalid: [spec.position: Unsupported value: "sideways": supported values: "down", "up", <nil>: Invalid value: null: ${skipped}]`,
    );
    assert.deepEqual((status.details as { causes: unknown[] }).causes, [
      {
        reason: "FieldValueNotSupported",
        message: 'Unsupported value: "sideways": supported values: "down", "up"',
        field: "spec.position",
      },
      { reason: "FieldValueInvalid", message: `Invalid value: null: ${skipped}`, field: "<nil>" },
    ]);
    const list = (await custom.listNamespacedCustomObject({ group, version, namespace, plural })) as {
      items: unknown[];
    };
    assert.equal(list.items.length, 0);
  });

  it("reports every schema violation (maximum, type, maxLength) together", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const response = await rawRequest(env.server, "POST", path(namespace), {
      body: JSON.stringify(aSwitch("many", { replicas: 11, label: "x".repeat(21) })),
      contentType: "application/json",
    });
    assert.equal(response.status, 422);
    const fields = (response.json().details as { causes: { field: string }[] }).causes.map((cause) => cause.field);
    assert.deepEqual(fields.sort(), ["<nil>", "spec.label", "spec.replicas"]);
  });

  it("evaluates x-kubernetes-validations CEL rules", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const response = await rawRequest(env.server, "POST", path(namespace), {
      body: JSON.stringify(aSwitch("cel", { position: "up", replicas: 5 })),
      contentType: "application/json",
    });
    assert.equal(response.status, 422);
    assert.equal(
      response.json().message,
      `Switch.${group} "cel" is invalid: spec: Invalid value: an up switch has at most 3 replicas`,
    );
  });

  it("ignores status on the main resource, writes only status on /status, and bumps generation on spec changes only", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const created = (await custom.createNamespacedCustomObject({
      group,
      version,
      namespace,
      plural,
      body: { ...aSwitch("gen", { position: "down" }), status: { flips: 9 } },
    })) as SwitchObject;
    assert.equal(created.status, undefined);
    const statusUpdated = (await custom.patchNamespacedCustomObjectStatus(
      { group, version, namespace, plural, name: "gen", body: { status: { flips: 1 }, spec: { position: "up" } } },
      mergePatch,
    )) as SwitchObject;
    assert.equal(statusUpdated.status?.flips, 1);
    assert.equal(statusUpdated.spec?.position, "down");
    assert.equal(statusUpdated.metadata.generation, 1);
    const specUpdated = (await custom.patchNamespacedCustomObject(
      { group, version, namespace, plural, name: "gen", body: { spec: { position: "up" }, status: { flips: 7 } } },
      mergePatch,
    )) as SwitchObject;
    assert.equal(specUpdated.metadata.generation, 2);
    assert.equal(specUpdated.status?.flips, 1);
    const labelsOnly = (await custom.patchNamespacedCustomObject(
      { group, version, namespace, plural, name: "gen", body: { metadata: { labels: { a: "b" } } } },
      mergePatch,
    )) as SwitchObject;
    assert.equal(labelsOnly.metadata.generation, 2);
  });

  it("serves the scale subresource from the CRD's replica paths", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    await custom.createNamespacedCustomObject({
      group,
      version,
      namespace,
      plural,
      body: aSwitch("scaled", { replicas: 2 }),
    });
    const scale = await rawRequest(env.server, "GET", path(namespace, "scaled", "scale"));
    assert.equal(scale.status, 200);
    assert.deepEqual((scale.json() as { spec: unknown }).spec, { replicas: 2 });
    const patched = await rawRequest(env.server, "PATCH", path(namespace, "scaled", "scale"), {
      body: JSON.stringify({ spec: { replicas: 3 } }),
      contentType: "application/merge-patch+json",
    });
    assert.equal(patched.status, 200);
    const object = (await custom.getNamespacedCustomObject({
      group,
      version,
      namespace,
      plural,
      name: "scaled",
    })) as SwitchObject;
    assert.equal(object.spec?.replicas, 3);
  });

  it("answers strategic merge patch on a custom resource with 415", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    await custom.createNamespacedCustomObject({ group, version, namespace, plural, body: aSwitch("smp") });
    const response = await rawRequest(env.server, "PATCH", path(namespace, "smp"), {
      body: JSON.stringify({ spec: { position: "up" } }),
      contentType: "application/strategic-merge-patch+json",
    });
    assert.equal(response.status, 415);
    assert.equal(
      response.json().message,
      "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml",
    );
  });

  it("applies JSON patches, and fails a failed test operation with 422", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    await custom.createNamespacedCustomObject({ group, version, namespace, plural, body: aSwitch("jp") });
    const ok = await rawRequest(env.server, "PATCH", path(namespace, "jp"), {
      body: JSON.stringify([{ op: "replace", path: "/spec/position", value: "up" }]),
      contentType: "application/json-patch+json",
    });
    assert.equal(ok.status, 200);
    const failed = await rawRequest(env.server, "PATCH", path(namespace, "jp"), {
      body: JSON.stringify([{ op: "test", path: "/spec/position", value: "down" }]),
      contentType: "application/json-patch+json",
    });
    assert.equal(failed.status, 422);
  });

  it("tracks field managers in server-side apply and reports conflicts with 409", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const apply = (manager: string, spec: SwitchObject["spec"], force = false) =>
      rawRequest(
        env.server,
        "PATCH",
        `${path(namespace, "ssa")}?fieldManager=${manager}${force ? "&force=true" : ""}`,
        {
          body: JSON.stringify(aSwitch("ssa", spec)),
          contentType: "application/apply-patch+yaml",
        },
      );
    const created = await apply("alice", { position: "up" });
    assert.equal(created.status, 201);
    const managed = (created.json() as unknown as SwitchObject).metadata.managedFields as {
      manager: string;
      operation: string;
      fieldsV1: unknown;
    }[];
    assert.deepEqual(
      managed.map((entry) => [entry.manager, entry.operation]),
      [["alice", "Apply"]],
    );
    // An applied struct field is owned through its leaves only (no "." on f:spec), as kube-apiserver records it.
    assert.deepEqual(managed[0]?.fieldsV1, { "f:spec": { "f:position": {} } });
    const conflict = await apply("bob", { position: "down" });
    assert.equal(conflict.status, 409);
    assert.equal(conflict.json().message, 'Apply failed with 1 conflict: conflict with "alice": .spec.position');
    const shared = await apply("bob", { position: "up" });
    assert.equal(shared.status, 200);
    const forced = await apply("bob", { position: "down" }, true);
    assert.equal(forced.status, 200);
    const entries = (forced.json() as unknown as SwitchObject).metadata.managedFields as {
      manager: string;
      fieldsV1: { "f:spec"?: Record<string, unknown> };
    }[];
    const positionOwners = entries
      .filter((entry) => entry.fieldsV1["f:spec"]?.["f:position"])
      .map((entry) => entry.manager);
    assert.deepEqual(positionOwners, ["bob"]);
    const dropped = await apply("bob", {});
    assert.equal(
      (dropped.json() as unknown as SwitchObject).spec?.position,
      "down",
      "the default comes back when the applier drops the field",
    );
  });

  it("merges x-kubernetes-list-type=map lists by key in server-side apply, one owner per item", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    await custom.createNamespacedCustomObject({ group, version, namespace, plural, body: aSwitch("conds") });
    const applyStatus = (manager: string, conditions: { type: string; status: string }[]) =>
      rawRequest(env.server, "PATCH", `${path(namespace, "conds", "status")}?fieldManager=${manager}`, {
        body: JSON.stringify({
          apiVersion: `${group}/${version}`,
          kind: "Switch",
          metadata: { name: "conds" },
          status: { conditions },
        }),
        contentType: "application/apply-patch+yaml",
      });
    assert.equal((await applyStatus("ready-controller", [{ type: "Ready", status: "True" }])).status, 200);
    const second = await applyStatus("flip-controller", [{ type: "Flipped", status: "False" }]);
    assert.equal(second.status, 200, second.body);
    const object = second.json() as unknown as {
      status: { conditions: { type: string }[] };
      metadata: { managedFields: { manager: string; fieldsV1: unknown }[] };
    };
    assert.deepEqual(
      object.status.conditions.map((condition) => condition.type),
      ["Ready", "Flipped"],
    );
    const ready = object.metadata.managedFields.find((entry) => entry.manager === "ready-controller");
    assert.deepEqual(ready?.fieldsV1, {
      "f:status": { "f:conditions": { 'k:{"type":"Ready"}': { ".": {}, "f:status": {}, "f:type": {} } } },
    });
    const conflict = await applyStatus("flip-controller", [{ type: "Ready", status: "False" }]);
    assert.equal(conflict.status, 409);
    assert.equal(
      conflict.json().message,
      'Apply failed with 1 conflict: conflict with "ready-controller" with subresource "status": .status.conditions[type="Ready"].status',
    );
    const dropped = await applyStatus("ready-controller", []);
    assert.deepEqual(
      (dropped.json() as unknown as { status: { conditions: { type: string }[] } }).status.conditions.map(
        (condition) => condition.type,
      ),
      ["Flipped"],
    );
  });

  it("keeps an object with finalizers until they are removed", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const body = aSwitch("fin");
    body.metadata.finalizers = ["test.uselessctl.io/hold"];
    await custom.createNamespacedCustomObject({ group, version, namespace, plural, body });
    await custom.deleteNamespacedCustomObject({ group, version, namespace, plural, name: "fin" });
    const pending = (await custom.getNamespacedCustomObject({
      group,
      version,
      namespace,
      plural,
      name: "fin",
    })) as SwitchObject & { metadata: { deletionTimestamp?: string } };
    assert.ok(pending.metadata.deletionTimestamp);
    await custom.patchNamespacedCustomObject(
      { group, version, namespace, plural, name: "fin", body: { metadata: { finalizers: null } } },
      mergePatch,
    );
    const gone = await rawRequest(env.server, "GET", path(namespace, "fin"));
    assert.equal(gone.status, 404);
  });

  it("garbage-collects dependents of a deleted owner, and orphans them with propagationPolicy=Orphan", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    const owner = (await custom.createNamespacedCustomObject({
      group,
      version,
      namespace,
      plural,
      body: aSwitch("owner"),
    })) as SwitchObject;
    const reference = {
      apiVersion: `${group}/${version}`,
      kind: "Switch",
      name: "owner",
      uid: owner.metadata.uid ?? "",
      blockOwnerDeletion: true,
    };
    const dependent = aSwitch("dependent");
    (dependent.metadata as Record<string, unknown>).ownerReferences = [reference];
    await custom.createNamespacedCustomObject({ group, version, namespace, plural, body: dependent });
    await custom.deleteNamespacedCustomObject({
      group,
      version,
      namespace,
      plural,
      name: "owner",
      propagationPolicy: "Foreground",
    });
    for (
      let attempt = 0;
      attempt < 100 && (await rawRequest(env.server, "GET", path(namespace, "owner"))).status !== 404;
      attempt++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal((await rawRequest(env.server, "GET", path(namespace, "dependent"))).status, 404);
    assert.equal((await rawRequest(env.server, "GET", path(namespace, "owner"))).status, 404);

    const owner2 = (await custom.createNamespacedCustomObject({
      group,
      version,
      namespace,
      plural,
      body: aSwitch("owner2"),
    })) as SwitchObject;
    const orphan = aSwitch("orphan");
    (orphan.metadata as Record<string, unknown>).ownerReferences = [
      { ...reference, name: "owner2", uid: owner2.metadata.uid },
    ];
    await custom.createNamespacedCustomObject({ group, version, namespace, plural, body: orphan });
    await custom.deleteNamespacedCustomObject({
      group,
      version,
      namespace,
      plural,
      name: "owner2",
      propagationPolicy: "Orphan",
    });
    for (
      let attempt = 0;
      attempt < 100 && (await rawRequest(env.server, "GET", path(namespace, "owner2"))).status !== 404;
      attempt++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const survivor = (await custom.getNamespacedCustomObject({
      group,
      version,
      namespace,
      plural,
      name: "orphan",
    })) as { metadata: { ownerReferences?: unknown[] } };
    assert.equal(survivor.metadata.ownerReferences, undefined);
  });

  it("returns a Table with the CRD's printer columns", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    await custom.createNamespacedCustomObject({
      group,
      version,
      namespace,
      plural,
      body: aSwitch("tbl", { position: "up" }),
    });
    const response = await rawRequest(env.server, "GET", path(namespace), {
      accept: "application/json;as=Table;v=v1;g=meta.k8s.io,application/json",
    });
    const table = response.json() as {
      kind: string;
      columnDefinitions: { name: string }[];
      rows: { cells: unknown[]; object: { kind: string } }[];
    };
    assert.equal(table.kind, "Table");
    assert.deepEqual(
      table.columnDefinitions.map((column) => column.name),
      ["Name", "Position", "Flips", "Age"],
    );
    assert.deepEqual(table.rows[0]?.cells.slice(0, 3), ["tbl", "up", null]);
    assert.match(String(table.rows[0]?.cells[3]), /^\d+s$/);
    assert.equal(table.rows[0]?.object.kind, "PartialObjectMetadata");
  });

  it("removes a namespace's contents when the namespace is deleted", async () => {
    const namespace = await freshNamespace(env.kubeConfig);
    await custom.createNamespacedCustomObject({ group, version, namespace, plural, body: aSwitch("inside") });
    const deleted = await rawRequest(env.server, "DELETE", `/api/v1/namespaces/${namespace}`);
    assert.equal(deleted.status, 200);
    for (
      let attempt = 0;
      attempt < 100 && (await rawRequest(env.server, "GET", `/api/v1/namespaces/${namespace}`)).status !== 404;
      attempt++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.equal((await rawRequest(env.server, "GET", `/api/v1/namespaces/${namespace}`)).status, 404);
    assert.equal((await rawRequest(env.server, "GET", path(namespace, "inside"))).status, 404);
  });
});
