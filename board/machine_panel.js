// One machine on the board: its switches as levers with their countdowns, its own switch, the
// switch count, its status (positions, conditions). Built once and updated in place on every
// event, so a lever that has the keyboard focus keeps it.

import { FLIPPED_AT_ANNOTATION, SEEN_AT_ANNOTATION } from "./timeline.js";

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const time = (text) => (text ? Date.parse(text) : undefined);

/**
 * When an up switch (seen up at `seenAt`) will be flipped down: the flip delay after it was seen,
 * and no sooner than the flip interval after the machine's last flip (controllers/flip_plan.ts).
 */
export function flipDueAt(seenAt, lastFlipAt, timing) {
  if (seenAt === undefined || timing.flipDelayMs === undefined) return undefined;
  const due = seenAt + timing.flipDelayMs;
  return lastFlipAt === undefined || timing.flipIntervalMs === undefined
    ? due
    : Math.max(due, lastFlipAt + timing.flipIntervalMs);
}

function countdownText(up, seenAt, lastFlipAt, timing, now) {
  if (!up) return "";
  if (seenAt === undefined) return "up: waiting for the operator";
  const dueAt = flipDueAt(seenAt, lastFlipAt, timing);
  if (dueAt === undefined) return `seen up ${((now - seenAt) / 1000).toFixed(1)} s ago`;
  const remaining = dueAt - now;
  return remaining > 0 ? `flips down in ${(remaining / 1000).toFixed(1)} s` : "flipping down…";
}

/** A lever: a toggle button, pressed when up; a click flips it up, an up lever waits for the operator. */
class Lever {
  constructor(label, onFlipUp) {
    this.button = element("button", { type: "button", class: "lever" });
    this.countdown = element("span", { class: "countdown" });
    this.name = element("span", { class: "lever-name", "aria-hidden": "true" });
    this.item = element("li", {}, this.name, this.button, this.countdown);
    this.label = label;
    this.button.addEventListener("click", () => {
      if (this.button.getAttribute("aria-pressed") === "false") onFlipUp();
    });
  }

  update(name, up) {
    this.item.dataset.name = name;
    this.name.textContent = name;
    this.name.title = name;
    this.button.textContent = up ? "up" : "down";
    this.button.setAttribute("aria-label", `${name}: ${up ? "up" : "down"}`);
    this.button.setAttribute("aria-pressed", String(up));
    this.button.disabled = up;
    this.button.title = up ? "The operator flips it back down" : `Flip ${this.label} up`;
  }
}

export class MachinePanel {
  constructor(key, actions) {
    this.actions = actions;
    this.levers = new Map();
    this.heading = element("h3");
    this.count = element("output");
    const fewer = element("button", { type: "button", "aria-label": "Remove a switch" }, "−");
    const more = element("button", { type: "button", "aria-label": "Add a switch" }, "+");
    fewer.addEventListener("click", () => this.#changeCount(-1));
    more.addEventListener("click", () => this.#changeCount(1));
    this.positions = element("dd", { class: "positions" });
    this.conditions = element("ul", { class: "conditions" });
    this.own = new Lever("the machine's own switch", () => this.#act(() => actions.flipOwn(this.machine)));
    this.switchList = element("ul", { class: "levers" });
    this.error = element("p", { class: "status-line", role: "alert" });
    const remove = element("button", { type: "button" }, "Delete machine");
    remove.addEventListener("click", () => this.#act(() => actions.deleteMachine(this.machine)));
    this.element = element(
      "article",
      { class: "machine", "data-machine": key },
      this.heading,
      element(
        "dl",
        {},
        element("dt", {}, "Switches"),
        element("dd", {}, element("span", { class: "count-controls" }, fewer, this.count, more)),
        element("dt", {}, "Positions"),
        this.positions,
        element("dt", {}, "Own switch"),
        element("dd", {}, element("ul", { class: "levers own" }, this.own.item)),
        element("dt", {}, "Conditions"),
        element("dd", {}, this.conditions),
      ),
      this.switchList,
      this.error,
      remove,
    );
    this.element.setAttribute("aria-labelledby", `${key}-heading`.replace(/[^a-zA-Z0-9-]/g, "-"));
    this.heading.id = this.element.getAttribute("aria-labelledby");
  }

  /** Shows `machine` and its `switches` (sorted by name). */
  update(machine, switches) {
    this.machine = machine;
    this.switches = switches;
    const { name, namespace } = machine.metadata;
    this.heading.textContent = namespace === "default" ? name : `${namespace}/${name}`;
    this.switchList.setAttribute("aria-label", `Switches of ${this.heading.textContent}`);
    this.count.textContent = String(machine.spec?.switches ?? 1);
    this.positions.textContent = machine.status?.positions || "—";
    this.conditions.replaceChildren(
      ...(machine.status?.conditions ?? []).map((condition) =>
        element(
          "li",
          { class: `condition-${condition.status.toLowerCase()}` },
          `${condition.type}: ${condition.status}${condition.reason ? ` (${condition.reason})` : ""}`,
        ),
      ),
    );
    this.own.update("own switch", machine.spec?.switchPosition === "up");
    const seen = new Set();
    let previous = null;
    for (const sw of switches) {
      const swName = sw.metadata.name;
      seen.add(swName);
      let lever = this.levers.get(swName);
      if (!lever) {
        lever = new Lever(swName, () => this.#act(() => this.actions.flipSwitch(this.levers.get(swName).object)));
        this.levers.set(swName, lever);
      }
      lever.object = sw;
      lever.update(swName, sw.spec?.position === "up");
      const expectedPlace = previous ? previous.nextSibling : this.switchList.firstChild;
      if (expectedPlace !== lever.item) this.switchList.insertBefore(lever.item, expectedPlace);
      previous = lever.item;
    }
    for (const [swName, lever] of this.levers) {
      if (!seen.has(swName)) {
        lever.item.remove();
        this.levers.delete(swName);
      }
    }
  }

  /** Refreshes the countdowns to `now`. */
  tick(now, timing) {
    if (!this.machine) return;
    const lastFlipAt = time(this.machine.metadata.annotations?.[FLIPPED_AT_ANNOTATION]);
    const ownUp = this.machine.spec?.switchPosition === "up";
    const ownSeen = time(this.machine.metadata.annotations?.[SEEN_AT_ANNOTATION]);
    this.own.countdown.textContent = countdownText(ownUp, ownSeen, lastFlipAt, timing, now);
    for (const lever of this.levers.values()) {
      const up = lever.object.spec?.position === "up";
      lever.countdown.textContent = countdownText(up, time(lever.object.status?.seenAt), lastFlipAt, timing, now);
    }
  }

  #changeCount(delta) {
    const next = (this.machine.spec?.switches ?? 1) + delta;
    if (next < 1) return;
    this.#act(() => this.actions.setSwitchCount(this.machine, next));
  }

  async #act(action) {
    this.error.textContent = "";
    try {
      await action();
    } catch (error) {
      this.error.textContent = error.message;
    }
  }
}
