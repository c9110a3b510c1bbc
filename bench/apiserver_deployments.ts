/**
 * The Deployment workload of `npm run bench:apiserver`: creates/s and updates/s of apps/v1
 * Deployments, whose writes go through the built-in strategy (the pod template's defaults and
 * validation, the selector check, generation) rather than a ConfigMap's plain storage. An update
 * is what `kubectl set image` sends: a strategic merge patch of one container's image, which
 * bumps the generation. No controller runs on either server (the reference runs without
 * kube-controller-manager), so no ReplicaSets are made and only the API server is measured.
 */
import { inFlight, pool, type Client } from "./apiserver_support.js";

/** Deployments created, then updated, per run (BENCH_DEPLOYMENTS overrides it). */
export const deploymentCount = Number(process.env.BENCH_DEPLOYMENTS ?? 2_000);

/** The figures of the Deployment workload on one server. */
export interface DeploymentFigures {
  createsPerSecond: number;
  updatesPerSecond: number;
}

/** A Deployment as an operator writes one: two containers, ports, resources, probes, labels. */
function deployment(index: number): Record<string, unknown> {
  const labels = { app: `web-${index}`, tier: "frontend" };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: `web-${index}`, labels },
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: "web",
              image: "nginx:1.27",
              ports: [{ name: "http", containerPort: 80 }],
              resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { memory: "128Mi" } },
              readinessProbe: { httpGet: { path: "/healthz", port: "http" }, periodSeconds: 5 },
              env: [{ name: "INDEX", value: String(index) }],
            },
            { name: "sidecar", image: "busybox:1.36", command: ["sh", "-c", "sleep infinity"] },
          ],
        },
      },
    },
  };
}

/** Creates then updates {@link deploymentCount} Deployments in `namespace` (which must exist). */
export async function deploymentScenario(http: Client, namespace: string): Promise<DeploymentFigures> {
  const base = `/apis/apps/v1/namespaces/${namespace}/deployments`;
  const createMs = await pool(deploymentCount, async (index) => {
    const response = await http.call("POST", base, deployment(index));
    if (response.status !== 201) throw new Error(`create Deployment ${index}: ${response.status} ${response.body}`);
  });
  const updateMs = await pool(deploymentCount, async (index) => {
    const patch = { spec: { template: { spec: { containers: [{ name: "web", image: "nginx:1.28" }] } } } };
    const response = await http.call("PATCH", `${base}/web-${index}`, patch, "application/strategic-merge-patch+json");
    if (response.status !== 200) throw new Error(`update Deployment ${index}: ${response.status} ${response.body}`);
    const generation = (JSON.parse(response.body) as { metadata: { generation?: number } }).metadata.generation;
    if (generation !== 2) throw new Error(`update Deployment ${index}: generation ${generation}, expected 2`);
  });
  return {
    createsPerSecond: deploymentCount / (createMs / 1000),
    updatesPerSecond: deploymentCount / (updateMs / 1000),
  };
}

/** Prints the workload's figures per server, side by side, with each beside the reference as a ratio. */
export function printDeploymentFigures(
  rows: readonly { label: string; figures: DeploymentFigures }[],
  reference: DeploymentFigures | undefined,
): void {
  const width = Math.max(...rows.map((row) => row.label.length), "kube-apiserver + etcd".length);
  const cell = (value: number, referenceValue: number | undefined) =>
    `${value.toFixed(0).padStart(7)}${referenceValue ? ` (${(value / referenceValue).toFixed(2)}x)` : ""}`.padEnd(18);
  const lines = [
    `Deployments (${deploymentCount} apps/v1 Deployments, ${inFlight} in flight; updates are strategic merge patches of an image)`,
    `  ${"".padEnd(width)}  ${"creates/s".padEnd(18)}updates/s`,
    ...rows.map(
      ({ label, figures }) =>
        `  ${label.padEnd(width)}  ${cell(figures.createsPerSecond, reference?.createsPerSecond)}${cell(figures.updatesPerSecond, reference?.updatesPerSecond)}`,
    ),
  ];
  if (reference)
    lines.push(
      `  ${"kube-apiserver + etcd".padEnd(width)}  ${cell(reference.createsPerSecond, undefined)}${cell(reference.updatesPerSecond, undefined)}`,
    );
  else
    lines.push(
      "  kube-apiserver + etcd: skipped, the reference control plane is not built (npm run control-plane:build)",
    );
  process.stdout.write(`${lines.join("\n")}\n\n`);
}
