/**
 * The ClusterRole aggregation controller (kube-controller-manager's clusterrole-aggregation,
 * pkg/controller/clusterroleaggregation): a ClusterRole with an aggregationRule holds the rules of
 * every other ClusterRole its selectors match, in name order without repeats, kept live as
 * ClusterRoles change. It writes them by server-side apply as "clusterrole-aggregation-controller",
 * forcing, and only when they differ.
 */
import { selectorFromLabelSelector, type LabelSelector } from "../../../apimachinery/index.js";
import { applyPatch } from "../../registry/apply_patch.js";
import type { ObjectService } from "../../registry/object_service.js";
import type { ResourceType } from "../../registry/resource_type.js";
import { equalJson } from "../../storage/deep_values.js";
import type { KubeObject } from "../../storage/types.js";
import { policyCollections, rulesOf } from "./policy_index.js";
import type { PolicyRule } from "./policy_rule.js";

function selectorsOf(role: KubeObject): LabelSelector[] | undefined {
  const rule = role.aggregationRule as { clusterRoleSelectors?: (LabelSelector | null)[] } | null | undefined;
  if (!rule || typeof rule !== "object") return undefined;
  return (rule.clusterRoleSelectors ?? []).map((selector) => selector ?? {});
}

/** The rules `role` aggregates from `roles` (all ClusterRoles, in name order). */
export function aggregatedRules(role: KubeObject, roles: readonly KubeObject[]): PolicyRule[] | undefined {
  const selectors = selectorsOf(role);
  if (!selectors) return undefined;
  const rules: PolicyRule[] = [];
  for (const labelSelector of selectors) {
    let selector;
    try {
      selector = selectorFromLabelSelector(labelSelector);
    } catch {
      // Validation refuses such a selector; a stored one is left alone, as the controller errors out.
      return undefined;
    }
    for (const other of roles) {
      if (other.metadata.name === role.metadata.name || !selector.matches(other.metadata.labels)) continue;
      for (const rule of rulesOf(other)) if (!rules.some((known) => equalJson(known, rule))) rules.push(rule);
    }
  }
  return rules;
}

export class ClusterRoleAggregationController {
  readonly #service: ObjectService;
  readonly #type: ResourceType;
  #unsubscribe: (() => void) | undefined;
  #pending: Promise<void> | undefined;
  #dirty = false;

  constructor(service: ObjectService, clusterRoleType: ResourceType) {
    this.#service = service;
    this.#type = clusterRoleType;
  }

  /** Syncs every aggregated ClusterRole now, then after each ClusterRole change. */
  async start(): Promise<void> {
    this.#unsubscribe = this.#service.store.subscribe(policyCollections.clusterRoles, () => this.#schedule());
    await this.#syncAll();
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** Resolves when the writes caused by changes so far are done. */
  async settled(): Promise<void> {
    while (this.#pending) await this.#pending;
  }

  #schedule(): void {
    this.#dirty = true;
    this.#pending ??= (async () => {
      // A burst of changes (a kubectl apply of many roles) is synced once.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.#dirty && this.#unsubscribe) {
        this.#dirty = false;
        await this.#syncAll().catch(() => undefined);
      }
      this.#pending = undefined;
    })();
  }

  async #syncAll(): Promise<void> {
    const roles = this.#service.store.list(policyCollections.clusterRoles);
    for (const role of roles) {
      const rules = aggregatedRules(role, roles);
      // Semantic.DeepEqual: no rules and an empty list are the same.
      if (!rules || equalJson(rules, rulesOf(role))) continue;
      const name = role.metadata.name ?? "";
      await applyPatch(
        this.#service,
        this.#type,
        undefined,
        name,
        {
          apiVersion: "rbac.authorization.k8s.io/v1",
          kind: "ClusterRole",
          metadata: { name },
          ...(rules.length ? { rules } : {}),
        },
        {
          dryRun: false,
          fieldValidation: "Strict",
          manager: { manager: "clusterrole-aggregation-controller" },
          subresource: "",
          force: true,
        },
      );
    }
  }
}
