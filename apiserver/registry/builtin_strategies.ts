/**
 * Every built-in group's strategies, by group name ("" for core) and resource: what a kind does
 * beyond the generic behaviour of its Go type. One folder per group, one file per kind, as
 * kube-apiserver keeps pkg/registry/<group>/<kind>/strategy.go.
 */
import type { ResourceStrategy } from "./resource_type.js";
import { strategies as apps } from "./apps/index.js";
import { strategies as batch } from "./batch/index.js";
import { strategies as coordination } from "./coordination/index.js";
import { strategies as core } from "./core/index.js";
import { strategies as events } from "./events/index.js";

export const builtinStrategies: Readonly<Record<string, Readonly<Record<string, ResourceStrategy>>>> = {
  "": core,
  apps,
  batch,
  "coordination.k8s.io": coordination,
  "events.k8s.io": events,
};
