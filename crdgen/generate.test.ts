/**
 * generateManifests as a whole: determinism, options, size warnings, declaration-file
 * resolution of "uselessctl", tsconfig discovery and the marker help table.
 */
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import typescript from "./typescript.js";
import { generateManifests, markerHelp } from "./index.js";
import {
  fixtureCompilerOptions,
  fixtureFiles,
  generateFixture,
  repositoryRoot,
  testdataRoot,
} from "./internal/fixtures.js";

const basic = join(testdataRoot, "valid", "basic");
const scratch = mkdtempSync(join(tmpdir(), "crdgen-test-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

function writeFiles(root: string, files: Record<string, string>): string[] {
  return Object.entries(files).map(([path, text]) => {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  });
}

describe("generateManifests", () => {
  it("produces byte-identical files on every run, whatever the order of its inputs", () => {
    const files = fixtureFiles(basic);
    const first = generateManifests({ rootDir: basic, ...files, compilerOptions: fixtureCompilerOptions() });
    const second = generateManifests({
      rootDir: basic,
      apiFiles: [...files.apiFiles].reverse(),
      controllerFiles: [...files.controllerFiles].reverse(),
      compilerOptions: fixtureCompilerOptions(),
    });
    assert.ok(first.files.length > 0);
    assert.deepEqual(second.files, first.files);
    assert.deepEqual(
      first.files.map((file) => file.path),
      [
        "config/crd/bases/useless.container.training_machines.yaml",
        "config/crd/bases/useless.container.training_switches.yaml",
        "config/rbac/role.yaml",
      ],
    );
    assert.equal(first.role?.kind, "ClusterRole");
  });

  it("cuts descriptions at maxDescriptionLength, or drops them at 0, as controller-gen's maxDescLen", () => {
    const cut = generateFixture(basic, { maxDescriptionLength: 10 });
    const crd = cut.files[0]?.content ?? "";
    assert.match(crd, /description: Machine is\.\.\./);
    assert.doesNotMatch(crd, /description: .{11,}[^.]\n/);
    const none = generateFixture(basic, { maxDescriptionLength: 0 });
    assert.doesNotMatch(none.files.map((file) => file.content).join(""), /description:/);
  });

  it("writes the controllerGenVersion annotation", () => {
    const result = generateFixture(basic, { controllerGenVersion: "uselessctl-test" });
    assert.match(result.files[0]?.content ?? "", /controller-gen.kubebuilder.io\/version: uselessctl-test\n/);
  });

  it("warns when a CRD exceeds what client-side apply can store, and maxDescriptionLength fixes it", () => {
    const root = join(scratch, "large");
    const long = "word ".repeat(60_000).trim();
    const apiFiles = writeFiles(root, {
      "api/v1/groupversion_info.ts": "/** +groupName=example.com */\nexport {};\n",
      "api/v1/types.ts": `/** +kubebuilder:object:root=true */\nexport interface Big {\n  apiVersion?: string;\n  kind?: string;\n  metadata?: object;\n  /** ${long} */\n  spec?: { a?: string };\n}\n`,
    });
    const options = { ...fixtureCompilerOptions(), types: [] };
    const large = generateManifests({ rootDir: root, apiFiles, controllerFiles: [], compilerOptions: options });
    const warning = large.diagnostics.find((diagnostic) => diagnostic.code === "UCTL1205");
    assert.ok(warning, JSON.stringify(large.diagnostics));
    assert.equal(warning.severity, "warning");
    assert.match(warning.message, /over the 262144 bytes kubectl client-side apply can store/);
    assert.match(warning.hint ?? "", /maxDescriptionLength .* --server-side/);
    assert.equal(large.files.length, 1, "a warning does not stop generation");
    const small = generateManifests(
      { rootDir: root, apiFiles, controllerFiles: [], compilerOptions: options },
      { maxDescriptionLength: 100 },
    );
    assert.deepEqual(small.diagnostics, []);
  });

  it('resolves the "uselessctl" types from the published declaration files as from the sources', () => {
    const root = join(scratch, "consumer");
    const declarations: Record<string, string> = {
      "node_modules/uselessctl/package.json": JSON.stringify({
        name: "uselessctl",
        type: "module",
        exports: { ".": { types: "./dist/runtime/index.d.ts" } },
      }),
    };
    // Every runtime module, as `npm run build` emits them: the facade re-exports the API types
    // through other modules (conditions/), and the generator must follow those re-exports.
    const runtimeSources = readdirSync(join(repositoryRoot, "runtime"), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
      .map((file) => join("runtime", file));
    for (const source of runtimeSources) {
      const text = readFileSync(join(repositoryRoot, source), "utf8");
      const output = typescript.transpileDeclaration(text, {
        fileName: source,
        compilerOptions: { module: typescript.ModuleKind.NodeNext },
      });
      declarations[`node_modules/uselessctl/dist/${source.replace(/\.ts$/, ".d.ts")}`] = output.outputText;
    }
    writeFiles(root, declarations);
    cpSync(join(basic, "api"), join(root, "api"), { recursive: true });
    // a consumer's tsconfig.json, as its caller (scaffold's planManifests) reads it
    const { options: compilerOptions } = typescript.convertCompilerOptionsFromJson(
      { module: "nodenext", moduleResolution: "nodenext", strict: true, types: [] },
      root,
    );
    const fromDist = generateManifests({
      rootDir: root,
      apiFiles: fixtureFiles(root).apiFiles,
      controllerFiles: [],
      compilerOptions,
    });
    assert.deepEqual(fromDist.diagnostics, []);
    const fromSource = generateFixture(basic);
    assert.deepEqual(
      fromDist.files,
      fromSource.files.filter((file) => file.path.startsWith("config/crd/")),
    );
  });

  it("returns no role and no role.yaml without RBAC markers, and diagnostics relative to rootDir", () => {
    const root = join(scratch, "norbac");
    const apiFiles = writeFiles(root, {
      "api/v1/groupversion_info.ts": "/** +groupName=example.com */\nexport {};\n",
      "api/v1/types.ts":
        "/** +kubebuilder:object:root=true */\nexport interface Thing {\n  apiVersion?: string;\n  kind?: string;\n  metadata?: object;\n  /** +kubebuilder:validation:Minimum=1 */\n  spec?: string;\n}\n",
    });
    const result = generateManifests({
      rootDir: root,
      apiFiles,
      controllerFiles: [],
      compilerOptions: { ...fixtureCompilerOptions(), types: [] },
    });
    assert.equal(result.role, undefined);
    assert.deepEqual(result.files, []);
    assert.deepEqual(
      result.diagnostics.map(({ file, line, column, code }) => ({ file, line, column, code })),
      [{ file: "api/v1/types.ts", line: 6, column: 7, code: "UCTL1004" }],
    );
  });
});

describe("markerHelp", () => {
  it("lists every controller-gen marker with its target, arguments and JSDoc aliases", () => {
    const rows = markerHelp();
    const find = (name: string, target: string) => rows.find((row) => row.name === name && row.target === target);
    assert.deepEqual(find("+kubebuilder:validation:Minimum", "field")?.aliases, ["@minimum"]);
    assert.equal(
      find("+kubebuilder:printcolumn", "type")?.args,
      "name=<string>,type=<string>,JSONPath=<string>,[description=<string>],[format=<string>],[priority=<integer>]",
    );
    for (const name of [
      "+kubebuilder:object:root",
      "+kubebuilder:subresource:status",
      "+kubebuilder:subresource:scale",
      "+kubebuilder:resource",
      "+kubebuilder:storageversion",
      "+kubebuilder:skipversion",
      "+kubebuilder:deprecatedversion",
      "+kubebuilder:unservedversion",
      "+kubebuilder:selectablefield",
      "+kubebuilder:metadata",
      "+optional",
      "+required",
      "+nullable",
      "+kubebuilder:default",
      "+default",
      "+kubebuilder:validation:XValidation",
      "+kubebuilder:validation:EmbeddedResource",
      "+kubebuilder:validation:Schemaless",
      "+kubebuilder:validation:XIntOrString",
      "+kubebuilder:pruning:PreserveUnknownFields",
      "+listType",
      "+listMapKey",
      "+mapType",
      "+structType",
      "+kubebuilder:title",
      "+kubebuilder:example",
      "+kubebuilder:rbac",
      "+groupName",
      "+versionName",
      "+kubebuilder:validation:items:Pattern",
    ]) {
      assert.ok(
        rows.some((row) => row.name === name),
        `${name} missing from the help`,
      );
    }
    assert.ok(rows.every((row) => row.help.length > 0));
  });
});
