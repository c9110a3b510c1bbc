/**
 * kube-apiserver's audit log as the record of one user's refused requests: the binaries control
 * plane's way to tell a test which requests of its runAs identity RBAC refused.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ForbiddenRequest } from "../run_as_markers.js";

/** kube-apiserver's audit log of the runAs identity's requests: how the binaries report refusals. */
export function auditFlags(directory: string, logPath: string, username: string): string[] {
  const policy = join(directory, "audit-policy.yaml");
  writeFileSync(
    policy,
    [
      "apiVersion: audit.k8s.io/v1",
      "kind: Policy",
      "omitStages: [RequestReceived]",
      "rules:",
      `- level: Metadata`,
      `  users: [${JSON.stringify(username)}]`,
      "- level: None",
      "",
    ].join("\n"),
  );
  return [`--audit-policy-file=${policy}`, `--audit-log-path=${logPath}`];
}

interface AuditEvent {
  verb?: string;
  requestURI?: string;
  user?: { username?: string };
  objectRef?: { resource?: string; subresource?: string; namespace?: string; name?: string; apiGroup?: string };
  responseStatus?: { code?: number };
}

export function auditedDenials(logPath: string, username: string): ForbiddenRequest[] {
  if (!existsSync(logPath)) return [];
  const denials: ForbiddenRequest[] = [];
  for (const line of readFileSync(logPath, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const event = JSON.parse(line) as AuditEvent;
    if (event.user?.username !== username || event.responseStatus?.code !== 403) continue;
    const ref = event.objectRef;
    denials.push({
      verb: event.verb ?? "",
      apiGroup: ref?.apiGroup ?? "",
      resource: ref?.resource ?? "",
      subresource: ref?.subresource ?? "",
      namespace: ref?.namespace ?? "",
      name: ref?.name ?? "",
      path: (event.requestURI ?? "").split("?")[0] ?? "",
      resourceRequest: ref !== undefined,
    });
  }
  return denials;
}
