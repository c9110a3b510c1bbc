// The resources view: every CustomResourceDefinition's kind, and for the chosen one a live table
// of its objects (the printer columns, as the API server renders them for kubectl: a Table
// watch) and the YAML of the object clicked. Built from the list and watch API, like kubectl.

import yaml from "/ui/vendor/js-yaml.mjs";
import { listAndWatch, settings } from "/ui/api.js";
import { renderNavigation, showConnection } from "/ui/nav.js";

const TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io, application/json";
const CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
const byId = (id) => document.getElementById(id);
const connection = byId("connection");
const crds = new Map();
let current;

function servedVersion(crd) {
  const served = crd.spec.versions.filter((version) => version.served);
  return (served.find((version) => version.storage) ?? served[0])?.name;
}

const kindHash = (crd) => `#/${crd.spec.group}/${servedVersion(crd)}/${crd.spec.names.plural}`;

function renderKinds() {
  const sorted = [...crds.values()]
    .filter(servedVersion)
    .sort((a, b) => a.spec.group.localeCompare(b.spec.group) || a.spec.names.kind.localeCompare(b.spec.names.kind));
  byId("no-kinds").hidden = sorted.length > 0;
  byId("kinds").replaceChildren(
    ...sorted.map((crd) => {
      const link = document.createElement("a");
      link.href = kindHash(crd);
      link.textContent = crd.spec.names.kind;
      if (location.hash === link.hash) link.setAttribute("aria-current", "true");
      const group = document.createElement("span");
      group.className = "group";
      group.textContent = ` ${crd.spec.group}`;
      const item = document.createElement("li");
      item.append(link, group);
      return item;
    }),
  );
}

/** The live table of one kind: rows by uid, redrawn on every event, with the YAML of the selected row. */
class KindView {
  constructor(crd, version) {
    this.crd = crd;
    this.namespaced = crd.spec.scope === "Namespaced";
    this.rows = new Map();
    this.columns = [];
    this.selected = undefined;
    this.stop = new AbortController();
    byId("objects-heading").textContent = `${crd.spec.names.kind} (${crd.spec.group}/${version})`;
    byId("detail").hidden = true;
    void listAndWatch(`/apis/${crd.spec.group}/${version}/${crd.spec.names.plural}?includeObject=Object`, {
      accept: TABLE,
      signal: this.stop.signal,
      onList: (table) => {
        showConnection(connection);
        this.columns = table.columnDefinitions.filter((column) => column.priority === 0 || !column.priority);
        this.rows.clear();
        for (const row of table.rows) this.rows.set(row.object.metadata.uid, row);
        this.render();
      },
      onEvent: (event) => {
        for (const row of event.object.rows ?? []) {
          if (event.type === "DELETED") this.rows.delete(row.object.metadata.uid);
          else this.rows.set(row.object.metadata.uid, row);
        }
        this.render();
      },
      onError: (error) => showConnection(connection, error),
    });
  }

  render() {
    const table = byId("objects");
    const head = document.createElement("tr");
    const names = [...(this.namespaced ? ["Namespace"] : []), ...this.columns.map((column) => column.name)];
    for (const name of names) {
      const cell = document.createElement("th");
      cell.scope = "col";
      cell.textContent = name;
      head.append(cell);
    }
    table.tHead.replaceChildren(head);
    const focused = document.activeElement?.dataset?.uid;
    const rows = [...this.rows.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
    table.tBodies[0].replaceChildren(...rows.map((row) => this.renderRow(row)));
    if (focused) table.querySelector(`button[data-uid="${CSS.escape(focused)}"]`)?.focus();
    table.hidden = rows.length === 0;
    byId("no-objects").hidden = rows.length > 0;
    this.renderDetail();
  }

  renderRow(row) {
    const line = document.createElement("tr");
    const uid = row.object.metadata.uid;
    line.setAttribute("aria-selected", String(uid === this.selected));
    const values = [
      ...(this.namespaced ? [row.object.metadata.namespace] : []),
      ...this.columns.map((_, i) => row.cells[i]),
    ];
    values.forEach((value, index) => {
      const cell = document.createElement("td");
      const isName = index === (this.namespaced ? 1 : 0);
      if (isName) {
        const button = document.createElement("button");
        button.type = "button";
        button.dataset.uid = uid;
        button.textContent = String(value);
        button.setAttribute("aria-label", `Show the YAML of ${value}`);
        button.addEventListener("click", () => {
          this.selected = uid;
          this.render();
        });
        cell.append(button);
      } else cell.textContent = value === undefined || value === null ? "" : String(value);
      line.append(cell);
    });
    return line;
  }

  renderDetail() {
    const row = this.selected && this.rows.get(this.selected);
    byId("detail").hidden = !row;
    if (!row) return;
    const { managedFields: _managedFields, ...metadata } = row.object.metadata;
    byId("detail-heading").textContent = `${row.object.metadata.name}: YAML`;
    byId("detail-yaml").textContent = yaml.dump({ ...row.object, metadata }, { noRefs: true, lineWidth: -1 });
  }
}

const keyOf = (row) => `${row.object.metadata.namespace ?? ""}/${row.object.metadata.name}`;

function selectFromHash() {
  renderKinds();
  const crd = [...crds.values()].find((candidate) => kindHash(candidate) === location.hash);
  if (crd?.metadata.name === current?.crd.metadata.name) return;
  current?.stop.abort();
  current = crd ? new KindView(crd, servedVersion(crd)) : undefined;
}

async function main() {
  renderNavigation(byId("navigation"), (await settings()).navigation ?? []);
  addEventListener("hashchange", selectFromHash);
  void listAndWatch(CRDS, {
    signal: new AbortController().signal,
    onList(list) {
      crds.clear();
      for (const crd of list.items) crds.set(crd.metadata.name, crd);
      selectFromHash();
    },
    onEvent(event) {
      if (event.type === "DELETED") crds.delete(event.object.metadata.name);
      else crds.set(event.object.metadata.name, event.object);
      selectFromHash();
    },
    onError: (error) => showConnection(connection, error),
  });
}

main().catch((error) => showConnection(connection, error));
