/**
 * The marks the machine controller leaves on what it writes, so that its timing survives a
 * restart: when a machine last flipped something down, and when it first saw the machine's own
 * switch up (the counterpart of a Switch's `status.seenAt`, which the Machine status lacks).
 */
import { GroupVersion } from "../api/v1alpha1/index.js";

/** When a machine last flipped something down (RFC 3339), on the machine and the switch flipped. */
export const FLIPPED_AT_ANNOTATION = `${GroupVersion.group}/flipped-at`;

/** When the controller first saw a machine's own `spec.switchPosition` up (RFC 3339). */
export const SEEN_AT_ANNOTATION = `${GroupVersion.group}/seen-at`;

/** RFC 3339 with milliseconds, UTC: what the controller writes into seenAt and its annotations. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Milliseconds since the epoch of an RFC 3339 time, or undefined when absent or unreadable. */
export function parseTime(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
