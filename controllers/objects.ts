/**
 * The shapes of Machine and Switch that the controller's pure logic reads, and the labels and
 * annotations it keeps on them.
 *
 * The shapes are structural subsets of the `api/v1alpha1` types, so the decision functions take
 * the real objects unchanged and their tests build plain literals.
 */
import type { Condition, ObjectMeta, OwnerReference } from "uselessctl";

/** The two positions of a switch (and of a machine's own switch). */
export type Position = "up" | "down";

/** The metadata, owner references and conditions the decision logic reads: the API's own types. */
export type MetaView = ObjectMeta;
export type OwnerReferenceView = OwnerReference;
export type ConditionView = Condition;

/** A Switch, as far as the machine controller cares. */
export interface SwitchView {
  metadata?: MetaView;
  spec?: { position?: Position };
  status?: { seenAt?: string };
}

/** The status the machine controller writes. */
export interface MachineStatusView {
  switches?: number;
  positions?: string;
  observedGeneration?: number;
  conditions?: ConditionView[];
}

/** A Machine, as far as the machine controller cares. */
export interface MachineView {
  metadata?: MetaView;
  spec?: { switches?: number; switchPosition?: Position };
  status?: MachineStatusView;
}

/** The API group of Machine and Switch; owner references to a Machine carry it. */
export const GROUP = "useless.container.training";

/** The label that names the machine a switch belongs to; membership follows it. */
export const MACHINE_LABEL = "machine";

/** When a machine last flipped something down (RFC 3339), kept so spacing survives a restart. */
export const FLIPPED_AT_ANNOTATION = `${GROUP}/flipped-at`;

/**
 * When the controller first saw a machine's own `spec.switchPosition` up (RFC 3339): the
 * machine's counterpart of a Switch's `status.seenAt`, which the Machine status does not have.
 */
export const SEEN_AT_ANNOTATION = `${GROUP}/seen-at`;

/** RFC 3339 at whole seconds, as metav1.Time serializes: condition transition times. */
export function formatSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** Milliseconds since the epoch of an RFC 3339 time, or undefined when absent or unreadable. */
export function parseTime(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** RFC 3339 with milliseconds, UTC: what the controller writes into seenAt and its annotations. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** A switch's position; the CRD defaults it to down, so absent means down. */
export function positionOf(sw: SwitchView): Position {
  return sw.spec?.position ?? "down";
}

/** The controller owner reference of an object, if it has one. */
export function controllerOf(meta: MetaView | undefined): OwnerReferenceView | undefined {
  return meta?.ownerReferences?.find((ref) => ref.controller === true);
}

/** Whether an owner reference points at a Machine of this API group (any version). */
export function isMachineReference(ref: OwnerReferenceView): boolean {
  return ref.kind === "Machine" && ref.apiVersion.startsWith(`${GROUP}/`);
}

/** Orders switches by name, the order of `status.positions`. */
export function byName(a: SwitchView, b: SwitchView): number {
  const left = a.metadata?.name ?? "";
  const right = b.metadata?.name ?? "";
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Orders switches oldest first (creationTimestamp, then name), so the newest come last. */
export function byAge(a: SwitchView, b: SwitchView): number {
  const left = parseTime(a.metadata?.creationTimestamp) ?? 0;
  const right = parseTime(b.metadata?.creationTimestamp) ?? 0;
  return left - right || byName(a, b);
}

/** The apiVersion of the Machine and Switch objects this controller writes. */
export const API_VERSION = `${GROUP}/v1alpha1`;
