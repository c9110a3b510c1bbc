import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cells, createWith, object } from "../internal/testing/strategy_writes.js";
import { podDisruptionBudgetStrategy as strategy } from "./poddisruptionbudgets.js";

const budget = (name: string, spec: Record<string, unknown>) =>
  object("policy/v1", "PodDisruptionBudget", name, { spec });

// Expected values are kube-apiserver v1.37.2's answers to the same bodies.
describe("PodDisruptionBudgets", () => {
  it("starts with a zero status and prints N/A for the bound it lacks", () => {
    const created = budget("p1", { minAvailable: 1, selector: { matchLabels: { app: "x" } } });
    assert.deepEqual(createWith(strategy, created), []);
    assert.deepEqual(created.status, { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 });
    assert.deepEqual(cells(strategy, created), ["p1", "1", "N/A", 0, "5s"]);
    assert.deepEqual(createWith(strategy, budget("p4", {})), []);
  });

  it("refuses both bounds, bad values, selectors and policies", () => {
    assert.deepEqual(
      createWith(
        strategy,
        budget("p2", { minAvailable: 1, maxUnavailable: "50%", selector: { matchLabels: { app: "x" } } }),
      ),
      [
        'spec: Invalid value: {"MinAvailable":1,"Selector":{"matchLabels":{"app":"x"}},"MaxUnavailable":"50%","UnhealthyPodEvictionPolicy":null}: minAvailable and maxUnavailable cannot be both set',
      ],
    );
    assert.deepEqual(
      createWith(
        strategy,
        budget("p3", {
          minAvailable: -1,
          maxUnavailable: "150%",
          unhealthyPodEvictionPolicy: "X",
          selector: { matchExpressions: [{ key: "a", operator: "Foo" }] },
        }),
      ),
      [
        'spec: Invalid value: {"MinAvailable":-1,"Selector":{"matchExpressions":[{"key":"a","operator":"Foo"}]},"MaxUnavailable":"150%","UnhealthyPodEvictionPolicy":"X"}: minAvailable and maxUnavailable cannot be both set',
        "spec.minAvailable: Invalid value: -1: must be greater than or equal to 0",
        'spec.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
        'spec.selector.matchExpressions[0].operator: Invalid value: "Foo": not a valid selector operator',
        'spec.unhealthyPodEvictionPolicy: Unsupported value: "X": supported values: "AlwaysAllow", "IfHealthyBudget"',
      ],
    );
  });
});
