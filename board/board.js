// The useless machines' board: lists and watches Machines and Switches through the UI server's
// API proxy, shows each machine as a panel, and writes through the API server (flip a switch up,
// add or delete a machine, change its switch count), so the operator and kubectl see the same.

import { listAndWatch, mergePatch, request, settings } from "/ui/api.js";
import { renderNavigation, showConnection } from "/ui/nav.js";
import { MachinePanel } from "./machine_panel.js";
import { addEntries, describeMachine, describeSwitch, GROUP, MACHINE_LABEL } from "./timeline.js";

const API = `/apis/${GROUP}/v1alpha1`;
const machines = new Map();
const switches = new Map();
const panels = new Map();
const containers = {
  machines: document.getElementById("machines"),
  empty: document.getElementById("no-machines"),
  timeline: document.getElementById("timeline"),
  connection: document.getElementById("connection"),
};
const keyOf = (object) => `${object.metadata.namespace}/${object.metadata.name}`;
const objectPath = (plural, object) =>
  `${API}/namespaces/${encodeURIComponent(object.metadata.namespace)}/${plural}/${encodeURIComponent(object.metadata.name)}`;

const actions = {
  flipSwitch: (sw) => mergePatch(objectPath("switches", sw), { spec: { position: "up" } }),
  flipOwn: (machine) => mergePatch(objectPath("machines", machine), { spec: { switchPosition: "up" } }),
  setSwitchCount: (machine, count) => mergePatch(objectPath("machines", machine), { spec: { switches: count } }),
  deleteMachine: (machine) => request("DELETE", objectPath("machines", machine)),
};

let timing = {};
const listed = { machines: false, switches: false };

function switchesOf(machine) {
  return [...switches.values()]
    .filter(
      (sw) =>
        sw.metadata.namespace === machine.metadata.namespace &&
        sw.metadata.labels?.[MACHINE_LABEL] === machine.metadata.name,
    )
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** Brings the panel of the machine `key` up to date (creating or removing it). */
function renderMachine(key) {
  const machine = machines.get(key);
  let panel = panels.get(key);
  if (!machine) {
    panel?.element.remove();
    panels.delete(key);
  } else {
    if (!panel) {
      panel = new MachinePanel(key, actions);
      panels.set(key, panel);
      const after = [...panels.keys()].sort().find((other) => other > key);
      containers.machines.insertBefore(panel.element, after ? panels.get(after).element : null);
    }
    panel.update(machine, switchesOf(machine));
    panel.tick(Date.now(), timing);
  }
  containers.empty.hidden = !listed.machines || machines.size > 0;
}

function renderAll() {
  for (const key of new Set([...panels.keys(), ...machines.keys()])) renderMachine(key);
  if (listed.machines && listed.switches) containers.machines.setAttribute("aria-busy", "false");
}

/** The machine keys a switch shows in (before and after a relabel). */
function machineKeysOf(...objects) {
  return objects
    .filter((sw) => sw?.metadata?.labels?.[MACHINE_LABEL])
    .map((sw) => `${sw.metadata.namespace}/${sw.metadata.labels[MACHINE_LABEL]}`);
}

/** Applies one watch event to `store` and returns the object it replaced. */
function apply(store, event) {
  const key = keyOf(event.object);
  const before = store.get(key);
  if (event.type === "DELETED") store.delete(key);
  else store.set(key, event.object);
  return before;
}

/** Marks how long a watch event took to reach the DOM (read by bench/board.ts). */
function measured(receivedAt, work) {
  work();
  performance.measure("watch-event-to-dom", { start: receivedAt, end: performance.now() });
  requestAnimationFrame(() => performance.measure("watch-event-to-frame", { start: receivedAt }));
}

function watch(plural, store, describe, affected, signal) {
  return listAndWatch(`${API}/${plural}`, {
    signal,
    onList(list) {
      store.clear();
      for (const item of list.items) store.set(keyOf(item), item);
      listed[plural] = true;
      showConnection(containers.connection);
      renderAll();
      if (listed.machines && listed.switches) performance.mark("board-listed");
    },
    onEvent(event) {
      const receivedAt = performance.now();
      measured(receivedAt, () => {
        const before = apply(store, event);
        for (const key of new Set(affected(before, event.object))) renderMachine(key);
        addEntries(containers.timeline, describe(event.type, before, event.object));
      });
    },
    onError: (error) => showConnection(containers.connection, error),
  });
}

function describeTiming() {
  const seconds = (ms) => `${ms / 1000} s`;
  document.getElementById("timing").textContent =
    timing.flipDelayMs === undefined
      ? ""
      : `The operator flips a switch down ${seconds(timing.flipDelayMs)} after it sees it up, at most once every ${seconds(timing.flipIntervalMs)} per machine.`;
}

function addMachineForm() {
  const form = document.getElementById("add-machine");
  const error = document.getElementById("add-error");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    const data = new FormData(form);
    const namespace = timing.namespace ?? "default";
    try {
      await request("POST", `${API}/namespaces/${encodeURIComponent(namespace)}/machines`, {
        body: {
          apiVersion: `${GROUP}/v1alpha1`,
          kind: "Machine",
          metadata: { name: String(data.get("name")) },
          spec: { switches: Number(data.get("switches")) },
        },
      });
      form.reset();
    } catch (failure) {
      error.textContent = failure.message;
    }
  });
}

async function main() {
  const stop = new AbortController();
  addEventListener("pagehide", () => stop.abort());
  // The lists go out at once; the settings (timing, navigation) come beside them.
  void watch("machines", machines, describeMachine, (before, after) => [keyOf(after)], stop.signal);
  void watch("switches", switches, describeSwitch, (before, after) => machineKeysOf(before, after), stop.signal);
  addMachineForm();
  timing = await settings();
  renderNavigation(document.getElementById("navigation"), timing.navigation ?? []);
  describeTiming();
  setInterval(() => {
    const now = Date.now();
    for (const panel of panels.values()) panel.tick(now, timing);
  }, 100);
}

main().catch((error) => showConnection(containers.connection, error));
