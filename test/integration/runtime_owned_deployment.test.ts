/**
 * A reconciler that owns a built-in kind, on the reference control plane (issue 14, "what it must
 * show"): it creates a Deployment with createOrUpdate and a controller reference, sees its own
 * write come back through owns(Deployment) as an event for its owner, restores a change made
 * through the scale subresource, and settles ("unchanged") although the server defaults fields
 * and the deployment controller writes status. Runs on the binaries control plane, whose
 * kube-controller-manager writes that status (the local server, as envtest, runs no workload
 * controllers), and is skipped where those are not built.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  ConfigMap,
  controllerManagedBy,
  createLogger,
  createManager,
  createOrUpdate,
  discardLogger,
  isNotFound,
  setControllerReference,
  type Client,
  type Manager,
  type OperationResult,
  type Predicate,
} from "uselessctl";
import { Deployment } from "uselessctl/apis/apps/v1";
import type { Scale } from "uselessctl/apis/autoscaling/v1";
import { eventually } from "../helpers/eventually.js";
import { freshNamespace, startRuntimeTestEnv, type RuntimeTestEnv } from "../helpers/runtime_env.js";
import { referenceUnavailableReason } from "../conformance/harness/targets.js";

const unavailable = referenceUnavailableReason();
// Set RUNTIME_TEST_LOGS=1 to see the manager's logs.
const logger = process.env.RUNTIME_TEST_LOGS ? createLogger({ level: "debug" }) : discardLogger;

/** What the controller did and saw, in order: its writes and the Deployment events of owns(). */
type Entry =
  | { what: "event"; type: string; resourceVersion: string; replicas: number | undefined }
  | { what: "reconcile"; result: OperationResult; resourceVersion: string };

/** Recording the owns() watch's events through a predicate that lets every event pass. */
function recordingPredicate(log: Entry[]): Predicate {
  const record = (type: string, obj: Deployment) => {
    log.push({
      what: "event",
      type,
      resourceVersion: obj.metadata?.resourceVersion ?? "",
      replicas: obj.spec.replicas,
    });
    return true;
  };
  return {
    create: (event) => record("create", event.object as Deployment),
    update: (event) => record("update", event.objectNew as Deployment),
    delete: (event) => record("delete", event.object as Deployment),
  };
}

/** The web app of a ConfigMap: a Deployment named after it, its image and replicas from its data. */
async function reconcileWebApp(
  client: Client,
  owner: ConfigMap,
): Promise<{ result: OperationResult; deployment: Deployment }> {
  const labels = { app: owner.metadata?.name ?? "" };
  const deployment: Deployment = {
    apiVersion: Deployment.apiVersion,
    kind: Deployment.kind,
    metadata: { name: owner.metadata?.name, namespace: owner.metadata?.namespace },
    spec: { selector: { matchLabels: labels }, template: {} },
  };
  const result = await createOrUpdate(client, deployment, () => {
    // Only the fields this controller owns: the server's defaults stay, so a second pass is "unchanged".
    const spec = deployment.spec;
    spec.replicas = Number(owner.data?.replicas ?? "1");
    spec.template.metadata = { ...spec.template.metadata, labels };
    const container = { ...spec.template.spec?.containers[0], name: "web", image: owner.data?.image ?? "" };
    spec.template.spec = { ...spec.template.spec, containers: [container] };
    setControllerReference(owner, deployment);
  });
  return { result, deployment };
}

describe("a reconciler owning Deployments on the reference control plane", { skip: unavailable }, () => {
  let setup: RuntimeTestEnv;
  let mgr: Manager | undefined;

  before(async () => {
    setup = await startRuntimeTestEnv({ controlPlane: "binaries", useExistingCluster: false });
    if (setup.skipReason) throw new Error(setup.skipReason);
  });
  after(async () => {
    await mgr?.stop();
    await setup?.env?.stop();
  });

  test("createOrUpdate's own writes come back through owns(Deployment); a scale change is restored", async () => {
    const client = setup.client!;
    const namespace = await freshNamespace(client, "owns");
    const log: Entry[] = [];
    mgr = createManager({ kubeConfig: setup.env!.kubeConfig, namespace, logger, gracefulShutdownTimeoutMs: 2_000 });
    const managerClient = mgr.getClient();
    controllerManagedBy(mgr)
      .for(ConfigMap)
      .owns(Deployment, { predicates: [recordingPredicate(log)] })
      .complete(async (req) => {
        let owner: ConfigMap;
        try {
          owner = await managerClient.get(ConfigMap, req);
        } catch (err) {
          if (isNotFound(err)) return;
          throw err;
        }
        const { result, deployment } = await reconcileWebApp(managerClient, owner);
        log.push({ what: "reconcile", result, resourceVersion: deployment.metadata?.resourceVersion ?? "" });
      });
    void mgr.start();
    await mgr.elected();

    const owner = await client.create<ConfigMap>({
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "web", namespace },
      data: { image: "registry.example/web:1", replicas: "1" },
    });

    // The create, then its event through owns(), then a reconcile of the owner it maps to.
    const created = await eventually("the Deployment to be created", () =>
      log.find((entry) => entry.what === "reconcile" && entry.result === "created"),
    );
    await eventually("the create to come back as an event, and the owner to be reconciled after it", () => {
      const event = log.findIndex(
        (entry) =>
          entry.what === "event" && entry.type === "create" && entry.resourceVersion === created.resourceVersion,
      );
      return event >= 0 && log.slice(event + 1).some((entry) => entry.what === "reconcile");
    });
    const stored = await client.get(Deployment, { namespace, name: "web" });
    assert.deepEqual(stored.metadata?.ownerReferences, [
      {
        apiVersion: "v1",
        kind: "ConfigMap",
        name: "web",
        uid: owner.metadata?.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    assert.equal(stored.spec.template.spec?.containers[0]?.image, "registry.example/web:1");

    // Someone scales it through the scale subresource: the update comes back, the controller restores 1.
    const scale = await client.subResource("scale").get<Scale>(stored);
    assert.deepEqual([scale.kind, scale.spec?.replicas, scale.status?.selector], ["Scale", 1, "app=web"]);
    scale.spec = { replicas: 3 };
    await client.subResource("scale").update(stored, { subResourceBody: scale });
    await eventually("the scale change to come back as an update event", () =>
      log.some((entry) => entry.what === "event" && entry.type === "update" && entry.replicas === 3),
    );
    const restored = await eventually("the controller to restore one replica", () =>
      log.find((entry) => entry.what === "reconcile" && entry.result === "updated"),
    );
    assert.equal((await client.get(Deployment, { namespace, name: "web" })).spec.replicas, 1);

    // Server defaults and status writes by the deployment controller leave nothing to update.
    await eventually("a reconcile after the restore to find nothing to change", () =>
      log.slice(log.indexOf(restored) + 1).some((entry) => entry.what === "reconcile" && entry.result === "unchanged"),
    );
  });
});
