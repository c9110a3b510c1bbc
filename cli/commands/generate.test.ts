import { test } from "node:test";
import assert from "node:assert/strict";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Command, CommanderError } from "commander";
import { generateCommand, type GenerateEnvironment, type ManifestGenerator } from "./generate.js";
import type { ClusterRole, CustomResourceDefinition, Diagnostic, GeneratedFile } from "../../crdgen/index.js";

type GenerateInput = Parameters<ManifestGenerator["generateManifests"]>[0];
type GenerateOptions = Parameters<ManifestGenerator["generateManifests"]>[1];

const fakeCrd: CustomResourceDefinition = {
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  metadata: { name: "machines.useless.container.training", annotations: {} },
  spec: {
    group: "useless.container.training",
    names: { kind: "Machine", listKind: "MachineList", plural: "machines", singular: "machine" },
    scope: "Namespaced",
    versions: [],
  },
};
const fakeRole: ClusterRole = {
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "ClusterRole",
  metadata: { name: "manager-role" },
  rules: [],
};

/** A stand-in for crdgen that records what it was asked and answers what the test says. */
function fakeGenerator(answer: { files?: GeneratedFile[]; diagnostics?: Diagnostic[]; crds?: number; role?: boolean }) {
  const calls: { input: GenerateInput; options: GenerateOptions }[] = [];
  const generator: ManifestGenerator = {
    generateManifests(input, options) {
      calls.push({ input, options });
      return {
        files: answer.files ?? [],
        crds: Array.from({ length: answer.crds ?? answer.files?.length ?? 0 }, () => fakeCrd),
        role: answer.role ? fakeRole : undefined,
        roles: answer.role ? [fakeRole] : [],
        webhookConfigurations: [],
        diagnostics: answer.diagnostics ?? [],
      };
    },
    markerHelp: () => [
      {
        name: "kubebuilder:validation:Minimum",
        target: "field",
        args: "<number>",
        help: "the lowest value allowed.",
        aliases: ["@minimum"],
      },
      { name: "groupName", target: "package", args: "<string>", help: "the API group of this folder.", aliases: [] },
    ],
  };
  return { generator, calls };
}

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "uselessctl-generate-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function withTestOutput(command: Command, stderr: { text: string }): Command {
  command
    .exitOverride()
    .configureOutput({ writeErr: (text) => (stderr.text += text), writeOut: (text) => (stderr.text += text) });
  for (const child of command.commands) withTestOutput(child, stderr);
  return command;
}

/** Runs the command in-process, with `generator` in place of crdgen. */
async function runGenerate(args: string[], generator: ManifestGenerator, cwd: string) {
  const stdout = { text: "" };
  const stderr = { text: "" };
  const env: Partial<GenerateEnvironment> = {
    stdout: { write: (text: string) => (stdout.text += text) },
    stderr: { write: (text: string) => (stderr.text += text) },
    cwd: () => cwd,
    loadGenerator: async () => generator,
  };
  const program = withTestOutput(new Command("uselessctl").addCommand(generateCommand(env)), stderr);
  let code = 0;
  try {
    await program.parseAsync(["generate", "manifests", ...args], { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    code = error.exitCode;
  }
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const crdFile = {
  path: "config/crd/bases/useless.container.training_machines.yaml",
  content: "kind: CustomResourceDefinition\n",
};
const roleFile = { path: "config/rbac/role.yaml", content: "kind: ClusterRole\n" };

const sampleProject = {
  "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, types: [] } }),
  "api/v1alpha1/groupversion_info.ts": "/** +groupName=useless.container.training */\n",
  "api/v1alpha1/machine_types.ts": "export interface Machine {}\n",
  "api/v1alpha1/machine_types.test.ts": "// a test, not an API\n",
  "api/v1alpha1/shims.d.ts": "// declarations, not an API\n",
  "api/v1beta1/machine_types.ts": "export interface Machine {}\n",
  "api/README.md": "not TypeScript\n",
  "controllers/machine_controller.ts":
    "// +kubebuilder:rbac:groups=useless.container.training,resources=machines,verbs=get\n",
  "controllers/machine_controller.test.ts": "// a test\n",
  "controllers/internal/helper.ts": "// a helper below controllers/: read for markers, as controller-gen reads ./...\n",
};

test("reads api/<version>/*.ts and every .ts below controllers/ under --dir, leaving out tests and declarations", async () => {
  const root = project(sampleProject);
  const { generator, calls } = fakeGenerator({ files: [crdFile] });
  const result = await runGenerate(["--dir", root], generator, root);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(calls.length, 1);
  const input = calls[0]?.input;
  assert.ok(input);
  assert.equal(input.rootDir, root);
  assert.deepEqual(input.apiFiles, [
    join(root, "api/v1alpha1/groupversion_info.ts"),
    join(root, "api/v1alpha1/machine_types.ts"),
    join(root, "api/v1beta1/machine_types.ts"),
  ]);
  assert.deepEqual(input.controllerFiles, [
    join(root, "controllers/internal/helper.ts"),
    join(root, "controllers/machine_controller.ts"),
  ]);
  assert.equal(input.compilerOptions?.strict, true, "the project's tsconfig.json is read");
  assert.deepEqual(input.compilerOptions.types, []);
  rmSync(root, { recursive: true });
});

test("--paths narrows the files read to the folders named, controller-gen's ./api/... spelling included", async () => {
  const root = project(sampleProject);
  const { generator, calls } = fakeGenerator({ files: [crdFile] });
  const result = await runGenerate(["--dir", root, "--paths", "./api/v1beta1/...,controllers"], generator, root);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(calls[0]?.input.apiFiles, [join(root, "api/v1beta1/machine_types.ts")]);
  assert.deepEqual(calls[0]?.input.controllerFiles, [
    join(root, "controllers/internal/helper.ts"),
    join(root, "controllers/machine_controller.ts"),
  ]);
  rmSync(root, { recursive: true });
});

test("--paths naming one types file still reads its folder's groupversion_info.ts, where the group is", async () => {
  const root = project(sampleProject);
  const { generator, calls } = fakeGenerator({ files: [crdFile] });
  const result = await runGenerate(["--dir", root, "--paths", "api/v1alpha1/machine_types.ts"], generator, root);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(calls[0]?.input.apiFiles, [
    join(root, "api/v1alpha1/groupversion_info.ts"),
    join(root, "api/v1alpha1/machine_types.ts"),
  ]);
  assert.deepEqual(calls[0]?.input.controllerFiles, []);
  rmSync(root, { recursive: true });
});

test("--paths naming nothing fails with exit code 1, names the flag, and never calls the generator", async () => {
  const root = project(sampleProject);
  const { generator, calls } = fakeGenerator({ files: [crdFile] });
  const result = await runGenerate(["--dir", root, "--paths", "api/v2"], generator, root);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /--paths api\/v2: no such file or folder/);
  assert.equal(calls.length, 0);
  rmSync(root, { recursive: true });
});

test("a folder without api/ fails with exit code 1 and says where the types were expected", async () => {
  const root = project({ "README.md": "empty project\n" });
  const result = await runGenerate(["--dir", root], fakeGenerator({}).generator, root);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /no API types found: expected TypeScript files in .*api\/<version>\/\*\.ts/);
  rmSync(root, { recursive: true });
});

test("writes every generated file and prints a one-line summary; a second run changes nothing", async () => {
  const root = project(sampleProject);
  const { generator } = fakeGenerator({ files: [crdFile, roleFile], crds: 1, role: true });
  const first = await runGenerate(["--dir", root], generator, root);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(readFileSync(join(root, crdFile.path), "utf8"), crdFile.content);
  assert.equal(readFileSync(join(root, roleFile.path), "utf8"), roleFile.content);
  assert.equal(
    first.stdout,
    "generate manifests: 1 CRD and the manager ClusterRole: 2 files written, 0 unchanged " +
      `(${crdFile.path}, ${roleFile.path}).\n`,
  );
  assert.equal(first.stderr, "");

  const modified = statSync(join(root, crdFile.path)).mtimeMs;
  const second = await runGenerate(["--dir", root], generator, root);
  assert.equal(second.stdout, "generate manifests: 1 CRD and the manager ClusterRole: 0 files written, 2 unchanged.\n");
  assert.equal(statSync(join(root, crdFile.path)).mtimeMs, modified);
  assert.deepEqual(readdirSync(join(root, "config/crd/bases")), ["useless.container.training_machines.yaml"]);
  rmSync(root, { recursive: true });
});

test("an error diagnostic writes nothing, changes nothing, exits 1 and names file:line:col, field and hint", async () => {
  const root = project({ ...sampleProject, [crdFile.path]: "the committed CRD\n" });
  const { generator } = fakeGenerator({
    files: [],
    diagnostics: [
      {
        file: join(root, "api/v1alpha1/machine_types.ts"),
        line: 12,
        column: 5,
        code: "UCTL1001",
        severity: "error",
        message: "unknown marker +kubebuilder:validation:Minimun",
        fieldPath: "spec.switches",
        hint: "did you mean +kubebuilder:validation:Minimum?",
      },
      {
        file: "api/v1alpha1/machine_types.ts",
        line: 3,
        column: 1,
        code: "UCTL2001",
        severity: "warning",
        message: "description truncated",
      },
    ],
  });
  const result = await runGenerate(["--dir", root], generator, root);
  assert.equal(result.code, 1);
  assert.equal(result.stdout, "");
  assert.equal(
    result.stderr,
    "api/v1alpha1/machine_types.ts:3:1 - warning UCTL2001: description truncated\n" +
      "\n" +
      "api/v1alpha1/machine_types.ts:12:5 - error UCTL1001: unknown marker +kubebuilder:validation:Minimun\n" +
      "  field: spec.switches\n" +
      "  hint: did you mean +kubebuilder:validation:Minimum?\n" +
      "\n" +
      "Found 1 error and 1 warning in 1 file.\n" +
      "generate manifests: nothing was written.\n",
  );
  assert.equal(readFileSync(join(root, crdFile.path), "utf8"), "the committed CRD\n");
  assert.equal(existsSync(join(root, "config/rbac")), false);
  rmSync(root, { recursive: true });
});

test("an error diagnostic writes nothing even when the generator also returned files", async () => {
  const root = project(sampleProject);
  const { generator } = fakeGenerator({
    files: [crdFile],
    diagnostics: [
      {
        file: "api/v1alpha1/machine_types.ts",
        line: 1,
        column: 1,
        code: "UCTL1002",
        severity: "error",
        message: "bad",
      },
    ],
  });
  const result = await runGenerate(["--dir", root], generator, root);
  assert.equal(result.code, 1);
  assert.equal(existsSync(join(root, "config")), false);
  rmSync(root, { recursive: true });
});

test("warnings are printed and the files are still written", async () => {
  const root = project(sampleProject);
  const { generator } = fakeGenerator({
    files: [crdFile],
    diagnostics: [
      {
        file: "api/v1alpha1/machine_types.ts",
        line: 7,
        column: 3,
        code: "UCTL3001",
        severity: "warning",
        message: "CRD is 300000 bytes",
      },
    ],
  });
  const result = await runGenerate(["--dir", root], generator, root);
  assert.equal(result.code, 0);
  assert.match(result.stderr, /^api\/v1alpha1\/machine_types\.ts:7:3 - warning UCTL3001: CRD is 300000 bytes\n/);
  assert.equal(readFileSync(join(root, crdFile.path), "utf8"), crdFile.content);
  rmSync(root, { recursive: true });
});

test("a file that cannot be written leaves every other target untouched and no temporary file behind", async () => {
  // config/rbac is a file, so the role cannot be staged after the CRD already was.
  const root = project({ ...sampleProject, [crdFile.path]: "old CRD\n", "config/rbac": "in the way\n" });
  const { generator } = fakeGenerator({ files: [{ ...crdFile, content: "new CRD\n" }, roleFile], crds: 1, role: true });
  const result = await runGenerate(["--dir", root], generator, root);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^generate manifests: .*nothing was changed.*config\/rbac\/\.role\.yaml.*\n$/);
  assert.equal(readFileSync(join(root, crdFile.path), "utf8"), "old CRD\n");
  assert.deepEqual(readdirSync(join(root, "config/crd/bases")), ["useless.container.training_machines.yaml"]);
  rmSync(root, { recursive: true });
});

test("--max-description-length reaches the generator as a number", async () => {
  const root = project(sampleProject);
  const { generator, calls } = fakeGenerator({ files: [crdFile] });
  await runGenerate(["--dir", root, "--max-description-length", "0"], generator, root);
  assert.deepEqual(calls[0]?.options, { maxDescriptionLength: 0 });
  rmSync(root, { recursive: true });
});

test("--max-description-length that is not a whole number fails and names the flag", async () => {
  const { generator, calls } = fakeGenerator({});
  const result = await runGenerate(["--max-description-length", "-3"], generator, tmpdir());
  assert.equal(result.code, 1);
  assert.match(result.stderr, /--max-description-length <n>' argument '-3' is invalid\. expected a whole number/);
  assert.equal(calls.length, 0);
});

test("--controller-gen-version reaches the generator as the CRDs' version annotation", async () => {
  const root = project(sampleProject);
  const { generator, calls } = fakeGenerator({ files: [crdFile] });
  const result = await runGenerate(["--dir", root, "--controller-gen-version", "v0.23.0"], generator, root);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(calls[0]?.options, { controllerGenVersion: "v0.23.0" });
  rmSync(root, { recursive: true });
});

test("--generate-embedded-object-meta reaches the generator as controller-gen's crd option", async () => {
  const root = project(sampleProject);
  const { generator, calls } = fakeGenerator({ files: [crdFile] });
  const result = await runGenerate(["--dir", root, "--generate-embedded-object-meta"], generator, root);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(calls[0]?.options, { generateEmbeddedObjectMeta: true });
  rmSync(root, { recursive: true });
});

test("--controller-gen-version that is not a release fails, names the flag and generates nothing", async () => {
  const { generator, calls } = fakeGenerator({});
  const result = await runGenerate(["--controller-gen-version", "latest"], generator, tmpdir());
  assert.equal(result.code, 1);
  assert.match(
    result.stderr,
    /--controller-gen-version <version>' argument 'latest' is invalid\. expected a controller-gen release/,
  );
  assert.equal(calls.length, 0);
});

test("--help-markers prints the marker table grouped by target and generates nothing", async () => {
  const { generator, calls } = fakeGenerator({});
  const result = await runGenerate(["--help-markers"], generator, tmpdir());
  assert.equal(result.code, 0);
  assert.equal(
    result.stdout,
    "package markers\n  +groupName=<string>\n      the API group of this folder.\n\n" +
      "field markers\n  +kubebuilder:validation:Minimum=<number>\n      the lowest value allowed. JSDoc: @minimum.\n",
  );
  assert.equal(calls.length, 0);
});

/**
 * A project in a temporary folder whose `import "uselessctl"` means this checkout's API types
 * (mapped to apimachinery/ directly, so the program stays small and the test fast).
 */
function projectUsingThisCheckout(files: Record<string, string>): string {
  const apis = join(import.meta.dirname, "..", "..", "apimachinery", "index.ts");
  return project({
    ...files,
    "tsconfig.json": JSON.stringify({
      compilerOptions: {
        module: "nodenext",
        moduleResolution: "nodenext",
        strict: true,
        skipLibCheck: true,
        types: [],
        paths: { uselessctl: [apis] },
      },
    }),
  });
}

const widgetTypes = (minimumMarker: string) => `import type { int32, ObjectMeta } from "uselessctl";

/** WidgetSpec is what a widget should be. */
export interface WidgetSpec {
  /**
   * size is how big the widget is.
   *
   * ${minimumMarker}
   */
  size: int32;
}

/**
 * Widget is a test kind.
 *
 * +kubebuilder:object:root=true
 */
export interface Widget {
  /** apiVersion of the object. */
  apiVersion?: string;
  /** kind of the object. */
  kind?: string;
  /** metadata of the object. */
  metadata?: ObjectMeta;
  /** spec of the widget. */
  spec: WidgetSpec;
}
`;

test("with the real generator: a misspelt marker exits 1, names file:line:col and the field, and leaves config/ as it was", async () => {
  const { generateManifests, markerHelp } = await import("../../crdgen/index.js");
  const generator = { generateManifests, markerHelp };
  const root = projectUsingThisCheckout({
    "api/v1/groupversion_info.ts":
      '/**\n * +groupName=example.uselessctl.dev\n */\nexport const GroupVersion = { group: "example.uselessctl.dev", version: "v1" } as const;\n',
    "api/v1/widget_types.ts": widgetTypes("+kubebuilder:validation:Minimum=1"),
  });
  const good = await runGenerate(["--dir", root], generator, root);
  assert.equal(good.code, 0, good.stderr);
  const crdPath = join(root, "config/crd/bases/example.uselessctl.dev_widgets.yaml");
  const committed = readFileSync(crdPath, "utf8");
  assert.match(committed, /minimum: 1\n/);

  writeFileSync(join(root, "api/v1/widget_types.ts"), widgetTypes("+kubebuilder:validation:Minimun=1"));
  const bad = await runGenerate(["--dir", root], generator, root);
  assert.equal(bad.code, 1);
  assert.match(
    bad.stderr,
    /^api\/v1\/widget_types\.ts:8:\d+ - error UCTL1001: unknown marker \+kubebuilder:validation:Minimun\n/,
  );
  assert.match(bad.stderr, /\n {2}field: .*size/);
  assert.match(bad.stderr, /generate manifests: nothing was written\.\n$/);
  assert.equal(bad.stdout, "");
  assert.equal(readFileSync(crdPath, "utf8"), committed);
  rmSync(root, { recursive: true });
});
