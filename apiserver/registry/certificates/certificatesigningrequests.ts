/**
 * certificates.k8s.io/v1 CertificateSigningRequests (pkg/registry/certificates/certificates):
 * the requester recorded from the request's user, a request that parses and verifies, usages,
 * signer name and duration checked, status written through /status and approval conditions
 * through /approval only; printed with the derived condition; selectable by spec.signerName.
 */
import { dns1123LabelErrors, dns1123SubdomainErrors } from "../../../apimachinery/index.js";
import { fieldErrors, type FieldError } from "../../errors/status.js";
import type { KubeObject } from "../../storage/types.js";
import { ageColumn, column, humanDuration, nameColumn } from "../printing.js";
import type { ResourceStrategy } from "../resource_type.js";
import { certificateChainError, certificateRequestError } from "./certificate_request.js";
import { columnDescriptions } from "./column_descriptions.js";

interface Spec {
  request?: string;
  signerName?: string;
  usages?: string[] | null;
  expirationSeconds?: number | null;
  username?: string;
  uid?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
}

interface Condition {
  type?: string;
  status?: string;
}

interface Status {
  conditions?: (Condition | null)[] | null;
  certificate?: string;
}

const specOf = (object: KubeObject) => (object.spec ?? {}) as Spec;
const statusOf = (object: KubeObject) => (object.status ?? {}) as Status;

/**
 * The user every request to this server is: the one admin its token authenticates (the binaries
 * control plane's token file names it `admin`, uid `admin`, in system:masters), with the group
 * kube-apiserver adds to every authenticated user.
 */
const requestUser = { username: "admin", uid: "admin", groups: ["system:masters", "system:authenticated"] };

const usages = [
  "any",
  "cert sign",
  "client auth",
  "code signing",
  "content commitment",
  "crl sign",
  "data encipherment",
  "decipher only",
  "digital signature",
  "email protection",
  "encipher only",
  "ipsec end system",
  "ipsec tunnel",
  "ipsec user",
  "key agreement",
  "key encipherment",
  "microsoft sgc",
  "netscape sgc",
  "ocsp signing",
  "s/mime",
  "server auth",
  "signing",
  "timestamping",
];
const legacySigner = "kubernetes.io/legacy-unknown";
const trueOnlyTypes = ["Approved", "Denied", "Failed"];

/** apivalidation.ValidateSignerName. */
function signerNameErrors(signerName: string, path: string): FieldError[] {
  if (!signerName) return [fieldErrors.required(path)];
  const segments = signerName.split("/");
  if (segments.length !== 2)
    return [
      fieldErrors.invalid(
        path,
        signerName,
        "must be a fully qualified domain and path of the form 'example.com/signer-name'",
      ),
    ];
  const [domain = "", name = ""] = segments;
  const errors: FieldError[] = [];
  if (domain.length > 253) errors.push(fieldErrors.tooLong(path, 253));
  const domainLabels = domain.split(".");
  for (const label of domainLabels) {
    const failures = dns1123LabelErrors(label);
    for (const failure of failures)
      errors.push(fieldErrors.invalid(path, domain, `validating label "${label}": ${failure}`));
    if (failures.length) break;
  }
  if (domainLabels.length < 2)
    errors.push(fieldErrors.invalid(path, domain, "should be a domain with at least two segments separated by dots"));
  for (const label of name.split(".")) {
    const failures = dns1123SubdomainErrors(label);
    for (const failure of failures)
      errors.push(fieldErrors.invalid(path, name, `validating label "${label}": ${failure}`));
    if (failures.length) break;
  }
  if (signerName.length > 253 + 253 + 63 + 1 + 1) errors.push(fieldErrors.tooLong(path, 253 + 253 + 63 + 1 + 1));
  return errors;
}

function conditionsErrors(conditions: Condition[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  let approved = false;
  let denied = false;
  conditions.forEach((condition, index) => {
    const path = `status.conditions[${index}]`;
    const type = condition.type ?? "";
    if (!type) errors.push(fieldErrors.required(`${path}.type`));
    const allowed = trueOnlyTypes.includes(type) ? ["True"] : ["False", "True", "Unknown"];
    if (!condition.status) errors.push(fieldErrors.required(`${path}.status`));
    else if (!allowed.includes(condition.status))
      errors.push(fieldErrors.notSupported(`${path}.status`, condition.status, allowed));
    if ((type === "Approved" && denied) || (type === "Denied" && approved))
      errors.push(
        fieldErrors.invalid("status.conditions", type, "Approved and Denied conditions are mutually exclusive"),
      );
    approved ||= type === "Approved";
    denied ||= type === "Denied";
    if (seen.has(type)) errors.push(fieldErrors.duplicate(`${path}.type`, type));
    seen.add(type);
  });
  return errors;
}

/** validateCertificateSigningRequest with the options a create (or an update of valid data) gets. */
function validateRequest(object: KubeObject, checkCertificate: boolean): FieldError[] {
  const spec = specOf(object);
  const errors: FieldError[] = [];
  const request = spec.request ?? "";
  const requestError = certificateRequestError(Buffer.from(request, "base64"));
  if (requestError) errors.push(fieldErrors.invalid("spec.request", request, requestError));
  const list = spec.usages ?? [];
  if (list.length === 0) errors.push(fieldErrors.required("spec.usages"));
  list.forEach((usage, index) => {
    if (!usages.includes(usage)) errors.push(fieldErrors.notSupported(`spec.usages[${index}]`, usage, usages));
  });
  list.forEach((usage, index) => {
    if (list.indexOf(usage) < index) errors.push(fieldErrors.duplicate(`spec.usages[${index}]`, usage));
  });
  const signerName = spec.signerName ?? "";
  if (signerName === legacySigner)
    errors.push(
      fieldErrors.invalid("spec.signerName", signerName, "the legacy signerName is not allowed via this API version"),
    );
  else errors.push(...signerNameErrors(signerName, "spec.signerName"));
  if (typeof spec.expirationSeconds === "number" && spec.expirationSeconds < 600)
    errors.push(
      fieldErrors.invalid(
        "spec.expirationSeconds",
        spec.expirationSeconds,
        "may not specify a duration less than 600 seconds (10 minutes)",
      ),
    );
  errors.push(...conditionsErrors((statusOf(object).conditions ?? []).map((c) => c ?? {})));
  const certificateError = checkCertificate
    ? certificateChainError(Buffer.from(statusOf(object).certificate ?? "", "base64"))
    : undefined;
  if (certificateError) errors.push(fieldErrors.invalid("status.certificate", "<certificate data>", certificateError));
  return errors;
}

const conditionsOfType = (object: KubeObject, type: string) =>
  (statusOf(object).conditions ?? []).filter((condition) => condition?.type === type);

/** validateCertificateSigningRequestUpdate: conditions kept, approval only via /approval, certificate only via /status. */
function validateUpdate(object: KubeObject, old: KubeObject, subresource: string): FieldError[] {
  const certificateChanged = (statusOf(object).certificate ?? "") !== (statusOf(old).certificate ?? "");
  const errors = validateRequest(object, certificateChanged);
  for (const type of ["Approved", "Denied", "Failed"])
    if (conditionsOfType(object, type).length < conditionsOfType(old, type).length)
      errors.push(fieldErrors.forbidden("status.conditions", `updates may not remove a condition of type "${type}"`));
  if (subresource !== "approval")
    for (const type of ["Approved", "Denied"])
      if (conditionsOfType(object, type).length > conditionsOfType(old, type).length)
        errors.push(fieldErrors.forbidden("status.conditions", `updates may not add a condition of type "${type}"`));
  if (certificateChanged) {
    if (subresource !== "status")
      errors.push(fieldErrors.forbidden("status.certificate", "updates may not set certificate content"));
    else if (statusOf(old).certificate)
      errors.push(fieldErrors.forbidden("status.certificate", "updates may not modify existing certificate content"));
  }
  return errors;
}

/** extractCSRStatus: the approval state, then Failed and Issued. */
function conditionCell(object: KubeObject): string {
  const types = new Set((statusOf(object).conditions ?? []).map((condition) => condition?.type));
  let status = types.has("Denied") ? "Denied" : types.has("Approved") ? "Approved" : "Pending";
  if (types.has("Failed")) status += ",Failed";
  if (statusOf(object).certificate) status += ",Issued";
  return status;
}

const descriptions = columnDescriptions.CertificateSigningRequest;

export const certificateSigningRequestStrategy: ResourceStrategy = {
  validate: (object, old, context) =>
    old ? validateUpdate(object, old, context?.subresource ?? "") : validateRequest(object, true),
  prepareForCreate(object) {
    const { username: _u, uid: _i, groups: _g, extra: _e, ...spec } = specOf(object);
    object.spec = { ...spec, ...requestUser };
    object.status = {};
  },
  prepareForUpdate(object, old, subresource) {
    object.spec = old.spec;
    if (subresource === "status") return;
    const conditions = statusOf(object).conditions;
    object.status = subresource === "approval" ? { ...statusOf(old), conditions } : old.status;
  },
  fieldSelectors: { "spec.signerName": (o) => specOf(o).signerName ?? "" },
  columns: [
    nameColumn,
    ageColumn,
    column("SignerName", descriptions.SignerName, (o) => specOf(o).signerName || "<none>"),
    column("Requestor", descriptions.Requestor, (o) => specOf(o).username ?? ""),
    column("RequestedDuration", descriptions.RequestedDuration, (o) => {
      const seconds = specOf(o).expirationSeconds;
      return typeof seconds === "number" ? humanDuration(seconds * 1000) : "<none>";
    }),
    column("Condition", descriptions.Condition, conditionCell),
  ],
};
