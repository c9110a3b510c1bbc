import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { kubernetesEnvironment } from "./cel_rules.js";

const environment = kubernetesEnvironment();
const run = (expression: string, context: Record<string, unknown> = {}): unknown =>
  environment.parse(expression)(context);

describe("the Kubernetes CEL libraries", () => {
  it("lists: isSorted, sum, min, max, indexOf, lastIndexOf", () => {
    assert.equal(run("[1, 2, 2, 3].isSorted()"), true);
    assert.equal(run("['b', 'a'].isSorted()"), false);
    assert.equal(run("[1, 2, 3].sum()"), 6n);
    assert.equal(run("[].sum()"), 0n);
    assert.equal(run("[3, 1, 2].min()"), 1n);
    assert.equal(run("['a', 'c', 'b'].max()"), "c");
    assert.equal(run("[1, 2, 1].indexOf(1)"), 0n);
    assert.equal(run("[1, 2, 1].lastIndexOf(1)"), 2n);
    assert.equal(run("[1, 2].indexOf(5)"), -1n);
    assert.throws(() => run("[].min()"), /min\(list\) argument must not be empty/);
  });

  it("regex and strings: find, findAll, replace, charAt, reverse", () => {
    assert.equal(run("'abc 123 def 456'.find('[0-9]+')"), "123");
    assert.equal(run("'abc'.find('[0-9]+')"), "");
    assert.deepEqual(run("'a1b2c3'.findAll('[0-9]')"), ["1", "2", "3"]);
    assert.deepEqual(run("'a1b2c3'.findAll('[0-9]', 2)"), ["1", "2"]);
    assert.equal(run("'a-b-c'.replace('-', '.')"), "a.b.c");
    assert.equal(run("'hello'.charAt(1)"), "e");
    assert.equal(run("'abc'.reverse()"), "cba");
  });

  it("sets: contains, equivalent, intersects", () => {
    assert.equal(run("sets.contains([1, 2, 3], [3, 1])"), true);
    assert.equal(run("sets.contains([1, 2], [4])"), false);
    assert.equal(run("sets.equivalent([1, 2, 2], [2, 1])"), true);
    assert.equal(run("sets.intersects(['a'], ['b', 'a'])"), true);
    assert.equal(run("sets.intersects(['a'], ['b'])"), false);
  });

  it("quantity: parsing, comparison and exact arithmetic", () => {
    assert.equal(run("isQuantity('1.5Gi')"), true);
    assert.equal(run("isQuantity('1.5 Gi')"), false);
    assert.equal(run("quantity('1Gi').isGreaterThan(quantity('1G'))"), true);
    assert.equal(run("quantity('500m').isLessThan(quantity('1'))"), true);
    assert.equal(run("quantity('1k').compareTo(quantity('1000'))"), 0n);
    assert.equal(run("quantity('1.5').add(quantity('500m')).asInteger()"), 2n);
    assert.equal(run("quantity('2').sub(3).sign()"), -1n);
    assert.equal(run("quantity('1500m').isInteger()"), false);
    assert.equal(run("quantity('250m').asApproximateFloat()"), 0.25);
    assert.throws(() => run("quantity('1500m').asInteger()"), /cannot convert value to integer/);
  });
});
