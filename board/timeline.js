// What happened, in words: the timeline's entries from a watch event and the object it replaced.

export const GROUP = "useless.container.training";
export const MACHINE_LABEL = "machine";
export const SEEN_AT_ANNOTATION = `${GROUP}/seen-at`;
export const FLIPPED_AT_ANNOTATION = `${GROUP}/flipped-at`;
const MAX_ENTRIES = 30;

const position = (sw) => sw?.spec?.position ?? "down";
const machineOf = (sw) => sw?.metadata?.labels?.[MACHINE_LABEL];

/** The timeline sentences for a Switch event; `before` is the switch as the board had it. */
export function describeSwitch(type, before, after) {
  const name = after.metadata.name;
  if (type === "ADDED") return [`Switch ${name} created${machineOf(after) ? ` for ${machineOf(after)}` : ""}`];
  if (type === "DELETED") return [`Switch ${name} deleted`];
  if (!before) return [];
  const lines = [];
  if (position(before) !== position(after)) lines.push(`Switch ${name} flipped ${position(after)}`);
  if (!before.status?.seenAt && after.status?.seenAt) lines.push(`Switch ${name} seen up by the operator`);
  if (machineOf(before) !== machineOf(after)) {
    lines.push(`Switch ${name} relabelled: machine ${machineOf(before) ?? "(none)"} → ${machineOf(after) ?? "(none)"}`);
  }
  return lines;
}

/** The timeline sentences for a Machine event. */
export function describeMachine(type, before, after) {
  const name = after.metadata.name;
  if (type === "ADDED") return [`Machine ${name} created with ${after.spec?.switches ?? 1} switches`];
  if (type === "DELETED") return [`Machine ${name} deleted`];
  if (!before) return [];
  const lines = [];
  if (before.spec?.switches !== after.spec?.switches) {
    lines.push(`Machine ${name}: switches ${before.spec?.switches ?? 1} → ${after.spec?.switches ?? 1}`);
  }
  const own = (machine) => machine?.spec?.switchPosition ?? "down";
  if (own(before) !== own(after)) lines.push(`Machine ${name}: its own switch flipped ${own(after)}`);
  const seen = (machine) => machine?.metadata?.annotations?.[SEEN_AT_ANNOTATION];
  if (!seen(before) && seen(after)) lines.push(`Machine ${name}: its own switch seen up by the operator`);
  return lines;
}

/** Adds entries at the top of the timeline `<ol>`, keeping the newest {@link MAX_ENTRIES}. */
export function addEntries(list, lines, at = new Date()) {
  for (const line of lines) {
    const item = document.createElement("li");
    const time = document.createElement("time");
    time.dateTime = at.toISOString();
    time.textContent = at.toLocaleTimeString();
    item.append(time, line);
    list.prepend(item);
  }
  while (list.children.length > MAX_ENTRIES) list.lastElementChild.remove();
}
