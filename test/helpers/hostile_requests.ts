/**
 * fast-check generators of requests a careless or hostile client sends: bodies (well-formed,
 * malformed, deeply nested, unknown fields, wrong types), YAML with aliases, query parameters,
 * selectors, patches of every type and delete options, against a few resource types.
 */
import fc from "fast-check";
import yaml from "js-yaml";

export interface GeneratedRequest {
  method: string;
  /** The collection the request addresses (for checking what it left behind). */
  resource: Resource;
  path: string;
  body?: string;
  contentType?: string;
  /** A request whose outcome the decoding bounds decide (depth, aliases, size): both servers must agree. */
  bounded: boolean;
}

export interface Resource {
  collectionPath(namespace: string): string;
  apiVersion: string;
  kind: string;
}

export const RESOURCES: readonly Resource[] = [
  { collectionPath: (ns) => `/api/v1/namespaces/${ns}/configmaps`, apiVersion: "v1", kind: "ConfigMap" },
  { collectionPath: (ns) => `/api/v1/namespaces/${ns}/secrets`, apiVersion: "v1", kind: "Secret" },
  { collectionPath: (ns) => `/api/v1/namespaces/${ns}/serviceaccounts`, apiVersion: "v1", kind: "ServiceAccount" },
  {
    collectionPath: (ns) => `/apis/conformance.uselessctl.dev/v1/namespaces/${ns}/gizmos`,
    apiVersion: "conformance.uselessctl.dev/v1",
    kind: "Gizmo",
  },
];

/** The object every run may update, patch or delete; recreated when a run deleted it. */
export const TARGET_NAME = "target";

const names = fc.constantFrom(TARGET_NAME, "a", "b-1", "Bad_Name", "", "x".repeat(254), "a.b");
const keys = fc.constantFrom("a", "b.c", "app", "k8s.io/x", "bad key", "", "x".repeat(70));
const scalars = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null));

const metadata = fc.record(
  {
    name: names,
    generateName: fc.constantFrom("gen-", "Bad_"),
    labels: fc.dictionary(keys, fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), { maxKeys: 3 }),
    annotations: fc.dictionary(keys, fc.string({ maxLength: 8 }), { maxKeys: 2 }),
    finalizers: fc.array(fc.constantFrom("example.com/f", "bad finalizer", "kubernetes"), { maxLength: 2 }),
    resourceVersion: fc.constantFrom("1", "abc", "999999"),
    uid: fc.constantFrom("u-1", ""),
    foo: scalars,
  },
  { requiredKeys: [] },
);

/** An object body: right or wrong type meta, metadata, and fields of the kinds or none. */
function objectBody(resource: Resource): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      apiVersion: fc.constantFrom(resource.apiVersion, "v2", "conformance.uselessctl.dev/v9", 7),
      kind: fc.constantFrom(resource.kind, "ConfigMap", "Secret", "Nope"),
      metadata: fc.oneof(metadata, fc.constant(null), fc.constant([])),
      data: fc.dictionary(keys, fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.constant("aGVsbG8=")), {
        maxKeys: 3,
      }),
      stringData: fc.dictionary(keys, fc.string({ maxLength: 8 }), { maxKeys: 2 }),
      spec: fc.oneof(
        fc.record({
          size: fc.oneof(fc.integer({ min: -5, max: 200 }), fc.string()),
          color: fc.string({ maxLength: 6 }),
        }),
        fc.jsonValue({ maxDepth: 3 }),
      ),
      secrets: fc.array(fc.oneof(fc.record({ name: fc.string({ maxLength: 5 }), foo: scalars }), scalars), {
        maxLength: 2,
      }),
      unknown: fc.jsonValue({ maxDepth: 3 }),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, unknown>>;
}

/** Nesting right at encoding/json's 10,000-level limit, on either side of it. */
const deepField = fc.integer({ min: 9_990, max: 10_010 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`);

/** A YAML document with `levels` levels of nine-fold aliasing. */
function laughs(levels: number): string {
  const anchors = Array.from({ length: levels }, (_, index) =>
    index === 0
      ? `  l0: &l0 "lol"`
      : `  l${index}: &l${index} [${Array(9)
          .fill(`*l${index - 1}`)
          .join(",")}]`,
  );
  return `laughs:\n${anchors.join("\n")}\n`;
}

/**
 * A Gizmo whose preserve-unknown-fields `spec.config` holds a deep value: arrays on either side of
 * the decoder's limit (decided by the bounds), or objects deep enough to strain recursive
 * processing (managedFields track each object level).
 */
const deepGizmo = fc.oneof(
  deepField.map((deep) => ({ deep, bounded: true })),
  fc
    .integer({ min: 1_000, max: 6_000 })
    .map((depth) => ({ deep: `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`, bounded: false })),
);

const malformed = fc.constantFrom("", "{", "[", "null", "7", '"s"', '{"a":1}{', "{'a':1}", "\u0000", "a: [b");

interface Body {
  text: string;
  contentType: string;
  bounded: boolean;
}

function bodyFor(resource: Resource): fc.Arbitrary<Body> {
  const json = (text: string, bounded = false): Body => ({ text, contentType: "application/json", bounded });
  return fc.oneof(
    { weight: 5, arbitrary: objectBody(resource).map((object) => json(JSON.stringify(object))) },
    {
      weight: 2,
      arbitrary: objectBody(resource).map((object) => ({
        text: yaml.dump(object),
        contentType: "application/yaml",
        bounded: false,
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constant(TARGET_NAME), deepField)
        .map(([name, deep]) =>
          json(
            `{"apiVersion":"${resource.apiVersion}","kind":"${resource.kind}","metadata":{"name":"${name}"},"foo":${deep}}`,
            true,
          ),
        ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constant(TARGET_NAME), fc.integer({ min: 1, max: 9 })).map(([name, levels]) => ({
        text: `apiVersion: ${resource.apiVersion}\nkind: ${resource.kind}\nmetadata:\n  name: "${name}"\n${laughs(levels)}`,
        contentType: "application/yaml",
        bounded: levels >= 6,
      })),
    },
    { weight: 1, arbitrary: malformed.map((text) => json(text)) },
    {
      weight: resource.kind === "Gizmo" ? 1 : 0,
      arbitrary: fc
        .tuple(fc.constantFrom(TARGET_NAME, "deep"), deepGizmo)
        .map(([name, { deep, bounded }]) =>
          json(
            `{"apiVersion":"${resource.apiVersion}","kind":"${resource.kind}","metadata":{"name":"${name}"},"spec":{"size":3,"config":{"x":${deep}}}}`,
            bounded,
          ),
        ),
    },
  );
}

const queryValues = {
  limit: fc.constantFrom("1", "2", "0", "-1", "abc", "1.5", "1e3"),
  labelSelector: fc.oneof(
    fc
      .tuple(keys, fc.constantFrom("=", "==", "!=", " in ", " notin ", ""), fc.constantFrom("x", "(x,y)", "", "!"))
      .map(([key, operator, value]) => `${key}${operator}${value}`),
    fc.string({ maxLength: 10 }),
  ),
  fieldSelector: fc.constantFrom("metadata.name=a", "metadata.namespace!=x", "foo=bar", "=", "metadata.name", ""),
  resourceVersion: fc.constantFrom("", "0", "1", "abc", "-5"),
  resourceVersionMatch: fc.constantFrom("NotOlderThan", "Exact", "bogus"),
  fieldValidation: fc.constantFrom("Ignore", "Warn", "Strict", "", "Loose"),
  dryRun: fc.constantFrom("All", "Yes"),
};

function query(wanted: (keyof typeof queryValues)[]): fc.Arbitrary<string> {
  const picked = Object.fromEntries(wanted.map((key) => [key, queryValues[key]])) as Record<
    string,
    fc.Arbitrary<string>
  >;
  return fc.record(picked, { requiredKeys: [] }).map((values) => {
    const text = new URLSearchParams(values as Record<string, string>).toString();
    return text ? `?${text}` : "";
  });
}

const patchBodies: fc.Arbitrary<{ text: string; contentType: string }> = fc.oneof(
  fc
    .jsonValue({ maxDepth: 3 })
    .map((value) => ({ text: JSON.stringify(value), contentType: "application/merge-patch+json" })),
  fc
    .record(
      {
        metadata: fc.record(
          { labels: fc.dictionary(keys, scalars, { maxKeys: 2 }), finalizers: fc.jsonValue() },
          { requiredKeys: [] },
        ),
        data: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: [] },
    )
    .map((value) => ({ text: JSON.stringify(value), contentType: "application/strategic-merge-patch+json" })),
  fc
    .array(
      fc.record(
        {
          op: fc.constantFrom("add", "remove", "replace", "move", "copy", "test", "nope"),
          path: fc.constantFrom(
            "",
            "/",
            "/data/a",
            "/metadata/labels/x",
            "/spec/size",
            "/metadata/name",
            "/a/b/c",
            "/data/-",
          ),
          from: fc.constantFrom("/data", "/metadata/labels", "/nothing"),
          value: fc.jsonValue({ maxDepth: 2 }),
        },
        { requiredKeys: ["op"] },
      ),
      { maxLength: 3 },
    )
    .map((operations) => ({ text: JSON.stringify(operations), contentType: "application/json-patch+json" })),
  malformed.map((text) => ({ text, contentType: "application/merge-patch+json" })),
);

const deleteBodies = fc.oneof(
  fc.constant(undefined),
  fc
    .record(
      {
        propagationPolicy: fc.constantFrom("Foreground", "Background", "Orphan", "Sideways"),
        gracePeriodSeconds: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constant("x")),
        preconditions: fc.record(
          { uid: fc.constantFrom("u", ""), resourceVersion: fc.constantFrom("1", "x") },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    )
    .map((options) => JSON.stringify({ kind: "DeleteOptions", apiVersion: "v1", ...options })),
  malformed,
);

/** One request against `namespace`, of any verb, with whatever the generators choose. */
export function requestArbitrary(namespace: string): fc.Arbitrary<GeneratedRequest> {
  return fc.constantFrom(...RESOURCES).chain((resource) => {
    const collection = resource.collectionPath(namespace);
    const target = `${collection}/${TARGET_NAME}`;
    return fc.oneof(
      fc.tuple(bodyFor(resource), query(["fieldValidation", "dryRun"])).map(([body, q]) => ({
        method: "POST",
        resource,
        // Options are left out where the bounds decide, so that nothing else does.
        path: body.bounded ? collection : `${collection}${q}`,
        body: body.text,
        contentType: body.contentType,
        bounded: body.bounded,
      })),
      fc.tuple(bodyFor(resource), query(["fieldValidation", "dryRun"])).map(([body, q]) => ({
        method: "PUT",
        resource,
        path: body.bounded ? target : `${target}${q}`,
        body: body.text,
        contentType: body.contentType,
        bounded: body.bounded,
      })),
      fc.tuple(patchBodies, query(["fieldValidation", "dryRun"])).map(([patch, q]) => ({
        method: "PATCH",
        resource,
        path: `${target}${q}`,
        body: patch.text,
        contentType: patch.contentType,
        bounded: false,
      })),
      query(["limit", "labelSelector", "fieldSelector", "resourceVersion", "resourceVersionMatch"]).map((q) => ({
        method: "GET",
        resource,
        path: `${collection}${q}`,
        bounded: false,
      })),
      fc.tuple(deleteBodies, query(["dryRun"])).map(([body, q]) => ({
        method: "DELETE",
        resource,
        path: `${target}${q}`,
        ...(body === undefined ? {} : { body, contentType: "application/json" }),
        bounded: false,
      })),
    );
  });
}
