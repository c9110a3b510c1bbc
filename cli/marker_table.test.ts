import { test } from "node:test";
import assert from "node:assert/strict";
import { formatMarkerTable, markerTableMarkdown, markerUsage, type MarkerHelpEntry } from "./marker_table.js";

const minimum = {
  name: "+kubebuilder:validation:Minimum",
  args: "<number>",
  help: "the lowest value.",
  aliases: ["@minimum"],
};
const entries: MarkerHelpEntry[] = [
  { name: "+optional", target: "field", args: "", help: "the field may be omitted.", aliases: [] },
  {
    name: "+kubebuilder:validation:Pattern",
    target: "field",
    args: "<string>",
    help: "a regular expression | anchored.",
    aliases: ["@pattern"],
  },
  { ...minimum, target: "field" },
  { ...minimum, target: "type" },
  {
    name: "+kubebuilder:printcolumn",
    target: "type",
    args: "name=<string>,type=<string>,JSONPath=<string>,[priority=<integer>]",
    help: "a column of kubectl get.",
    aliases: ["@printcolumn"],
  },
  { name: "+groupName", target: "package", args: "<string>", help: "the API group.", aliases: [] },
];

test("a marker is shown as written: flags bare, one value after =, named arguments after :", () => {
  assert.equal(markerUsage(entries[0]!), "+optional");
  assert.equal(markerUsage(entries[2]!), "+kubebuilder:validation:Minimum=<number>");
  assert.equal(
    markerUsage(entries[4]!),
    "+kubebuilder:printcolumn:name=<string>,type=<string>,JSONPath=<string>,[priority=<integer>]",
  );
  assert.equal(
    markerUsage({ name: "kubebuilder:deprecatedversion", args: "[warning=<string>]" }),
    "+kubebuilder:deprecatedversion:[warning=<string>]",
  );
});

test("the help text groups markers by target (package, type, field), each marker once per target, help indented below", () => {
  assert.equal(
    formatMarkerTable(entries),
    [
      "package markers",
      "  +groupName=<string>",
      "      the API group.",
      "",
      "type markers",
      "  +kubebuilder:printcolumn:name=<string>,type=<string>,JSONPath=<string>,[priority=<integer>]",
      "      a column of kubectl get. JSDoc: @printcolumn.",
      "  +kubebuilder:validation:Minimum=<number>",
      "      the lowest value. JSDoc: @minimum.",
      "",
      "field markers",
      "  +kubebuilder:validation:Minimum=<number>",
      "      the lowest value. JSDoc: @minimum.",
      "  +kubebuilder:validation:Pattern=<string>",
      "      a regular expression | anchored. JSDoc: @pattern.",
      "  +optional",
      "      the field may be omitted.",
      "",
    ].join("\n"),
  );
});

test("the Markdown maps each JSDoc tag to its marker once, then lists every marker once, escaping pipes", () => {
  const [aliases, all] = markerTableMarkdown(entries).split("\n\n");
  assert.deepEqual(aliases!.split("\n").slice(2), [
    "| `@minimum` | `+kubebuilder:validation:Minimum=<number>` | type, field | the lowest value. |",
    "| `@pattern` | `+kubebuilder:validation:Pattern=<string>` | field | a regular expression \\| anchored. |",
    "| `@printcolumn` | `+kubebuilder:printcolumn:name=<string>,type=<string>,JSONPath=<string>,[priority=<integer>]` | type | a column of kubectl get. |",
  ]);
  assert.deepEqual(
    all!
      .split("\n")
      .slice(2, -1)
      .map((row) => row.split(" | ")[0]),
    [
      "| `+groupName=<string>`",
      "| `+kubebuilder:printcolumn:name=<string>,type=<string>,JSONPath=<string>,[priority=<integer>]`",
      "| `+kubebuilder:validation:Minimum=<number>`",
      "| `+kubebuilder:validation:Pattern=<string>`",
      "| `+optional`",
    ],
  );
});
