/**
 * Test helpers around the embedded API server: start one, get a client-node KubeConfig for it,
 * make fresh namespaces, and raw HTTPS requests for status-code checks.
 */
import { request as httpsRequest } from "node:https";
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { KubeConfig, CoreV1Api, ApiextensionsV1Api } from "@kubernetes/client-node";
import yaml from "js-yaml";
import { renderKubeconfig } from "../../apimachinery/index.js";
import {
  startEmbeddedApiServer,
  type EmbeddedApiServerOptions,
  type RunningApiServer,
} from "../../apiserver/embedded/index.js";

export interface TestServer {
  server: RunningApiServer;
  kubeConfig: KubeConfig;
  stop(): Promise<void>;
}

/** A client-node KubeConfig for `server`, from the kubeconfig every front door writes. */
export function kubeConfigFor(server: Pick<RunningApiServer, "url" | "caCertificatePem" | "token">): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(renderKubeconfig(server));
  return kubeConfig;
}

export async function startTestServer(options: EmbeddedApiServerOptions = {}): Promise<TestServer> {
  const server = await startEmbeddedApiServer(options);
  return { server, kubeConfig: kubeConfigFor(server), stop: () => server.stop() };
}

/** Creates a namespace with a random name, so that tests never see each other's objects. */
export async function freshNamespace(kubeConfig: KubeConfig, prefix = "test"): Promise<string> {
  const name = `${prefix}-${randomBytes(4).toString("hex")}`;
  await kubeConfig.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name } } });
  return name;
}

export function fixture(name: string): string {
  return new URL(`../fixtures/apiserver/${name}`, import.meta.url).pathname;
}

export function loadFixture<T = Record<string, unknown>>(name: string): T {
  return yaml.load(readFileSync(fixture(name), "utf8")) as T;
}

/** The server, CA and token a kubeconfig's current context names, as {@link rawRequest} takes them. */
export function endpointOf(kubeConfig: KubeConfig): Pick<RunningApiServer, "url" | "caCertificatePem" | "token"> {
  const cluster = kubeConfig.getCurrentCluster();
  return {
    url: cluster?.server ?? "",
    caCertificatePem: Buffer.from(cluster?.caData ?? "", "base64").toString(),
    token: kubeConfig.getCurrentUser()?.token ?? "",
  };
}

/** Installs the Switch CRD fixture and waits until it is Established. */
export async function installSwitchCrd(kubeConfig: KubeConfig): Promise<void> {
  const api = kubeConfig.makeApiClient(ApiextensionsV1Api);
  const crd = loadFixture<{ metadata: { name: string } }>("switch_crd.yaml");
  // Raw JSON: client-node's typed models drop schema keys it renames (enum, default, x-kubernetes-*).
  const server = endpointOf(kubeConfig);
  const created = await rawRequest(server, "POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", {
    body: JSON.stringify(crd),
    contentType: "application/json",
  });
  if (created.status !== 201) throw new Error(`creating the CRD failed: ${created.body}`);
  for (let attempt = 0; attempt < 100; attempt++) {
    const current = await api.readCustomResourceDefinition({ name: crd.metadata.name });
    if (
      current.status?.conditions?.some((condition) => condition.type === "Established" && condition.status === "True")
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`CRD ${crd.metadata.name} never became Established`);
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json(): Record<string, unknown>;
}

/** One HTTPS request with the server's token (or `token: null` for none). */
export function rawRequest(
  server: Pick<RunningApiServer, "url" | "caCertificatePem" | "token">,
  method: string,
  path: string,
  options: { body?: string | Buffer; contentType?: string; accept?: string; token?: string | null } = {},
): Promise<RawResponse> {
  const url = new URL(path, server.url);
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? server.token : options.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (options.contentType) headers["Content-Type"] = options.contentType;
  if (options.accept) headers.Accept = options.accept;
  // As client-go does: a body goes with its length, not chunked.
  if (options.body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(options.body));
  return new Promise((resolve, reject) => {
    const request = httpsRequest(url, { method, headers, ca: server.caCertificatePem }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body,
          json: () => JSON.parse(body) as Record<string, unknown>,
        });
      });
    });
    request.on("error", reject);
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}
