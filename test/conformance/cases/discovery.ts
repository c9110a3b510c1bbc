/** Discovery: /version, /api, /apis, group versions; what kubectl api-resources is built from. */
import assert from "node:assert/strict";
import { KUBERNETES_VERSION } from "uselessctl/testenv";
import type { ConformanceCase } from "../harness/case.js";
import { bodyOf, expectStatus, GROUP, GROUP_VERSION } from "./helpers.js";

export const discoveryCases: ConformanceCase[] = [
  {
    area: "discovery",
    name: "/version reports the pinned Kubernetes release",
    async run(t) {
      const response = await t.send({ path: "/version" });
      expectStatus(response, 200);
      const { major, minor, gitVersion } = bodyOf(response);
      // Build date, Go version and commit describe the build, not the API; compare the release.
      t.record("GET /version (release)", { major, minor, gitVersion });
      assert.equal(gitVersion, KUBERNETES_VERSION.gitVersion);
    },
  },
  {
    area: "discovery",
    name: "/api lists the core version v1",
    async run(t) {
      const response = await t.send({ path: "/api" });
      expectStatus(response, 200);
      // serverAddressByClientCIDRs names the listening port, which differs per start.
      t.record("GET /api (kind, versions)", { kind: bodyOf(response)["kind"], versions: bodyOf(response)["versions"] });
      assert.deepEqual(bodyOf(response)["versions"], ["v1"]);
    },
  },
  {
    area: "discovery",
    name: "/apis lists the CRD group and apiextensions with their preferred versions",
    async run(t) {
      const response = await t.send({ path: "/apis" });
      expectStatus(response, 200);
      const groups = (bodyOf(response)["groups"] as { name: string }[]).filter((group) =>
        [GROUP, "apiextensions.k8s.io", "coordination.k8s.io", "events.k8s.io"].includes(group.name),
      );
      t.record("GET /apis (selected groups)", { kind: bodyOf(response)["kind"], groups });
      assert.ok(groups.some((group) => group.name === GROUP));
    },
  },
  {
    area: "discovery",
    name: "the CRD group version lists gizmos with verbs, short names, categories and subresources",
    async run(t) {
      const response = await t.http({ path: `/apis/${GROUP_VERSION}` });
      expectStatus(response, 200);
      const names = (bodyOf(response)["resources"] as { name: string }[]).map((resource) => resource.name).sort();
      assert.deepEqual(names, ["gizmos", "gizmos/scale", "gizmos/status"]);
    },
  },
  {
    area: "discovery",
    name: "/api/v1 describes configmaps, namespaces, secrets, serviceaccounts and events",
    async run(t) {
      const response = await t.send({ path: "/api/v1" });
      expectStatus(response, 200);
      const wanted = ["configmaps", "namespaces", "namespaces/status", "secrets", "serviceaccounts", "events"];
      const resources = (bodyOf(response)["resources"] as { name: string }[]).filter((resource) =>
        wanted.includes(resource.name),
      );
      t.record("GET /api/v1 (selected resources)", resources);
      assert.equal(resources.length, wanted.length);
    },
  },
  {
    area: "discovery",
    name: "an unknown group version is 404",
    async run(t) {
      expectStatus(await t.http({ path: "/apis/nope.example.com/v1" }), 404);
      expectStatus(await t.http({ path: `/apis/${GROUP}/v2` }), 404);
    },
  },
  {
    area: "discovery",
    name: "the CRD group document names v1 as preferred",
    async run(t) {
      expectStatus(await t.http({ path: `/apis/${GROUP}` }), 200);
    },
  },
  {
    area: "discovery",
    name: "aggregated discovery (apidiscovery.k8s.io/v2) describes the CRD group",
    async run(t) {
      const response = await t.send({
        path: "/apis",
        accept: "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json",
      });
      expectStatus(response, 200);
      const body = bodyOf(response);
      const group = (body["items"] as { metadata: { name: string } }[] | undefined)?.find(
        (item) => item.metadata.name === GROUP,
      );
      t.record("aggregated discovery: kind and the CRD group's entry", {
        kind: body["kind"],
        apiVersion: body["apiVersion"],
        group,
      });
      assert.equal(body["kind"], "APIGroupDiscoveryList");
      assert.ok(group, "the CRD group is listed");
    },
  },
];

discoveryCases.push({
  area: "discovery",
  name: "/version reports the emulated and minimum compatibility releases",
  async run(t) {
    const response = await t.send({ path: "/version" });
    expectStatus(response, 200);
    const { emulationMajor, emulationMinor, minCompatibilityMajor, minCompatibilityMinor } = bodyOf(response);
    t.record("GET /version (compatibility)", {
      emulationMajor,
      emulationMinor,
      minCompatibilityMajor,
      minCompatibilityMinor,
    });
    assert.equal(`${emulationMajor}.${emulationMinor}`, `${KUBERNETES_VERSION.major}.${KUBERNETES_VERSION.minor}`);
  },
});
