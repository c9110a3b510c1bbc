/**
 * Kind → resource plural, by the rules kubebuilder uses (it calls gobuffalo/flect's `Pluralize` on
 * the lower-cased kind), so that a project moving between kubebuilder and uselessctl keeps its
 * resource names: `Switch` → `switches`, `Policy` → `policies`, `Memcached` → `memcacheds`.
 *
 * The tables are data transcribed from flect's published rules; the matching is ours.
 */

/** Whole words whose plural is irregular (flect's singleToPlural). */
const IRREGULAR: ReadonlyArray<readonly [singular: string, plural: string]> = [
  ["matrix", "matrices"], ["vertix", "vertices"], ["index", "indices"], ["mouse", "mice"],
  ["louse", "lice"], ["ress", "resses"], ["ox", "oxen"], ["quiz", "quizzes"], ["series", "series"],
  ["octopus", "octopi"], ["equipment", "equipment"], ["information", "information"],
  ["rice", "rice"], ["money", "money"], ["species", "species"], ["fish", "fish"],
  ["sheep", "sheep"], ["jeans", "jeans"], ["police", "police"], ["dear", "dear"],
  ["goose", "geese"], ["tooth", "teeth"], ["foot", "feet"], ["bus", "buses"], ["fez", "fezzes"],
  ["piano", "pianos"], ["halo", "halos"], ["photo", "photos"], ["aircraft", "aircraft"],
  ["alumna", "alumnae"], ["alumnus", "alumni"], ["analysis", "analyses"], ["antenna", "antennas"],
  ["antithesis", "antitheses"], ["apex", "apexes"], ["appendix", "appendices"], ["axis", "axes"],
  ["bacillus", "bacilli"], ["bacterium", "bacteria"], ["basis", "bases"], ["beau", "beaus"],
  ["bison", "bison"], ["bureau", "bureaus"], ["château", "châteaux"], ["codex", "codices"],
  ["concerto", "concertos"], ["corpus", "corpora"], ["crisis", "crises"],
  ["curriculum", "curriculums"], ["deer", "deer"], ["diagnosis", "diagnoses"], ["die", "dice"],
  ["dwarf", "dwarves"], ["ellipsis", "ellipses"], ["erratum", "errata"], ["focus", "foci"],
  ["formula", "formulas"], ["fungus", "fungi"], ["genus", "genera"], ["graffito", "graffiti"],
  ["grouse", "grouse"], ["half", "halves"], ["hoof", "hooves"], ["hypothesis", "hypotheses"],
  ["larva", "larvae"], ["libretto", "librettos"], ["loaf", "loaves"], ["locus", "loci"],
  ["minutia", "minutiae"], ["moose", "moose"], ["nebula", "nebulae"], ["nucleus", "nuclei"],
  ["oasis", "oases"], ["offspring", "offspring"], ["opus", "opera"],
  ["parenthesis", "parentheses"], ["phenomenon", "phenomena"], ["phylum", "phyla"],
  ["prognosis", "prognoses"], ["radius", "radiuses"], ["referendum", "referendums"],
  ["salmon", "salmon"], ["shrimp", "shrimp"], ["stimulus", "stimuli"], ["stratum", "strata"],
  ["swine", "swine"], ["syllabus", "syllabi"], ["symposium", "symposiums"],
  ["synopsis", "synopses"], ["tableau", "tableaus"], ["thesis", "theses"], ["thief", "thieves"],
  ["trout", "trout"], ["tuna", "tuna"], ["vertebra", "vertebrae"], ["vita", "vitae"],
  ["vortex", "vortices"], ["wharf", "wharves"], ["wife", "wives"], ["wolf", "wolves"],
  ["datum", "data"], ["testis", "testes"], ["alias", "aliases"], ["house", "houses"],
  ["shoe", "shoes"], ["news", "news"], ["ovum", "ova"],
];

/**
 * Suffix rules, tried in order; the first suffix that matches wins. As in flect, each rule's
 * plural suffix is itself a rule that leaves the word alone (a word already plural stays so).
 */
const SUFFIX_RULES: ReadonlyArray<readonly [singularSuffix: string, pluralSuffix: string]> = [
  ["man", "men"], ["tz", "tzes"], ["alias", "aliases"], ["oasis", "oasis"], ["wife", "wives"],
  ["basis", "basis"], ["atum", "ata"], ["adium", "adia"], ["actus", "acti"], ["irus", "iri"],
  ["iterion", "iteria"], ["dium", "diums"], ["ovum", "ova"], ["ize", "izes"], ["dge", "dges"],
  ["focus", "foci"], ["child", "children"], ["oaf", "oaves"], ["randum", "randa"],
  ["base", "bases"], ["atus", "atuses"], ["ode", "odes"], ["person", "people"], ["va", "vae"],
  ["leus", "li"], ["ld", "ldren"], ["oot", "eet"], ["oose", "eese"], ["box", "boxes"],
  ["ium", "ia"], ["sis", "ses"], ["nna", "nnas"], ["eses", "esis"], ["stis", "stes"],
  ["ex", "ices"], ["ula", "ulae"], ["isis", "ises"], ["ouses", "ouse"], ["olves", "olf"],
  ["lf", "lves"], ["rf", "rves"], ["afe", "aves"], ["bfe", "bves"], ["cfe", "cves"],
  ["dfe", "dves"], ["efe", "eves"], ["gfe", "gves"], ["hfe", "hves"], ["ife", "ives"],
  ["jfe", "jves"], ["kfe", "kves"], ["lfe", "lves"], ["mfe", "mves"], ["nfe", "nves"],
  ["ofe", "oves"], ["pfe", "pves"], ["qfe", "qves"], ["rfe", "rves"], ["sfe", "sves"],
  ["tfe", "tves"], ["ufe", "uves"], ["vfe", "vves"], ["wfe", "wves"], ["xfe", "xves"],
  ["yfe", "yves"], ["zfe", "zves"], ["hive", "hives"], ["quy", "quies"], ["by", "bies"],
  ["cy", "cies"], ["dy", "dies"], ["fy", "fies"], ["gy", "gies"], ["hy", "hies"], ["jy", "jies"],
  ["ky", "kies"], ["ly", "lies"], ["my", "mies"], ["ny", "nies"], ["py", "pies"], ["qy", "qies"],
  ["ry", "ries"], ["sy", "sies"], ["ty", "ties"], ["vy", "vies"], ["wy", "wies"], ["xy", "xies"],
  ["zy", "zies"], ["x", "xes"], ["ch", "ches"], ["ss", "sses"], ["sh", "shes"], ["oe", "oes"],
  ["io", "ios"], ["o", "oes"],
];

const pluralOfWord = new Map(IRREGULAR);
const knownPlurals = new Set(IRREGULAR.map(([, plural]) => plural));
const orderedRules: ReadonlyArray<{ suffix: string; replacement: string | undefined }> = SUFFIX_RULES.flatMap(
  ([suffix, replacement]) => [
    { suffix, replacement },
    { suffix: replacement, replacement: undefined },
  ],
);

/** The plural of a lower-case word, as kubebuilder computes a resource's plural from its kind. */
export function pluralize(word: string): string {
  if (word === "") return "";
  if (knownPlurals.has(word)) return word;
  const irregular = pluralOfWord.get(word);
  if (irregular !== undefined) return irregular;
  for (const rule of orderedRules) {
    if (!word.endsWith(rule.suffix)) continue;
    return rule.replacement === undefined ? word : word.slice(0, word.length - rule.suffix.length) + rule.replacement;
  }
  return word.endsWith("s") ? word : `${word}s`;
}
