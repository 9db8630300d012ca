// One incident: what the Store concluded, and per source what the article said, with its evidence sentence.
"use strict";

(async () => {
  const id = new URLSearchParams(location.search).get("id");
  if (!id) { Ops.status("No incident id in the address (…/ops/incident?id=…).", true); document.body.dataset.ready = "error"; return; }
  try {
    const [{ body: detail, url }, { body: config }] = await Promise.all([Ops.getJson(`/incidents/${encodeURIComponent(id)}`), Ops.getJson("/ops/api/config")]);
    const incident = detail.incident;
    // A merged incident redirects to the one it was folded into: show that one under its own address.
    if (!url.endsWith(`/incidents/${id}`)) {
      history.replaceState(null, "", `/ops/incident?id=${incident.incidentId}`);
      Ops.status(`Incident ${id} was merged into this one.`);
    } else Ops.status(`${detail.mentions.length} mention(s) from ${incident.sourceCount} source(s); revision ${incident.revision}.`);
    document.getElementById("title").textContent = `${Ops.kind(incident.kind).label}, ${Ops.incidentDate(incident)}`;
    document.title = `${Ops.kind(incident.kind).label} ${Ops.incidentDate(incident)} · Ingestion`;
    document.getElementById("facts").replaceChildren(...facts(incident));
    await IncidentMap.draw(document.getElementById("map"), [incident], { tileUrl: config.mapTileUrl });
    document.querySelector("#mentions tbody").replaceChildren(...detail.mentions.map(mention));
    document.body.dataset.ready = "true";
  } catch (error) {
    Ops.status(`Could not load incident ${id}: ${error.message}`, true);
    document.body.dataset.ready = "error";
  }

  function facts(i) {
    const rows = [
      ["Kind", Ops.kind(i.kind).label],
      ["Date", i.date || `unknown (first reported ${i.firstSeen})`],
      ["Place", i.place ? [`${i.place.name} (${i.place.country}, ${i.place.precision}) `, i.place.nameArabic ? Ops.text(i.place.nameArabic) : null] : "unknown"],
      ["Attacker", Ops.text(i.attacker)],
      ["Target", Ops.text(i.target)],
      ["Killed", Ops.figure(i.killed)],
      ["Wounded", Ops.figure(i.wounded)],
      ["Intercepted", i.intercepted ? "yes" : "no"],
      ["Claimed by", Ops.text(i.claimedBy)],
      ["Denials", i.denials.length ? i.denials.map((d) => Ops.text(d)) : "none"],
      ["Sources", `${i.sourceCount}: ${i.sources.join(", ")}`],
      ["Reported", `${i.firstSeen} to ${i.lastSeen}`],
    ];
    return rows.flatMap(([label, value]) => [Ops.el("dt", {}, label), Ops.el("dd", {}, value)]);
  }

  function mention(m) {
    return Ops.el("tr", { "data-mention-id": m.mentionId },
      Ops.el("td", {}, m.source),
      Ops.el("td", {}, Ops.el("a", { href: m.articleUrl, rel: "noreferrer noopener", target: "_blank", dir: "auto" }, m.articleTitle || m.articleUrl)),
      Ops.el("td", {}, m.published),
      Ops.el("td", {}, m.date || "—"),
      Ops.el("td", {}, m.place ? m.place.name : "—"),
      Ops.el("td", { class: "num" }, Ops.figure(m.killed)),
      Ops.el("td", { class: "num" }, Ops.figure(m.wounded)),
      Ops.el("td", {}, Ops.el("blockquote", { class: "evidence", lang: "ar", dir: "rtl" }, m.evidence)));
  }
})();
