import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { loadBuiltinOpenApi } from "../discovery/builtin_openapi.js";
import { encodeOpenApiV2Protobuf } from "./openapi_v2_protobuf.js";
import { goYamlOfJson } from "./yaml_node_emitter.js";
import { protobufFields } from "./protobuf_reader.js";

function encode(document: unknown): Buffer {
  return encodeOpenApiV2Protobuf(Buffer.from(JSON.stringify(document)));
}

const minimal = { swagger: "2.0", info: { title: "Kubernetes", version: "unversioned" }, paths: {} };

/** The bytes of field `number` (length-delimited) at the top level of `message`, in order. */
function fieldsOf(message: Buffer, number: number): Buffer[] {
  return protobufFields(message)
    .filter((field) => field.number === number && field.value instanceof Buffer)
    .map((field) => field.value as Buffer);
}

describe("OpenAPI v2 as gnostic's protobuf Document", () => {
  it("encodes the reference's /openapi/v2 to the reference's protobuf bytes", async () => {
    const builtin = await loadBuiltinOpenApi();
    const encoded = encodeOpenApiV2Protobuf(builtin.v2);
    assert.equal(createHash("sha512").update(encoded).digest("hex"), builtin.protobufV2Sha512);
  });

  it("takes a parameter with $ref as a JsonReference and one with `in: body` as a BodyParameter", () => {
    const reference = { $ref: "#/parameters/pretty" };
    const body = { in: "body", name: "body", required: true, schema: { type: "object" } };
    const encoded = encode({ ...minimal, paths: { "/x": { parameters: [reference, body] } } });
    const [paths] = fieldsOf(encoded, 8);
    const [namedPath] = fieldsOf(paths ?? Buffer.alloc(0), 2);
    const [pathItem] = fieldsOf(namedPath ?? Buffer.alloc(0), 2);
    const [asReference, asParameter] = fieldsOf(pathItem ?? Buffer.alloc(0), 9);
    assert.deepEqual(fieldsOf(asReference ?? Buffer.alloc(0), 2).length, 1, "ParametersItem.json_reference");
    const [parameter] = fieldsOf(asParameter ?? Buffer.alloc(0), 1);
    assert.equal(fieldsOf(parameter ?? Buffer.alloc(0), 1).length, 1, "Parameter.body_parameter");
  });

  it("keeps `additionalProperties: false` (a oneof's zero value is written)", () => {
    const encoded = encode({ ...minimal, definitions: { Closed: { type: "object", additionalProperties: false } } });
    const [definitions] = fieldsOf(encoded, 9);
    const [named] = fieldsOf(definitions ?? Buffer.alloc(0), 1);
    const [schema] = fieldsOf(named ?? Buffer.alloc(0), 2);
    assert.ok(
      schema?.includes(Buffer.from([0xaa, 0x01, 0x02, 0x10, 0x00])),
      "additional_properties { boolean: false }",
    );
  });

  it("refuses a document the compiler refuses", () => {
    assert.throws(() => encode({ swagger: "3.0", info: minimal.info, paths: {} }), /openapi v2 protobuf/);
    assert.throws(() => encode({ swagger: "2.0", paths: {} }), /missing required info/);
  });
});

describe("YAML of OpenAPI Any values, as go-yaml writes them", () => {
  it("writes scalars plain unless they would read as something else", () => {
    assert.equal(goYamlOfJson("merge,retainKeys"), "merge,retainKeys\n");
    assert.equal(goYamlOfJson("*"), "'*'\n");
    assert.equal(goYamlOfJson(""), '""\n');
    assert.equal(goYamlOfJson("true"), '"true"\n');
    assert.equal(goYamlOfJson(true), "true\n");
    assert.equal(goYamlOfJson(0), "0\n");
  });

  it("writes sequences of mappings with the first key on the dash line", () => {
    assert.equal(
      goYamlOfJson([{ group: "", kind: "Pod", version: "v1" }]),
      '- group: ""\n  kind: Pod\n  version: v1\n',
    );
    assert.equal(
      goYamlOfJson([{ discriminator: "type", "fields-to-discriminateBy": { localhostProfile: "LocalhostProfile" } }]),
      "- discriminator: type\n  fields-to-discriminateBy:\n    localhostProfile: LocalhostProfile\n",
    );
  });
});
