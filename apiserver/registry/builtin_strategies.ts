/**
 * Every built-in group's strategies, by group name ("" for core) and resource: what a kind does
 * beyond the generic behaviour of its Go type. One folder per group, one file per kind, as
 * kube-apiserver keeps pkg/registry/<group>/<kind>/strategy.go.
 */
import type { ResourceStrategy } from "./resource_type.js";
import { strategies as admissionregistration } from "./admissionregistration/index.js";
import { strategies as apps } from "./apps/index.js";
import { strategies as autoscaling } from "./autoscaling/index.js";
import { strategies as batch } from "./batch/index.js";
import { strategies as certificates } from "./certificates/index.js";
import { strategies as coordination } from "./coordination/index.js";
import { strategies as core } from "./core/index.js";
import { strategies as discovery } from "./discovery/index.js";
import { strategies as events } from "./events/index.js";
import { strategies as networking } from "./networking/index.js";
import { strategies as node } from "./node/index.js";
import { strategies as policy } from "./policy/index.js";
import { strategies as rbac } from "./rbac/index.js";
import { strategies as scheduling } from "./scheduling/index.js";
import { strategies as storage } from "./storage/index.js";

export const builtinStrategies: Readonly<Record<string, Readonly<Record<string, ResourceStrategy>>>> = {
  "": core,
  "admissionregistration.k8s.io": admissionregistration,
  autoscaling,
  "certificates.k8s.io": certificates,
  apps,
  batch,
  "coordination.k8s.io": coordination,
  "discovery.k8s.io": discovery,
  "events.k8s.io": events,
  "networking.k8s.io": networking,
  policy,
  "node.k8s.io": node,
  "rbac.authorization.k8s.io": rbac,
  "scheduling.k8s.io": scheduling,
  "storage.k8s.io": storage,
};
