/** Derived resource names, as controller-gen derives them (flect's pluralisation rules, simplified). */

const irregularPlurals: Record<string, string> = {
  person: "people",
  child: "children",
  man: "men",
  woman: "women",
  mouse: "mice",
  goose: "geese",
  foot: "feet",
  tooth: "teeth",
  index: "indices",
  matrix: "matrices",
  vertex: "vertices",
  status: "statuses",
  policy: "policies",
  proxy: "proxies",
  endpoints: "endpoints",
  data: "data",
  series: "series",
  species: "species",
};

/** The plural resource name of a lower-case kind: `machine` → `machines`, `policy` → `policies`. */
export function pluralize(singular: string): string {
  const irregular = irregularPlurals[singular];
  if (irregular) return irregular;
  if (/(s|x|z|ch|sh)$/.test(singular)) return singular + "es";
  if (/[^aeiou]y$/.test(singular)) return singular.slice(0, -1) + "ies";
  if (/[^aeiou]o$/.test(singular) && !/(photo|piano|halo)$/.test(singular)) return singular + "es";
  return singular + "s";
}
