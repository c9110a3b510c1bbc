import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalizeGoTime, rfc3339, rfc3339Micro, type GoTimeLayout } from "./go_time.js";

// Results and messages are what kube-apiserver v1.37.2 (Go 1.26 time.Parse) answers for the same text.
const stored: [text: string, layout: GoTimeLayout, expected: string | null][] = [
  ["2024-01-01T00:30:00.5+01:00", rfc3339, "2023-12-31T23:30:00Z"],
  ["2024-01-01T00:00:00+05:30", rfc3339, "2023-12-31T18:30:00Z"],
  ["2024-01-01T00:00:00.9Z", rfc3339, "2024-01-01T00:00:00Z"],
  ["2024-01-01T00:00:00.123456+01:00", rfc3339Micro, "2023-12-31T23:00:00.123456Z"],
  ["2024-02-29T23:59:59-00:30", rfc3339, "2024-03-01T00:29:59Z"],
  ["0001-01-01T00:00:00Z", rfc3339, null],
];

const refused: [text: string, layout: GoTimeLayout, message: string][] = [
  [
    "2024-01-01T00:00:00Z",
    rfc3339Micro,
    'parsing time "2024-01-01T00:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"',
  ],
  [
    "2024-01-01T00:00:00.123456789+01:00",
    rfc3339Micro,
    'parsing time "2024-01-01T00:00:00.123456789+01:00" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "789+01:00" as "Z07:00"',
  ],
  ["2024-02-30T00:00:00Z", rfc3339, 'parsing time "2024-02-30T00:00:00Z": day out of range'],
  ["2024-13-01T00:00:00Z", rfc3339, 'parsing time "2024-13-01T00:00:00Z": month out of range'],
  ["x", rfc3339, 'parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"'],
  ["2024-01-01T00:00:00Zx", rfc3339, 'parsing time "2024-01-01T00:00:00Zx": extra text: "x"'],
  [
    "2024-01-01 00:00:00Z",
    rfc3339,
    'parsing time "2024-01-01 00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 00:00:00Z" as "T"',
  ],
  ["2024-01-01T1:00:00+25:00", rfc3339, 'parsing time "2024-01-01T1:00:00+25:00": time zone offset hour out of range'],
];

describe("normalizeGoTime", () => {
  for (const [text, layout, expected] of stored) {
    it(`${text} as ${layout} is stored as ${expected}`, () => assert.equal(normalizeGoTime(text, layout), expected));
  }
  for (const [text, layout, message] of refused) {
    it(`${text} as ${layout} is refused`, () => assert.throws(() => normalizeGoTime(text, layout), { message }));
  }
});
