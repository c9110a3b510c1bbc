/**
 * Renders crdgen's marker registry (`markerHelp()`) for people: as text for
 * `uselessctl generate manifests --help-markers` (controller-gen's `-w`), and as the Markdown
 * tables of the README's "Markers" section, which a test keeps equal to the registry.
 */

/** One marker on one target, as `markerHelp()` describes it. */
export interface MarkerHelpEntry {
  readonly name: string;
  readonly target: "package" | "type" | "field";
  readonly args: string;
  readonly help: string;
  readonly aliases: readonly string[];
}

/** One marker with every target it applies to. */
interface MarkerRow {
  readonly usage: string;
  readonly targets: readonly MarkerHelpEntry["target"][];
  readonly help: string;
  readonly aliases: readonly string[];
}

const targetOrder = ["package", "type", "field"] as const;

/**
 * The marker as a user writes it: bare for a flag (`+optional`), `=value` for a single argument
 * (`+kubebuilder:validation:Minimum=<number>`), `:field=value,...` for named arguments
 * (`+kubebuilder:printcolumn:name=<string>,...`), as controller-gen spells them.
 */
export function markerUsage(entry: Pick<MarkerHelpEntry, "name" | "args">): string {
  const name = entry.name.startsWith("+") ? entry.name : `+${entry.name}`;
  if (entry.args === "") return name;
  if (entry.args.startsWith("=") || entry.args.startsWith(":")) return `${name}${entry.args}`;
  return entry.args.includes("=") ? `${name}:${entry.args}` : `${name}=${entry.args}`;
}

/** Merges the registry's one-row-per-target entries into one row per marker, sorted by usage. */
function markerRows(entries: readonly MarkerHelpEntry[]): MarkerRow[] {
  const rows = new Map<
    string,
    { usage: string; targets: Set<MarkerHelpEntry["target"]>; help: string; aliases: Set<string> }
  >();
  for (const entry of entries) {
    const usage = markerUsage(entry);
    const row = rows.get(usage) ?? { usage, targets: new Set(), help: entry.help, aliases: new Set() };
    row.targets.add(entry.target);
    for (const alias of entry.aliases) row.aliases.add(alias);
    rows.set(usage, row);
  }
  return [...rows.values()]
    .map((row) => ({
      usage: row.usage,
      targets: targetOrder.filter((target) => row.targets.has(target)),
      help: row.help,
      aliases: [...row.aliases].sort(),
    }))
    .sort((a, b) => a.usage.localeCompare(b.usage));
}

/**
 * The registry as text, grouped by target as controller-gen's `-w` groups it: each marker on its
 * own line, its help (and JSDoc tags) indented below it.
 */
export function formatMarkerTable(entries: readonly MarkerHelpEntry[]): string {
  const rows = markerRows(entries);
  const sections: string[] = [];
  for (const target of targetOrder) {
    const inTarget = rows.filter((row) => row.targets.includes(target));
    if (inTarget.length === 0) continue;
    const lines = inTarget.map((row) => {
      const aliases = row.aliases.length > 0 ? ` JSDoc: ${row.aliases.join(", ")}.` : "";
      return `  ${row.usage}\n      ${row.help}${aliases}`;
    });
    sections.push(`${target} markers\n${lines.join("\n")}\n`);
  }
  return sections.join("\n");
}

/** Escapes what would break a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function code(text: string): string {
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${cell(text)}\``;
}

/**
 * Two Markdown tables: each idiomatic JSDoc tag and the controller-gen marker it stands for, then
 * every marker the generator understands.
 */
export function markerTableMarkdown(entries: readonly MarkerHelpEntry[]): string {
  const rows = markerRows(entries);
  const aliasRows = rows
    .flatMap((row) => row.aliases.map((alias) => ({ alias, row })))
    .sort((a, b) => a.alias.localeCompare(b.alias))
    .map(({ alias, row }) => `| ${code(alias)} | ${code(row.usage)} | ${row.targets.join(", ")} | ${cell(row.help)} |`);
  const allRows = rows.map((row) => `| ${code(row.usage)} | ${row.targets.join(", ")} | ${cell(row.help)} |`);
  return [
    "| JSDoc tag | controller-gen marker | on | meaning |",
    "| --- | --- | --- | --- |",
    ...aliasRows,
    "",
    "| marker | on | meaning |",
    "| --- | --- | --- |",
    ...allRows,
    "",
  ].join("\n");
}
