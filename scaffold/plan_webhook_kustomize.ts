/**
 * What `create webhook` inserts into the kustomizations `init` wrote, as kubebuilder's kustomize
 * plugin uncomments it in config/default/kustomization.yaml and config/crd/kustomization.yaml:
 * the webhook and cert-manager folders, the manager's webhook patch, the replacements that put
 * the webhook Service's name in the certificate and the certificate's name in the `inject-ca-from`
 * annotations, and for a conversion webhook the CRD's patch. Every fragment is inserted only
 * once, so a second `create webhook` adds only what its resource is missing.
 */
import type { Insertion } from "./insert.js";

/** Which webhooks one `create webhook` adds, and the CRD a conversion webhook patches. */
export interface KustomizeWebhookParts {
  readonly defaulting: boolean;
  readonly validation: boolean;
  readonly conversion: boolean;
  /** `machines.useless.container.training`. */
  readonly crdName: string;
  /** `webhook_in_machines.yaml`, in config/crd/patches/. */
  readonly conversionPatchFile: string;
}

/** kubebuilder's pair of replacements copying one field of `source` into `targets` at `index` of a delimited value. */
function replacement(
  source: string,
  fieldPath: string,
  target: string,
  fieldPaths: string,
  delimiter: string,
  index: number,
): string {
  return [
    "- source:",
    ...source.split("\n").map((line) => `    ${line}`),
    `    fieldPath: ${fieldPath}`,
    "  targets:",
    "    - select:",
    ...target.split("\n").map((line) => `        ${line}`),
    "      fieldPaths:",
    ...fieldPaths.split("\n").map((line) => `        - ${line}`),
    "      options:",
    `        delimiter: '${delimiter}'`,
    `        index: ${index}`,
    "        create: true",
  ].join("\n");
}

const WEBHOOK_SERVICE = "kind: Service\nversion: v1\nname: webhook-service";
const SERVING_CERT = "kind: Certificate\ngroup: cert-manager.io\nversion: v1\nname: serving-cert";
const CERT_DNS_NAMES = ".spec.dnsNames.0\n.spec.dnsNames.1";
const SERVING_CERT_TARGET = SERVING_CERT;
const INJECT_CA_FROM = ".metadata.annotations.[cert-manager.io/inject-ca-from]";

/** The certificate's two names, `<namespace>/<name>`, into the annotation of every `kind` object. */
function caInjection(kind: string): string[] {
  return [
    replacement(SERVING_CERT, ".metadata.namespace", `kind: ${kind}`, INJECT_CA_FROM, "/", 0),
    replacement(SERVING_CERT, ".metadata.name", `kind: ${kind}`, INJECT_CA_FROM, "/", 1),
  ];
}

/** A replacement whose targets are added later, one CRD at a time, above `marker`. */
function crdCaInjectionSource(fieldPath: string, marker: string): string {
  return [
    "- source:",
    ...SERVING_CERT.split("\n").map((line) => `    ${line}`),
    `    fieldPath: ${fieldPath}`,
    "  targets:",
    `    # +kubebuilder:scaffold:${marker}`,
  ].join("\n");
}

function crdCaInjectionTarget(crdName: string, index: number): string {
  return [
    "- select:",
    "    kind: CustomResourceDefinition",
    `    name: ${crdName}`,
    "  fieldPaths:",
    `    - ${INJECT_CA_FROM}`,
    "  options:",
    "    delimiter: '/'",
    `    index: ${index}`,
    "    create: true",
  ].join("\n");
}

/** The insertions into config/default/kustomization.yaml. */
export function defaultKustomizationInsertions(parts: KustomizeWebhookParts): Insertion[] {
  const replacements = [
    replacement(WEBHOOK_SERVICE, ".metadata.name", SERVING_CERT_TARGET, CERT_DNS_NAMES, ".", 0),
    replacement(WEBHOOK_SERVICE, ".metadata.namespace", SERVING_CERT_TARGET, CERT_DNS_NAMES, ".", 1),
    ...(parts.validation ? caInjection("ValidatingWebhookConfiguration") : []),
    ...(parts.defaulting ? caInjection("MutatingWebhookConfiguration") : []),
    ...(parts.conversion
      ? [
          crdCaInjectionSource(".metadata.namespace", "crdkustomizecainjectionns"),
          crdCaInjectionSource(".metadata.name", "crdkustomizecainjectionname"),
        ]
      : []),
  ];
  return [
    { marker: "defaultresources", fragment: "- ../webhook" },
    { marker: "defaultresources", fragment: "- ../certmanager" },
    { marker: "defaultpatches", fragment: "patches:" },
    { marker: "defaultpatches", fragment: "- path: manager_webhook_patch.yaml\n  target:\n    kind: Deployment" },
    { marker: "defaultreplacements", fragment: "replacements:" },
    ...replacements.map((fragment) => ({ marker: "defaultreplacements", fragment })),
    ...(parts.conversion
      ? [
          { marker: "crdkustomizecainjectionns", fragment: crdCaInjectionTarget(parts.crdName, 0) },
          { marker: "crdkustomizecainjectionname", fragment: crdCaInjectionTarget(parts.crdName, 1) },
        ]
      : []),
  ];
}

/** The insertions into config/crd/kustomization.yaml (a conversion webhook only). */
export function crdKustomizationInsertions(parts: KustomizeWebhookParts): Insertion[] {
  if (!parts.conversion) return [];
  return [
    { marker: "crdkustomizewebhookpatch", fragment: "patches:" },
    { marker: "crdkustomizewebhookpatch", fragment: `- path: patches/${parts.conversionPatchFile}` },
    { marker: "crdkustomizeconfigurations", fragment: "configurations:\n- kustomizeconfig.yaml" },
  ];
}
