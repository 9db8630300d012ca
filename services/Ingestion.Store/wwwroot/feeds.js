// Feed health, as the FeedWorker reports it (read by the Store server-side: /ops/api/feed-health).
"use strict";

(async () => {
  const time = (iso) => (iso ? new Date(iso).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never");
  try {
    const { body } = await Ops.getJson("/ops/api/feed-health");
    if (!body.configured) {
      Ops.status("Feed health is not configured: set Store:FeedWorkerUrl to the FeedWorker's base URL.");
      document.body.dataset.ready = "not-configured";
      return;
    }
    const failing = body.feeds.filter((f) => f.enabled && !f.healthy).length;
    Ops.status(`${body.feeds.length} feed(s), ${failing} failing.`);
    const table = document.getElementById("feeds");
    table.querySelector("tbody").replaceChildren(...body.feeds.map(row));
    table.hidden = false;
    document.body.dataset.ready = "true";
  } catch (error) {
    Ops.status(`Could not load feed health: ${error.message}`, true);
    document.body.dataset.ready = "error";
  }

  function row(f) {
    const state = !f.enabled ? ["off", "disabled"] : f.healthy ? ["ok", "healthy"] : ["bad", "failing"];
    return Ops.el("tr", { "data-feed-url": f.url, "data-state": state[1] },
      Ops.el("td", {}, Ops.text(f.name, "div"), Ops.el("a", { href: f.url, rel: "noreferrer noopener" }, f.url)),
      Ops.el("td", {}, Ops.el("span", { class: `badge ${state[0]}` }, state[1])),
      Ops.el("td", {}, time(f.lastPolledAt)),
      Ops.el("td", {}, time(f.lastSuccessAt)),
      Ops.el("td", { class: "num" }, f.consecutiveErrors),
      Ops.el("td", { class: "num" }, f.itemsSeen),
      Ops.el("td", {}, f.enabled ? time(f.nextPollAt) : "—"),
      Ops.el("td", {}, f.lastError || "—"));
  }
})();
