import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { ResourceRegistry } from "../registry/registry.js";
import { builtinTypes } from "../registry/builtins.js";
import type { ResourceType } from "../registry/resource_type.js";
import { loadBuiltinOpenApi } from "./builtin_openapi.js";
import { OpenApiDocuments } from "./openapi_documents.js";

function widgetType(): ResourceType {
  const [template] = builtinTypes();
  assert.ok(template);
  return {
    ...template,
    group: "example.com",
    version: "v1",
    kind: "Widget",
    listKind: "WidgetList",
    resource: "widgets",
    openApiSchema: {
      type: "object",
      properties: { spec: { type: "object", properties: { size: { type: "integer" } } } },
    },
  };
}

/** A registry of the core/v1 built-in kinds (and the given ones): other built-in groups unserved. */
function registryWith(...types: ResourceType[]): ResourceRegistry {
  const registry = new ResourceRegistry();
  registry.replace(
    "",
    builtinTypes().filter((type) => type.group === ""),
  );
  for (const type of types) registry.replace(type.kind, [type]);
  return registry;
}

describe("served OpenAPI documents", () => {
  it("serves the reference's /openapi/v3 document of a built-in group version byte for byte", async () => {
    const builtin = await loadBuiltinOpenApi();
    const documents = new OpenApiDocuments(registryWith());
    const coreV1 = await documents.v3("api/v1");
    assert.ok(coreV1 && builtin.v3.get("api/v1")?.equals(coreV1.json));
    assert.equal(coreV1.etag, createHash("sha512").update(coreV1.json).digest("hex").toUpperCase());
    assert.equal(await documents.v3("apis/apps/v1"), undefined, "apps/v1 is not served by this registry");
    assert.equal(await documents.v3("apis/apps"), undefined);
  });

  it("lists each served document in the index with its hash", async () => {
    const documents = new OpenApiDocuments(registryWith(widgetType()));
    const index = JSON.parse((await documents.v3Index()).json.toString()) as {
      paths: Record<string, { serverRelativeURL: string }>;
    };
    for (const name of ["api/v1", "apis/example.com/v1", "version"]) {
      const document = await documents.v3(name);
      assert.ok(document, name);
      assert.equal(index.paths[name]?.serverRelativeURL, `/openapi/v3/${name}?hash=${document.etag}`);
    }
    assert.deepEqual(Object.keys(index.paths), Object.keys(index.paths).sort());
  });

  it("merges CRD definitions into the reference's /openapi/v2, keeping its ObjectMeta", async () => {
    const builtin = await loadBuiltinOpenApi();
    const reference = JSON.parse(builtin.v2.toString()) as { definitions: Record<string, unknown> };
    const documents = new OpenApiDocuments(registryWith(widgetType()));
    const swagger = JSON.parse((await documents.v2()).json.toString()) as {
      paths: Record<string, unknown>;
      definitions: Record<string, unknown>;
    };
    assert.ok(swagger.definitions["com.example.v1.Widget"]);
    const objectMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    assert.deepEqual(swagger.definitions[objectMeta], reference.definitions[objectMeta]);
    assert.ok(swagger.paths["/api/v1/namespaces/{namespace}/configmaps"]);
    assert.equal(swagger.paths["/apis/apps/v1/namespaces/{namespace}/deployments"], undefined);
    assert.ok(swagger.paths["/version/"], "paths outside the API are the reference's");
  });

  it("serializes the reference's /openapi/v2 back to its own bytes (kube-openapi's JSON)", async () => {
    const builtin = await loadBuiltinOpenApi();
    assert.ok(Buffer.from(JSON.stringify(JSON.parse(builtin.v2.toString()))).equals(builtin.v2));
  });

  it("keeps a document until the registry changes", async () => {
    const registry = registryWith();
    const documents = new OpenApiDocuments(registry);
    const first = await documents.v2();
    assert.equal(await documents.v2(), first);
    registry.replace("Widget", [widgetType()]);
    assert.notEqual((await documents.v2()).etag, first.etag);
    assert.equal(await documents.v3("api/v1"), await documents.v3("api/v1"));
  });
});
