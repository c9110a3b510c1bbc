import { test } from "node:test";
import assert from "node:assert/strict";
import { formatMarkerTable, markerTableMarkdown, markerUsage, type MarkerHelpEntry } from "./marker_table.js";

const entries: MarkerHelpEntry[] = [
  { name: "optional", target: "field", args: "", help: "the field may be omitted.", aliases: [] },
  { name: "kubebuilder:validation:Pattern", target: "field", args: "<string>", help: "a regular expression | anchored.", aliases: ["@pattern"] },
  { name: "kubebuilder:validation:Minimum", target: "field", args: "<number>", help: "the lowest value.", aliases: ["@minimum"] },
  { name: "kubebuilder:printcolumn", target: "type", args: ":name=<string>,type=<string>,JSONPath=<string>", help: "a column of kubectl get.", aliases: ["@printcolumn"] },
];

test("a marker is shown as written: flags bare, values after =, argument lists after :", () => {
  assert.equal(markerUsage(entries[0]!), "+optional");
  assert.equal(markerUsage(entries[2]!), "+kubebuilder:validation:Minimum=<number>");
  assert.equal(markerUsage(entries[3]!), "+kubebuilder:printcolumn:name=<string>,type=<string>,JSONPath=<string>");
});

test("the help text groups markers by target (package, type, field), sorted, with their JSDoc aliases", () => {
  const text = formatMarkerTable(entries);
  assert.deepEqual(
    text.split("\n").filter((line) => !line.startsWith(" ")),
    ["type markers", "", "field markers", ""],
  );
  const fieldLines = text.split("field markers\n")[1]!.trimEnd().split("\n");
  assert.match(fieldLines[0]!, /^ {2}\+kubebuilder:validation:Minimum=<number> +the lowest value\. \(JSDoc: @minimum\)$/);
  assert.match(fieldLines[2]!, /^ {2}\+optional +the field may be omitted\.$/);
});

test("the Markdown maps each JSDoc tag to its marker, then lists every marker, escaping pipes", () => {
  const markdown = markerTableMarkdown(entries);
  const [aliases, all] = markdown.split("\n\n");
  assert.deepEqual(aliases!.split("\n").slice(2), [
    "| `@minimum` | `+kubebuilder:validation:Minimum=<number>` | field | the lowest value. |",
    "| `@pattern` | `+kubebuilder:validation:Pattern=<string>` | field | a regular expression \\| anchored. |",
    "| `@printcolumn` | `+kubebuilder:printcolumn:name=<string>,type=<string>,JSONPath=<string>` | type | a column of kubectl get. |",
  ]);
  assert.equal(all!.split("\n").length, 2 + entries.length + 1);
  assert.match(all!, /^\| `\+kubebuilder:printcolumn:/m);
});
