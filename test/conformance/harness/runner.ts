/**
 * Differential runs: every case against the reference and the candidate, the recorded
 * observations compared step by step, differences matched against the accepted list.
 */
import { readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import yaml from "js-yaml";
import { AREAS, runCase, type Area, type CaseRun, type ConformanceCase, type Observation } from "./case.js";
import type { Target } from "./targets.js";

/** One step where the candidate's observation differs from the reference's. */
export interface StepDifference {
  readonly step: number;
  readonly label: string;
  readonly request: unknown;
  readonly expected: unknown;
  readonly got: unknown;
}

/** A difference that is accepted on purpose, with its reason (accepted_differences.yaml). */
export interface AcceptedDifference {
  readonly area: Area;
  readonly case: string;
  readonly reason: string;
}

/** How one case went on both servers. */
export interface CaseOutcome {
  readonly area: Area;
  readonly name: string;
  readonly reference: CaseRun | undefined;
  readonly candidate: CaseRun | undefined;
  readonly differences: readonly StepDifference[];
  readonly accepted: AcceptedDifference | undefined;
  readonly verdict: "identical" | "differing" | "accepted" | "reference-only" | "candidate-only";
}

/** Per-area counts of a run. */
export interface AreaCounts {
  cases: number;
  identical: number;
  differing: number;
  accepted: number;
  referenceFailures: number;
}

/** Reads accepted_differences.yaml: a list of `{ area, case, reason }`, every reason non-empty. */
export function loadAcceptedDifferences(path: string): AcceptedDifference[] {
  const entries = (yaml.load(readFileSync(path, "utf8")) ?? []) as Partial<AcceptedDifference>[];
  if (!Array.isArray(entries)) throw new Error(`${path}: expected a list of { area, case, reason }`);
  return entries.map((entry, index) => {
    if (!entry.area || !AREAS.includes(entry.area) || !entry.case || !entry.reason?.trim()) {
      throw new Error(`${path}: entry ${index + 1} needs a known area, a case name and a reason`);
    }
    return entry as AcceptedDifference;
  });
}

/** Where two JSON values differ: one line per differing leaf, `path: expected X, got Y`. */
export function describeDifferences(expected: unknown, got: unknown, path = "", lines: string[] = []): string[] {
  if (isDeepStrictEqual(expected, got)) return lines;
  const bothObjects =
    expected !== null &&
    got !== null &&
    typeof expected === "object" &&
    typeof got === "object" &&
    Array.isArray(expected) === Array.isArray(got);
  if (!bothObjects) {
    lines.push(
      `${path || "(whole value)"}: expected ${JSON.stringify(expected) ?? "(absent)"}, got ${JSON.stringify(got) ?? "(absent)"}`,
    );
    return lines;
  }
  const e = expected as Record<string, unknown>;
  const g = got as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(e), ...Object.keys(g)])];
  for (const key of keys) {
    const childPath = Array.isArray(expected) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    describeDifferences(e[key], g[key], childPath, lines);
  }
  return lines;
}

/** Step-by-step differences between two runs of the same case. */
export function compareRuns(reference: CaseRun, candidate: CaseRun): StepDifference[] {
  const differences: StepDifference[] = [];
  const steps = Math.max(reference.observations.length, candidate.observations.length);
  for (let step = 0; step < steps; step++) {
    const expected: Observation | undefined = reference.observations[step];
    const got: Observation | undefined = candidate.observations[step];
    if (expected && got && expected.label === got.label && isDeepStrictEqual(expected.value, got.value)) continue;
    differences.push({
      step: step + 1,
      label: expected?.label ?? got?.label ?? "?",
      request: expected?.request ?? got?.request,
      expected: expected ? { label: expected.label, value: expected.value } : "(no such step)",
      got: got ? { label: got.label, value: got.value } : "(no such step)",
    });
  }
  return differences;
}

/** Runs every case on every available target (both at once) and judges each. */
export async function runSuite(
  cases: readonly ConformanceCase[],
  targets: { reference: Target | undefined; candidate: Target | undefined },
  accepted: readonly AcceptedDifference[],
  onOutcome: (outcome: CaseOutcome) => void = () => undefined,
): Promise<CaseOutcome[]> {
  const outcomes: CaseOutcome[] = [];
  for (const [index, testCase] of cases.entries()) {
    const [reference, candidate] = await Promise.all([
      targets.reference && runCase(targets.reference, testCase, index),
      targets.candidate && runCase(targets.candidate, testCase, index),
    ]);
    const differences = reference && candidate ? compareRuns(reference, candidate) : [];
    const acceptance = accepted.find((entry) => entry.area === testCase.area && entry.case === testCase.name);
    const verdict: CaseOutcome["verdict"] = !candidate
      ? "reference-only"
      : !reference
        ? "candidate-only"
        : differences.length === 0
          ? "identical"
          : acceptance
            ? "accepted"
            : "differing";
    const outcome: CaseOutcome = {
      area: testCase.area,
      name: testCase.name,
      reference,
      candidate,
      differences,
      accepted: differences.length > 0 ? acceptance : undefined,
      verdict,
    };
    outcomes.push(outcome);
    onOutcome(outcome);
  }
  return outcomes;
}

/** Counts per area, in the order of {@link AREAS}. */
export function countByArea(outcomes: readonly CaseOutcome[]): Map<Area, AreaCounts> {
  const counts = new Map<Area, AreaCounts>();
  for (const area of AREAS) {
    const inArea = outcomes.filter((outcome) => outcome.area === area);
    if (inArea.length === 0) continue;
    counts.set(area, {
      cases: inArea.length,
      identical: inArea.filter((o) => o.verdict === "identical").length,
      differing: inArea.filter((o) => o.verdict === "differing").length,
      accepted: inArea.filter((o) => o.verdict === "accepted").length,
      referenceFailures: inArea.filter((o) => o.reference?.failure !== undefined).length,
    });
  }
  return counts;
}

/** The report `npm run conformance` prints. */
export function formatReport(outcomes: readonly CaseOutcome[], notes: readonly string[]): string {
  const lines: string[] = [...notes.map((note) => `note: ${note}`)];
  const counts = countByArea(outcomes);
  lines.push("", "area                  cases  identical  differing  accepted  reference-failures");
  const total: AreaCounts = { cases: 0, identical: 0, differing: 0, accepted: 0, referenceFailures: 0 };
  for (const [area, c] of counts) {
    lines.push(
      `${area.padEnd(20)}  ${String(c.cases).padStart(5)}  ${String(c.identical).padStart(9)}  ${String(c.differing).padStart(9)}  ${String(c.accepted).padStart(8)}  ${String(c.referenceFailures).padStart(18)}`,
    );
    for (const key of Object.keys(total) as (keyof AreaCounts)[]) total[key] += c[key];
  }
  lines.push(
    `${"total".padEnd(20)}  ${String(total.cases).padStart(5)}  ${String(total.identical).padStart(9)}  ${String(total.differing).padStart(9)}  ${String(total.accepted).padStart(8)}  ${String(total.referenceFailures).padStart(18)}`,
  );
  for (const outcome of outcomes) {
    if (outcome.reference?.failure) {
      lines.push("", `REFERENCE FAILURE ${outcome.area} / ${outcome.name}: ${outcome.reference.failure}`);
    }
    if (outcome.differences.length === 0) continue;
    const heading = outcome.accepted ? `ACCEPTED (${outcome.accepted.reason})` : "DIFFERENCE";
    lines.push("", `${heading} ${outcome.area} / ${outcome.name}`);
    for (const difference of outcome.differences.slice(0, 3)) {
      lines.push(`  step ${difference.step}: ${difference.label}`);
      if (difference.request) lines.push(`    request:  ${JSON.stringify(difference.request)}`);
      const details = describeDifferences(difference.expected, difference.got);
      for (const detail of details.slice(0, 8))
        lines.push(`    ${detail.length > 2000 ? `${detail.slice(0, 2000)}...` : detail}`);
      if (details.length > 8) lines.push(`    ... and ${details.length - 8} more differing fields`);
    }
    if (outcome.differences.length > 3) lines.push(`  ... and ${outcome.differences.length - 3} more differing steps`);
  }
  return lines.join("\n");
}
