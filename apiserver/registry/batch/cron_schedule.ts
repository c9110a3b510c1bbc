/**
 * The schedule check of a CronJob: robfig/cron v3's ParseStandard (five fields or a descriptor,
 * an optional TZ= / CRON_TZ= prefix) with its error messages, as kube-apiserver reports them.
 */

interface Bounds {
  min: number;
  max: number;
  names?: Readonly<Record<string, number>>;
}

const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

const fieldBounds: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: Object.fromEntries(months.map((name, index) => [name, index + 1])) },
  { min: 0, max: 6, names: Object.fromEntries(days.map((name, index) => [name, index])) },
];

/** strconv.Atoi's errors, then cron's "negative number" rule. */
function parseUint(text: string): number {
  if (!/^[+-]?[0-9]+$/.test(text))
    throw new Error(`failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  const value = Number(text);
  if (!Number.isSafeInteger(value) || Math.abs(value) > 2 ** 63 - 1)
    throw new Error(
      `failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range`,
    );
  if (value < 0) throw new Error(`negative number (${value}) not allowed: ${text}`);
  return value;
}

function parseIntOrName(text: string, bounds: Bounds): number {
  const named = bounds.names?.[text.toLowerCase()];
  return named ?? parseUint(text);
}

/** getRange: `*`, `?`, `n`, `a-b`, each with an optional `/step`. */
function checkRange(expression: string, bounds: Bounds): void {
  const rangeAndStep = expression.split("/");
  const lowAndHigh = (rangeAndStep[0] ?? "").split("-");
  let start: number;
  let end: number;
  if (lowAndHigh[0] === "*" || lowAndHigh[0] === "?") {
    start = bounds.min;
    end = bounds.max;
  } else {
    start = parseIntOrName(lowAndHigh[0] ?? "", bounds);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1] ?? "", bounds);
    else throw new Error(`too many hyphens: ${expression}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = parseUint(rangeAndStep[1] ?? "");
    if (lowAndHigh.length === 1) end = bounds.max;
  } else if (rangeAndStep.length > 2) throw new Error(`too many slashes: ${expression}`);
  if (start < bounds.min) throw new Error(`beginning of range (${start}) below minimum (${bounds.min}): ${expression}`);
  if (end > bounds.max) throw new Error(`end of range (${end}) above maximum (${bounds.max}): ${expression}`);
  if (start > end) throw new Error(`beginning of range (${start}) beyond end of range (${end}): ${expression}`);
  if (step === 0) throw new Error(`step of range should be a positive number: ${expression}`);
}

const durationUnits = new Set(["ns", "us", "µs", "μs", "ms", "s", "m", "h"]);

/** time.ParseDuration's error for `text`, or undefined when it parses. */
function durationError(text: string): string | undefined {
  const quoted = JSON.stringify(text);
  let rest = text.replace(/^[-+]/, "");
  if (rest === "0") return undefined;
  if (rest === "") return `time: invalid duration ${quoted}`;
  while (rest !== "") {
    const number = /^([0-9]*)(\.[0-9]*)?/.exec(rest)?.[0] ?? "";
    if (number === "" || number === ".") return `time: invalid duration ${quoted}`;
    rest = rest.slice(number.length);
    const unit = /^[^0-9.]*/.exec(rest)?.[0] ?? "";
    if (unit === "") return `time: missing unit in duration ${quoted}`;
    if (!durationUnits.has(unit)) return `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`;
    rest = rest.slice(unit.length);
  }
  return undefined;
}

const descriptors = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]);

/** time.LoadLocation's error for a zone name, or undefined when the zone exists. */
export function loadLocationError(name: string): string | undefined {
  if (name === "" || name === "UTC" || name === "Local") return undefined;
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
    // Zone files are looked up by exact name: another spelling of a zone's name is not found.
    if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) return `unknown time zone ${name}`;
    return undefined;
  } catch {
    return `unknown time zone ${name}`;
  }
}

/** Fields as strings.Fields splits them, printed as Go's %s of a []string. */
const fieldsOf = (text: string): string[] => text.split(/[\s]+/).filter(Boolean);

/** The error ParseStandard (through ParseCronScheduleWithPanicRecovery) gives for `schedule`, or undefined. */
export function cronScheduleError(schedule: string): string | undefined {
  if (schedule.length === 0) return "empty spec string";
  let spec = schedule;
  if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
    const space = spec.indexOf(" ");
    // spec[eq+1:i] with no space panics, and the panic is reported as the error.
    if (space < 0) return "invalid schedule format: runtime error: slice bounds out of range [:-1]";
    const location = spec.slice(spec.indexOf("=") + 1, space);
    const error = loadLocationError(location);
    if (error) return `provided bad location ${location}: ${error}`;
    spec = spec.slice(space).trim();
  }
  if (spec.startsWith("@")) {
    if (descriptors.has(spec)) return undefined;
    if (spec.startsWith("@every ")) {
      const error = durationError(spec.slice("@every ".length));
      return error ? `failed to parse duration ${spec}: ${error}` : undefined;
    }
    return `unrecognized descriptor: ${spec}`;
  }
  const fields = fieldsOf(spec);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(" ")}]`;
  try {
    fieldBounds.forEach((bounds, index) => {
      for (const expression of (fields[index] ?? "").split(",").filter(Boolean)) checkRange(expression, bounds);
    });
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}
