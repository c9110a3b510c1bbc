import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { roundResourceLists } from "./resource_lists.js";

describe("roundResourceLists", () => {
  it("rounds every ResourceList a Pod reaches up to milli-units, a null to zero", () => {
    const pod = {
      spec: {
        containers: [{ name: "a", resources: { limits: { cpu: "1.5m", memory: "0.0001" }, requests: { cpu: null } } }],
        overhead: { cpu: "100u" },
        volumes: [{ name: "v", emptyDir: { sizeLimit: "1.5m" } }],
      },
    };
    roundResourceLists(pod, "core/v1.Pod");
    assert.deepEqual(pod.spec.containers[0]?.resources, {
      limits: { cpu: "2m", memory: "1m" },
      requests: { cpu: "0" },
    });
    assert.deepEqual(pod.spec.overhead, { cpu: "1m" });
    // A Quantity outside a ResourceList is only canonicalized by the decoder, never rounded.
    assert.equal(pod.spec.volumes[0]?.emptyDir.sizeLimit, "1.5m");
  });

  it("reaches a StatefulSet's claim templates and leaves unparsable values to the decoder", () => {
    const set = {
      spec: { volumeClaimTemplates: [{ spec: { resources: { requests: { storage: "1.0001Ki", x: "1.2.3" } } } }] },
    };
    roundResourceLists(set, "apps/v1.StatefulSet");
    assert.deepEqual(set.spec.volumeClaimTemplates[0]?.spec.resources.requests, { storage: "1024103m", x: "1.2.3" });
  });

  it("keeps a value rounding leaves unchanged as written, as Quantity keeps its canonical-looking text", () => {
    const template = { spec: { containers: [{ resources: { limits: { cpu: "+1", memory: "01", x: "1500u" } } }] } };
    roundResourceLists(template, "core/v1.PodTemplateSpec");
    assert.deepEqual(template.spec.containers[0]?.resources.limits, { cpu: "+1", memory: "01", x: "2m" });
  });

  it("leaves kinds that hold no ResourceList untouched", () => {
    const map = { data: { cpu: "1.5m" } };
    roundResourceLists(map, "core/v1.ConfigMap");
    assert.deepEqual(map, { data: { cpu: "1.5m" } });
  });
});
