// The navigation between the UI server's views, from the settings it was started with.

/** Fills `<nav>` with a link per view, marking the current one. */
export function renderNavigation(nav, views) {
  const list = document.createElement("ul");
  for (const view of views) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = view.href;
    link.textContent = view.title;
    if (location.pathname === view.href) link.setAttribute("aria-current", "page");
    item.append(link);
    list.append(item);
  }
  nav.replaceChildren(list);
}

/** Shows the connection's state in a status line (role="status" announces it). */
export function showConnection(element, error) {
  element.textContent = error ? `Reconnecting: ${error.message}` : "";
  element.hidden = !error;
}
