/**
 * Renders crdgen's marker registry (`markerHelp()`) for people: as aligned text for
 * `uselessctl generate manifests --help-markers` (controller-gen's `-w`), and as the Markdown
 * tables of the README's "Markers" section, which a test keeps equal to the registry.
 */

/** One marker as `markerHelp()` describes it. */
export interface MarkerHelpEntry {
  readonly name: string;
  readonly target: "package" | "type" | "field";
  readonly args: string;
  readonly help: string;
  readonly aliases: readonly string[];
}

const targets = ["package", "type", "field"] as const;

/** `+name=args` as a user writes it (`args` empty for a flag marker such as `+optional`). */
export function markerUsage(entry: MarkerHelpEntry): string {
  const name = entry.name.startsWith("+") ? entry.name : `+${entry.name}`;
  if (entry.args === "") return name;
  return entry.args.startsWith("=") || entry.args.startsWith(":") ? `${name}${entry.args}` : `${name}=${entry.args}`;
}

function byName(a: MarkerHelpEntry, b: MarkerHelpEntry): number {
  return a.name.localeCompare(b.name);
}

/** The registry as aligned plain text, grouped by target as controller-gen's `-w` groups it. */
export function formatMarkerTable(entries: readonly MarkerHelpEntry[]): string {
  const sections: string[] = [];
  for (const target of targets) {
    const rows = entries.filter((entry) => entry.target === target).sort(byName);
    if (rows.length === 0) continue;
    const width = Math.max(...rows.map((row) => markerUsage(row).length));
    const lines = rows.map((row) => {
      const aliases = row.aliases.length > 0 ? ` (JSDoc: ${row.aliases.join(", ")})` : "";
      return `  ${markerUsage(row).padEnd(width)}  ${row.help}${aliases}`;
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
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/**
 * Two Markdown tables: each idiomatic JSDoc tag and the controller-gen marker it stands for, then
 * every marker the generator understands.
 */
export function markerTableMarkdown(entries: readonly MarkerHelpEntry[]): string {
  const sorted = [...entries].sort((a, b) => targets.indexOf(a.target) - targets.indexOf(b.target) || byName(a, b));
  const aliasRows = sorted
    .flatMap((entry) => entry.aliases.map((alias) => ({ alias, entry })))
    .sort((a, b) => a.alias.localeCompare(b.alias))
    .map(({ alias, entry }) => `| ${code(alias)} | ${code(markerUsage(entry))} | ${entry.target} | ${cell(entry.help)} |`);
  const markerRows = sorted.map(
    (entry) => `| ${code(markerUsage(entry))} | ${entry.target} | ${cell(entry.help)} |`,
  );
  return [
    "| JSDoc tag | controller-gen marker | on | meaning |",
    "| --- | --- | --- | --- |",
    ...aliasRows,
    "",
    "| marker | on | meaning |",
    "| --- | --- | --- |",
    ...markerRows,
    "",
  ].join("\n");
}
