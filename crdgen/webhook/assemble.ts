/**
 * Webhook assembly: `+kubebuilder:webhook` markers → one MutatingWebhookConfiguration and one
 * ValidatingWebhookConfiguration, as controller-gen's webhook generator builds them
 * (controller-tools pkg/webhook/parser.go): webhooks sorted by name, the mutating configuration
 * first, each named by its `+kubebuilder:webhookconfiguration` marker or by controller-gen's
 * default; values matched case-insensitively and written in the API's spelling; a Service
 * reference defaulting to webhook-service in namespace system.
 *
 * Where controller-gen passes an unknown value through or drops it (a failurePolicy, verb or
 * reinvocationPolicy the API does not know), this is an error at the marker instead, since
 * kube-apiserver would refuse the configuration; valid markers come out as controller-gen's.
 */
import { DiagnosticCode, errorAt, type Checked, type Diagnostic } from "../diagnostics.js";
import type { MarkerInstance } from "../markers/registry.js";
import type {
  MutatingWebhook,
  RuleWithOperations,
  ValidatingWebhook,
  WebhookClientConfig,
  WebhookConfiguration,
} from "./types.js";

const apiVersion = "admissionregistration.k8s.io/v1";
const supportedWebhookVersions = ["v1"];
const defaultService = { name: "webhook-service", namespace: "system" };
const configurationKinds = {
  mutating: "MutatingWebhookConfiguration",
  validating: "ValidatingWebhookConfiguration",
} as const;
const defaultConfigurationNames = {
  mutating: "mutating-webhook-configuration",
  validating: "validating-webhook-configuration",
};

/** The API spelling of `value` among `allowed`, compared case-insensitively as controller-gen does. */
function canonical<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
}

/** Thrown while converting one marker; becomes a diagnostic at that marker. */
class WebhookMarkerError extends Error {
  override name = "WebhookMarkerError";
}

function fail(argument: string, message: string): never {
  throw new WebhookMarkerError(`${argument}: ${message}`);
}

const quoted = (values: readonly string[]) => values.map((value) => JSON.stringify(value)).join(", ");

/** One marker's webhook; throws a WebhookMarkerError naming the argument at fault. */
function toWebhook(marker: MarkerInstance): { mutating: boolean; webhook: MutatingWebhook } {
  const value = marker.value;
  const text = (name: string) => value[name] as string | undefined;
  const list = (name: string) => (value[name] as string[] | undefined) ?? [];
  const mutating = value["mutating"] === true;

  for (const version of list("webhookVersions")) {
    if (!supportedWebhookVersions.includes(version))
      fail(
        "webhookVersions",
        `unsupported webhook version ${JSON.stringify(version)} (supported: ${quoted(supportedWebhookVersions)})`,
      );
  }
  const webhook: MutatingWebhook = {
    name: text("name") ?? "",
    clientConfig: clientConfig(text("path") ?? "", text("url") ?? "", value),
    rules: [
      rule(value["groups"] as string[], value["versions"] as string[], value["resources"] as string[], list("verbs")),
    ],
    failurePolicy: required("failurePolicy", text("failurePolicy") ?? "", ["Fail", "Ignore"]),
    sideEffects: sideEffects(text("sideEffects") ?? ""),
    admissionReviewVersions: list("admissionReviewVersions"),
  };
  const matchPolicy = text("matchPolicy") ?? "";
  if (matchPolicy !== "") webhook.matchPolicy = required("matchPolicy", matchPolicy, ["Exact", "Equivalent"] as const);
  const timeoutSeconds = (value["timeoutSeconds"] as number | undefined) ?? 0;
  if (timeoutSeconds !== 0) {
    if (timeoutSeconds < 1 || timeoutSeconds > 30)
      fail("timeoutSeconds", `must be between 1 and 30, got ${timeoutSeconds}`);
    webhook.timeoutSeconds = timeoutSeconds;
  }
  if (webhook.admissionReviewVersions.length === 0)
    fail("admissionReviewVersions", "at least one version is required (for example v1)");
  const reinvocationPolicy = text("reinvocationPolicy") ?? "";
  // controller-gen writes a reinvocationPolicy on mutating webhooks only
  if (mutating && reinvocationPolicy !== "")
    webhook.reinvocationPolicy = required("reinvocationPolicy", reinvocationPolicy, ["Never", "IfNeeded"] as const);
  return { mutating, webhook };
}

function required<T extends string>(argument: string, value: string, allowed: readonly T[]): T {
  return canonical(value, allowed) ?? fail(argument, `${JSON.stringify(value)} is not one of ${quoted(allowed)}`);
}

function sideEffects(value: string): string {
  if (value === "") fail("sideEffects", 'missing; admissionregistration.k8s.io/v1 requires "None" or "NoneOnDryRun"');
  const known = canonical(value, ["None", "NoneOnDryRun", "Some", "Unknown"]);
  if (known === "None" || known === "NoneOnDryRun") return known;
  return fail(
    "sideEffects",
    `${JSON.stringify(value)} is not allowed in admissionregistration.k8s.io/v1 (expected "None" or "NoneOnDryRun")`,
  );
}

function clientConfig(path: string, url: string, value: MarkerInstance["value"]): WebhookClientConfig {
  if (path !== "" && url !== "") fail("url", "path and url cannot both be given");
  if (path === "" && url === "") fail("path", "one of path and url is required");
  if (url !== "") return { url };
  const service: NonNullable<WebhookClientConfig["service"]> = {
    name: (value["serviceName"] as string | undefined) || defaultService.name,
    namespace: (value["serviceNamespace"] as string | undefined) || defaultService.namespace,
    path,
  };
  const port = value["servicePort"] as number | undefined;
  if (port !== undefined) {
    if (port < 1 || port > 65535) fail("servicePort", `must be between 1 and 65535, got ${port}`);
    service.port = port;
  }
  return { service };
}

function rule(groups: string[], versions: string[], resources: string[], verbs: string[]): RuleWithOperations {
  const operations = verbs.map((verb) => required("verbs", verb, ["CREATE", "UPDATE", "DELETE", "CONNECT", "*"]));
  const written: RuleWithOperations = {};
  // "core" is the nicer spelling of the core group, as in RBAC markers
  if (groups.length > 0) written.apiGroups = groups.map((group) => (group === "core" ? "" : group));
  if (versions.length > 0) written.apiVersions = versions;
  if (operations.length > 0) written.operations = operations;
  if (resources.length > 0) written.resources = resources;
  return written;
}

/** The configurations for `markers` (mutating first; none without webhooks), with the problems found. */
export function assembleWebhookConfigurations(markers: readonly MarkerInstance[]): Checked<WebhookConfiguration[]> {
  const diagnostics: Diagnostic[] = [];
  const names = configurationNames(markers, diagnostics);
  const webhooks = { mutating: [] as MutatingWebhook[], validating: [] as ValidatingWebhook[] };
  for (const marker of markers) {
    if (marker.definition.name !== "kubebuilder:webhook") continue;
    try {
      const { mutating, webhook } = toWebhook(marker);
      const into = mutating ? webhooks.mutating : webhooks.validating;
      if (into.some((existing) => existing.name === webhook.name))
        fail(
          "name",
          `another ${mutating ? "mutating" : "validating"} webhook is already named ${JSON.stringify(webhook.name)}`,
        );
      into.push(webhook);
    } catch (error) {
      if (!(error instanceof WebhookMarkerError)) throw error;
      diagnostics.push(
        errorAt(
          marker.position,
          DiagnosticCode.invalidWebhook,
          `invalid +kubebuilder:webhook argument ${error.message}`,
        ),
      );
    }
  }
  const byName = (a: ValidatingWebhook, b: ValidatingWebhook) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const configurations = (["mutating", "validating"] as const)
    .filter((kind) => webhooks[kind].length > 0)
    .map(
      (kind) =>
        // the assertion pairs each kind with its webhooks, which TypeScript cannot follow through the map
        ({
          apiVersion,
          kind: configurationKinds[kind],
          metadata: { name: names[kind] },
          webhooks: webhooks[kind].sort(byName),
        }) as WebhookConfiguration,
    );
  return { value: configurations, diagnostics };
}

/** The configuration names the `+kubebuilder:webhookconfiguration` markers give, one each at most. */
function configurationNames(markers: readonly MarkerInstance[], diagnostics: Diagnostic[]) {
  const names = { ...defaultConfigurationNames };
  const seen = new Set<"mutating" | "validating">();
  for (const marker of markers) {
    if (marker.definition.name !== "kubebuilder:webhookconfiguration") continue;
    const kind = marker.value["mutating"] === true ? "mutating" : "validating";
    if (seen.has(kind)) {
      diagnostics.push(
        errorAt(
          marker.position,
          DiagnosticCode.duplicateWebhookConfiguration,
          `+kubebuilder:webhookconfiguration: a second ${kind} configuration; write one marker per kind of configuration`,
        ),
      );
      continue;
    }
    seen.add(kind);
    const name = marker.value["name"] as string | undefined;
    if (name) names[kind] = name;
  }
  return names;
}
