/**
 * A conformance case is written once and run against each server. Everything it observes
 * (responses, watch events, kubectl output, client results) is recorded, normalised, and compared
 * step by step between the servers; its own assertions state what kube-apiserver does, so a case
 * that is wrong about Kubernetes fails on the reference.
 */
import { execFile } from "node:child_process";
import type { KubeConfig } from "@kubernetes/client-node";
import yaml from "js-yaml";
import {
  sendRequest,
  watchEvents,
  type HttpRequest,
  type HttpResponse,
  type WatchOptions,
  type WatchResult,
} from "./http.js";
import { normalize, normalizeKubectlOutput, normalizeLabel } from "./normalize.js";
import type { Target } from "./targets.js";
import { eventually } from "../../helpers/eventually.js";

/** The areas of issue #8, in report order. */
export const AREAS = [
  "discovery",
  "crd-lifecycle",
  "conversion-webhooks",
  "crud",
  "concurrency",
  "generation",
  "subresources",
  "validation",
  "defaulting-pruning",
  "field-validation",
  "cel",
  "selectors",
  "pagination",
  "watch",
  "patch",
  "finalizers",
  "garbage-collection",
  "namespaces",
  "table",
  "bad-input",
  "kubectl",
  "client-node",
  "kinds",
  "admission",
  "authentication",
  "authorization",
] as const;
export type Area = (typeof AREAS)[number];

/** One recorded step: what was asked and what came back (normalised). */
export interface Observation {
  readonly label: string;
  readonly request?: unknown;
  readonly value: unknown;
}

/** What a case can do; every call is recorded. */
export interface CaseContext {
  readonly target: Target;
  /** A namespace made for this case (same name on every server). */
  readonly namespace: string;
  readonly kubeConfig: KubeConfig;
  http(req: HttpRequest): Promise<HttpResponse>;
  /** The same request, not recorded: for set-up steps and for values recorded after reshaping. */
  send(req: HttpRequest): Promise<HttpResponse>;
  watch(path: string, options: WatchOptions): Promise<WatchResult>;
  /**
   * Runs kubectl; stdout is recorded as text modulo AGE, or parsed (`-o json`/`-o yaml` output)
   * and normalised like any object.
   */
  kubectl(args: readonly string[], options?: KubectlOptions): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Records a value the case computed (e.g. a client-node result). */
  record(label: string, value: unknown): void;
  /** Polls `check` until it returns something other than `undefined` (e.g. garbage collection). */
  eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs?: number): Promise<T>;
}

/** Options of {@link CaseContext.kubectl}. */
export interface KubectlOptions {
  readonly stdin?: string;
  readonly output?: "text" | "json" | "yaml";
  /**
   * For a command that does not end by itself (`get -w`): runs while kubectl does, with its
   * stdout so far; when it settles, kubectl is stopped and what it printed is recorded.
   */
  readonly whileRunning?: (stdout: () => string) => Promise<void>;
}

/** A conformance case. */
export interface ConformanceCase {
  readonly area: Area;
  readonly name: string;
  run(context: CaseContext): Promise<void>;
}

/** The record of one case on one server. */
export interface CaseRun {
  readonly observations: readonly Observation[];
  /** The case's own assertion (or request) that failed, if one did. */
  readonly failure: string | undefined;
}

function namespaceFor(index: number, name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `c${index}-${slug}`.slice(0, 50).replace(/-$/, "");
}

function describeRequest(req: HttpRequest): unknown {
  const body = req.body === undefined || typeof req.body !== "string" ? req.body : req.body.slice(0, 200);
  return {
    method: req.method ?? "GET",
    path: req.path,
    ...(body === undefined || Buffer.isBuffer(body) ? {} : { body }),
  };
}

/** Runs `testCase` (the `index`-th of the suite) against `target` and records everything. */
export async function runCase(target: Target, testCase: ConformanceCase, index: number): Promise<CaseRun> {
  const observations: Observation[] = [];
  const namespace = namespaceFor(index, testCase.name);
  const endpoint = target.endpoint;
  const context: CaseContext = {
    target,
    namespace,
    kubeConfig: target.kubeConfig,
    async http(req) {
      const response = await sendRequest(endpoint, req);
      observations.push({
        label: normalizeLabel(`${req.method ?? "GET"} ${req.path}`),
        request: describeRequest(req),
        value: normalize({ status: response.status, warnings: response.warnings, body: response.body }),
      });
      return response;
    },
    send: (req) => sendRequest(endpoint, req),
    async watch(path, options) {
      const result = await watchEvents(endpoint, path, options);
      observations.push({ label: normalizeLabel(`WATCH ${path}`), value: normalize(result) });
      return result;
    },
    async kubectl(args, options = {}) {
      const result = await runKubectl(target, args, options);
      const output = options.output ?? "text";
      const stdout =
        output === "text" || result.code !== 0
          ? normalizeKubectlOutput(result.stdout)
          : normalize(output === "json" ? JSON.parse(result.stdout) : yaml.load(result.stdout));
      observations.push({
        label: `kubectl ${args.join(" ")}`,
        value: { code: result.code, stdout, stderr: normalizeKubectlOutput(result.stderr) },
      });
      return result;
    },
    record(label, value) {
      observations.push({ label, value: normalize(value) });
    },
    eventually: (what, check, timeoutMs = 30_000) => eventually(what, check, timeoutMs, 100),
  };
  let failure: string | undefined;
  try {
    const created = await sendRequest(endpoint, {
      method: "POST",
      path: "/api/v1/namespaces",
      body: { apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } },
    });
    if (created.status !== 201)
      throw new Error(`creating namespace ${namespace}: HTTP ${created.status} ${JSON.stringify(created.body)}`);
    await testCase.run(context);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    observations.push({ label: "case failed", value: normalize(failure) });
  }
  return { observations, failure };
}

function runKubectl(
  target: Target,
  args: readonly string[],
  options: KubectlOptions,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const kubectl = target.kubectlPath;
  if (!kubectl) throw new Error("kubectl not found (neither built nor on PATH)");
  return new Promise((resolve, reject) => {
    let stoppedByCase = false;
    const child = execFile(
      kubectl,
      [`--kubeconfig=${target.env.kubeconfigPath}`, ...args],
      { encoding: "utf8", timeout: 30_000 },
      (error, stdout, stderr) => {
        // A kubectl the case stopped did not fail: its exit reflects the signal, not the server.
        const code = stoppedByCase ? 0 : error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);
    if (options.whileRunning) {
      let printed = "";
      child.stdout?.on("data", (chunk: string) => (printed += chunk));
      options
        .whileRunning(() => printed)
        .then(
          () => {
            stoppedByCase = true;
            child.kill("SIGTERM");
          },
          (error: unknown) => {
            child.kill("SIGTERM");
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
    }
  });
}
