/**
 * Assembles the embedded API server: store (with its log when a data directory is given),
 * resource registry (built-ins, then every stored CRD), the CRD controller, the garbage
 * collector and namespace lifecycle, and the HTTPS listener on loopback.
 */
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { Impersonation } from "../auth/impersonation.js";
import type { AuthorizationAttributes } from "../auth/rbac/authorizer.js";
import type { UserInfo } from "../auth/user.js";
import { jwtKeyFromPem } from "../auth/jwt.js";
import { loadOrCreateIdentity } from "../auth/persisted_identity.js";
import { ServiceAccountTokens } from "../auth/service_account_tokens.js";
import { Authenticator } from "../auth/token.js";
import { createRequestHandler } from "../http/server.js";
import { ensureDefaultServiceNetwork } from "./default_service_network.js";
import { builtinTypes, initialNamespaces } from "../registry/builtins.js";
import { collectionOf } from "../registry/resource_type.js";
import { systemPriorityClasses, systemPriorityClassObject } from "../registry/scheduling/index.js";
import { CrdController, crdResourceType } from "../registry/crd/crd_controller.js";
import { admissionChain } from "../admission/chain.js";
import { ObjectService, timestamp } from "../registry/object_service.js";
import { ResourceRegistry } from "../registry/registry.js";
import { GarbageCollector } from "../garbagecollector/garbage_collector.js";
import { objectKey, Store } from "../storage/store.js";
import { ClusterRoleAggregationController } from "../auth/rbac/aggregation_controller.js";
import { RbacAuthorizer } from "../auth/rbac/authorizer.js";
import { ensureBootstrapPolicy } from "../auth/rbac/bootstrap_policy.js";
import { checkRbacWrite } from "../auth/rbac/escalation.js";
import { rbacGroup } from "../auth/rbac/policy_index.js";

export interface ApiServerOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** Persist every write here (write-ahead log); memory only when unset. */
  dataDir: string | undefined;
  /** The bearer token clients must send; random when unset. */
  token: string | undefined;
  /** How many changes a watch can resume from before getting 410 Expired. */
  watchHistorySize: number;
  bookmarkIntervalMs: number;
  now: () => Date;
  /** Told of every request the authorizer refuses. */
  onForbidden: ((user: UserInfo, attributes: AuthorizationAttributes) => void) | undefined;
}

export const defaultApiServerOptions: ApiServerOptions = {
  port: 0,
  host: "127.0.0.1",
  dataDir: undefined,
  token: undefined,
  watchHistorySize: 100_000,
  bookmarkIntervalMs: 60_000,
  now: () => new Date(),
  onForbidden: undefined,
};

export interface RunningApiServer {
  url: string;
  caCertificatePem: string;
  token: string;
  stop(): Promise<void>;
}

const loopbackHosts = new Set(["127.0.0.1", "localhost", "::1"]);

export async function startApiServer(partial: Partial<ApiServerOptions> = {}): Promise<RunningApiServer> {
  const options: ApiServerOptions = {
    ...defaultApiServerOptions,
    ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)),
  };
  if (!loopbackHosts.has(options.host))
    throw new Error(`host ${options.host} is not a loopback address; the local API server listens on 127.0.0.1 only`);
  // The store creates the data directory; the identity (certificates, token) lives beside the log.
  const store = await Store.open({ dataDir: options.dataDir, historySize: options.watchHistorySize });
  const { certificates, token, serviceAccountKeyPem } = await loadOrCreateIdentity(
    options.dataDir,
    options.token,
    options.now(),
  );
  const serviceAccountTokens = new ServiceAccountTokens(jwtKeyFromPem(serviceAccountKeyPem), store, options.now);
  const authenticator = new Authenticator(token, serviceAccountTokens);
  const registry = new ResourceRegistry();
  registry.replace("", [...builtinTypes(), crdResourceType()]);
  const authorizer = new RbacAuthorizer(store);
  const service = new ObjectService({
    store,
    now: options.now,
    // Policies see the same authorizer as requests (their `authorizer` variable).
    admission: admissionChain({
      store,
      registry,
      authorize: (user, attributes) => authorizer.authorize(user, attributes),
    }),
    guardWrite: (type, object, old, user) => {
      if (type.group === rbacGroup) checkRbacWrite(authorizer, user, type.resource, object, old);
    },
  });
  const crds = new CrdController({ store, registry, service });
  crds.start();
  await ensureInitialNamespaces(store, options.now());
  await ensureSystemPriorityClasses(store, options.now());
  await ensureBootstrapPolicy(service, registry);
  const aggregation = new ClusterRoleAggregationController(service, clusterRoleType(registry));
  await aggregation.start();
  const collector = new GarbageCollector({
    store,
    registry,
    service,
    onDeleted: (collection) => crds.retryCleanup(collection),
  });
  collector.start();

  const watches = new Set<() => void>();
  let address = "";
  const handler = createRequestHandler({
    registry,
    service,
    authentication: { authenticator, serviceAccountTokens, impersonation: new Impersonation(authorizer) },
    authorizer,
    onForbidden: options.onForbidden,
    watch: { bookmarkIntervalMs: options.bookmarkIntervalMs, defaultTimeoutSeconds: 1800, now: options.now },
    registerWatch(stop) {
      watches.add(stop);
      return () => watches.delete(stop);
    },
    serverAddress: () => address,
    ready: () => true,
  });
  const server: Server = createServer(
    { cert: certificates.certificatePem, key: certificates.privateKeyPem, ca: certificates.caCertificatePem },
    handler,
  );
  server.keepAliveTimeout = 60_000;
  // Small responses must not wait for delayed ACKs (Nagle): watch events and API calls are latency-bound.
  server.on("secureConnection", (socket) => socket.setNoDelay(true));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port, options.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    // A taken port: release the log and the controllers before reporting it.
    collector.stop();
    aggregation.stop();
    authorizer.stop();
    crds.stop();
    await store.close();
    throw new Error(`cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`, { cause: error });
  }
  const port = (server.address() as AddressInfo).port;
  await ensureDefaultServiceNetwork(store, options.now(), port);
  const host = options.host === "::1" ? "[::1]" : options.host;
  address = `${host}:${port}`;
  let stopped: Promise<void> | undefined;
  return {
    url: `https://${address}`,
    caCertificatePem: certificates.caCertificatePem,
    token,
    stop() {
      stopped ??= (async () => {
        for (const stop of [...watches]) stop();
        collector.stop();
        aggregation.stop();
        authorizer.stop();
        crds.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await store.close();
      })();
      return stopped;
    },
  };
}

function clusterRoleType(registry: ResourceRegistry) {
  const type = registry.lookup(rbacGroup, "v1", "clusterroles");
  if (!type) throw new Error(`${rbacGroup}/v1 clusterroles is not served`);
  return type;
}

/** The system priority classes kube-apiserver's scheduling post-start hook creates. */
async function ensureSystemPriorityClasses(store: Store, now: Date): Promise<void> {
  const collection = collectionOf("scheduling.k8s.io", "priorityclasses");
  const writes: Promise<void>[] = [];
  for (const spc of systemPriorityClasses) {
    const key = objectKey(undefined, spc.name);
    if (store.get(collection, key)) continue;
    const object = systemPriorityClassObject(spc);
    object.metadata = {
      ...object.metadata,
      uid: crypto.randomUUID(),
      creationTimestamp: timestamp(now),
      managedFields: [
        {
          manager: "kube-apiserver",
          operation: "Update",
          apiVersion: "scheduling.k8s.io/v1",
          time: timestamp(now),
          fieldsType: "FieldsV1",
          fieldsV1: { "f:description": {}, "f:preemptionPolicy": {}, "f:value": {} },
        },
      ],
    };
    writes.push(store.put(collection, key, object).durable);
  }
  await Promise.all(writes);
}

async function ensureInitialNamespaces(store: Store, now: Date): Promise<void> {
  const writes: Promise<void>[] = [];
  for (const name of initialNamespaces) {
    const key = objectKey(undefined, name);
    if (store.get("/namespaces", key)) continue;
    writes.push(
      store.put("/namespaces", key, {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: {
          name,
          uid: crypto.randomUUID(),
          creationTimestamp: timestamp(now),
          labels: { "kubernetes.io/metadata.name": name },
        },
        spec: { finalizers: ["kubernetes"] },
        status: { phase: "Active" },
      }).durable,
    );
  }
  await Promise.all(writes);
}
