/** The marker table as help text data (`uselessctl generate --help-markers`, controller-gen -w). */
import { signature } from "./parse.js";
import type { MarkerRegistry, MarkerTarget } from "./registry.js";

/** One row of marker help. */
export interface MarkerHelp {
  name: string;
  target: MarkerTarget;
  args: string;
  help: string;
  aliases: string[];
}

/** One row per (marker, target), sorted by name then target, with the JSDoc tags that alias it. */
export function markerHelpRows(registry: MarkerRegistry): MarkerHelp[] {
  const rows: MarkerHelp[] = [];
  for (const definition of registry.definitions()) {
    const aliases = registry
      .aliases()
      .filter((alias) => alias.marker === definition.name)
      .map((alias) => `@${alias.tag}`);
    for (const target of definition.targets) {
      rows.push({ name: `+${definition.name}`, target, args: signature(definition), help: definition.help, aliases });
    }
  }
  return rows.sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0,
  );
}
