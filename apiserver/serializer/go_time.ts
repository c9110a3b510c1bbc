/**
 * Go's time.Parse for the two layouts Kubernetes timestamps use (metav1.Time: RFC 3339;
 * metav1.MicroTime: RFC 3339 with exactly six fractional digits), with time.ParseError's wording,
 * and the UTC form their MarshalJSON writes. A timestamp is stored as the instant it names, so an
 * offset such as `+01:00` is converted to UTC and digits the type does not keep are dropped.
 */

/** time.RFC3339 and metav1.RFC3339Micro. */
export type GoTimeLayout = "2006-01-02T15:04:05Z07:00" | "2006-01-02T15:04:05.000000Z07:00";

export const rfc3339 = "2006-01-02T15:04:05Z07:00" satisfies GoTimeLayout;
export const rfc3339Micro = "2006-01-02T15:04:05.000000Z07:00" satisfies GoTimeLayout;

/** A parsed instant: UTC calendar fields and nanoseconds. */
interface ParsedTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanosecond: number;
  offsetSeconds: number;
}

/** time's quote: ASCII kept (with `"` and `\` escaped), every other byte as \xNN. */
function quoteTime(text: string): string {
  let quoted = '"';
  for (const byte of Buffer.from(text, "utf8")) {
    if (byte >= 0x80 || byte < 0x20) quoted += `\\x${byte.toString(16).padStart(2, "0")}`;
    else {
      const char = String.fromCharCode(byte);
      quoted += char === '"' || char === "\\" ? `\\${char}` : char;
    }
  }
  return `${quoted}"`;
}

class TimeParseError extends Error {}

function isDigit(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  return c >= 0x30 && c <= 0x39;
}

/** time.getnum: one or two digits (exactly two when `fixed`). */
function getnum(text: string, fixed: boolean): [number, string] | undefined {
  if (!isDigit(text, 0)) return undefined;
  if (!isDigit(text, 1)) return fixed ? undefined : [Number(text[0]), text.slice(1)];
  return [Number(text.slice(0, 2)), text.slice(2)];
}

/** time.atoi: an optional sign, then only digits. */
function atoi(text: string): number | undefined {
  const match = /^([-+]?)(\d+)$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[2]);
  return match[1] === "-" ? -value : value;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** time.parseNanoseconds: `value` starts with the separator; `digits` bytes in all are read. */
function parseNanoseconds(value: string, length: number): { nanosecond: number; range?: string } | undefined {
  if (value[0] !== "." && value[0] !== ",") return undefined;
  const bytes = Math.min(length, 10);
  const parsed = atoi(value.slice(1, bytes));
  if (parsed === undefined) return undefined;
  if (parsed < 0) return { nanosecond: 0, range: "fractional second" };
  return { nanosecond: parsed * 10 ** (10 - bytes) };
}

/** One step of the layout: the literal before it, its text, and how it reads the value. */
interface Chunk {
  prefix: string;
  std: string;
  read(value: string, time: ParsedTime, rest: readonly Chunk[]): { value: string; range?: string } | undefined;
}

const readYear: Chunk["read"] = (value, time) => {
  if (value.length < 4 || !isDigit(value, 0)) return undefined;
  const year = atoi(value.slice(0, 4));
  if (year === undefined) return undefined;
  time.year = year;
  return { value: value.slice(4) };
};

function readNumber(field: "month" | "day" | "hour" | "minute", fixed: boolean, limit?: number): Chunk["read"] {
  return (value, time) => {
    const read = getnum(value, fixed);
    if (!read) return undefined;
    time[field] = read[0];
    const outOfRange = limit !== undefined && (read[0] >= limit || (field === "month" && read[0] === 0));
    return { value: read[1], ...(outOfRange ? { range: field } : {}) };
  };
}

const readSecond: Chunk["read"] = (value, time, rest) => {
  const read = getnum(value, true);
  if (!read) return undefined;
  time.second = read[0];
  if (read[0] >= 60) return { value: read[1], range: "second" };
  let remaining = read[1];
  // A fraction the layout does not ask for is read anyway.
  if (remaining.length >= 2 && ".,".includes(remaining[0] ?? "") && isDigit(remaining, 1)) {
    if (rest[0]?.std === ".000000") return { value: remaining };
    let end = 2;
    while (end < remaining.length && isDigit(remaining, end)) end += 1;
    const fraction = parseNanoseconds(remaining, end);
    if (!fraction) return undefined;
    time.nanosecond = fraction.nanosecond;
    remaining = remaining.slice(end);
    if (fraction.range) return { value: remaining, range: fraction.range };
  }
  return { value: remaining };
};

const readMicroseconds: Chunk["read"] = (value, time) => {
  if (value.length < 7) return undefined;
  const fraction = parseNanoseconds(value, 7);
  if (!fraction) return undefined;
  time.nanosecond = fraction.nanosecond;
  return { value: value.slice(7), ...(fraction.range ? { range: fraction.range } : {}) };
};

const readZone: Chunk["read"] = (value, time) => {
  if (value.startsWith("Z")) return { value: value.slice(1) };
  if (value.length < 6 || value[3] !== ":") return undefined;
  const hours = getnum(value.slice(1, 3), true);
  const minutes = getnum(value.slice(4, 6), true);
  if (!hours || !minutes) return undefined;
  let range: string | undefined;
  if (hours[0] > 24) range = "time zone offset hour";
  if (minutes[0] > 60) range = "time zone offset minute";
  const sign = value[0] === "+" ? 1 : value[0] === "-" ? -1 : 0;
  if (sign === 0 && !range) return undefined;
  time.offsetSeconds = sign * (hours[0] * 60 + minutes[0]) * 60;
  return { value: value.slice(6), ...(range ? { range } : {}) };
};

const dateAndClock: readonly Chunk[] = [
  { prefix: "", std: "2006", read: readYear },
  { prefix: "-", std: "01", read: readNumber("month", true, 13) },
  { prefix: "-", std: "02", read: readNumber("day", true) },
  { prefix: "T", std: "15", read: readNumber("hour", false, 24) },
  { prefix: ":", std: "04", read: readNumber("minute", true, 60) },
  { prefix: ":", std: "05", read: readSecond },
];

const layouts: Record<GoTimeLayout, readonly Chunk[]> = {
  [rfc3339]: [...dateAndClock, { prefix: "", std: "Z07:00", read: readZone }],
  [rfc3339Micro]: [
    ...dateAndClock,
    { prefix: "", std: ".000000", read: readMicroseconds },
    { prefix: "", std: "Z07:00", read: readZone },
  ],
};

function parse(layout: GoTimeLayout, text: string): ParsedTime {
  const fail = (message: string): never => {
    throw new TimeParseError(`parsing time ${quoteTime(text)}${message}`);
  };
  const cannotParse = (value: string, element: string): never =>
    fail(` as ${quoteTime(layout)}: cannot parse ${quoteTime(value)} as ${quoteTime(element)}`);
  const time: ParsedTime = {
    year: 0,
    month: 0,
    day: 0,
    hour: 0,
    minute: 0,
    second: 0,
    nanosecond: 0,
    offsetSeconds: 0,
  };
  const chunks = layouts[layout];
  let value = text;
  for (const [index, chunk] of chunks.entries()) {
    if (chunk.prefix && !value.startsWith(chunk.prefix)) cannotParse(value, chunk.prefix);
    value = value.slice(chunk.prefix.length);
    const read = chunk.read(value, time, chunks.slice(index + 1));
    if (read?.range) fail(`: ${read.range} out of range`);
    if (!read) return cannotParse(value, chunk.std);
    value = read.value;
  }
  if (value) fail(`: extra text: ${quoteTime(value)}`);
  if (time.day < 1 || time.day > daysIn(time.month, time.year)) fail(": day out of range");
  return time;
}

const pad = (value: number, width: number): string => String(value).padStart(width, "0");

/**
 * The stored form of a timestamp as metav1.Time or MicroTime decodes and re-encodes it: the UTC
 * instant in `layout`, or null for Go's zero time; throws time.ParseError's text when Go refuses it.
 */
export function normalizeGoTime(text: string, layout: GoTimeLayout): string | null {
  let time: ParsedTime;
  try {
    time = parse(layout, text);
  } catch (error) {
    if (error instanceof TimeParseError) throw new Error(error.message);
    throw error;
  }
  const date = new Date(0);
  date.setUTCFullYear(time.year, time.month - 1, time.day);
  date.setUTCHours(time.hour, time.minute, time.second - time.offsetSeconds, 0);
  const calendar = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
  const clock = `${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}`;
  if (calendar === "0001-01-01" && clock === "00:00:00" && time.nanosecond === 0) return null;
  const fraction = layout === rfc3339Micro ? `.${pad(Math.floor(time.nanosecond / 1000), 6)}` : "";
  return `${calendar}T${clock}${fraction}Z`;
}
