// The incidents page: filters in the address bar, the same filters as GET /incidents and the exports.
"use strict";

(async () => {
  const FILTERS = ["from", "to", "kind", "country"];
  const params = new URLSearchParams(location.search);
  const form = document.getElementById("filters");
  const kinds = document.getElementById("kind");
  for (const [value, { label }] of Object.entries(Ops.KINDS)) kinds.append(Ops.el("option", { value }, label));
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) { form.elements[name].value = value; query.set(name, value); }
  }
  document.getElementById("export-csv").href = `/incidents.csv?${query}`;
  document.getElementById("export-geojson").href = `/incidents.geojson?${query}`;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTERS) if (form.elements[name].value) next.set(name, form.elements[name].value.trim());
    location.search = next.toString();
  });

  try {
    query.set("limit", "500");
    const [{ body: incidents }, { body: config }] = await Promise.all([Ops.getJson(`/incidents?${query}`), Ops.getJson("/ops/api/config")]);
    const shown = await IncidentMap.draw(document.getElementById("map"), incidents, { tileUrl: config.mapTileUrl });
    document.getElementById("legend").replaceChildren(Ops.legend([...new Set(incidents.map((i) => i.kind))]));
    Timeline.draw(document.getElementById("timeline"), incidents);
    document.querySelector("#summary tbody").replaceChildren(...summary(incidents));
    document.querySelector("#incidents tbody").replaceChildren(...incidents.map(row));
    Ops.status(`${incidents.length} incident(s)` + (shown.unplaced ? `, ${shown.unplaced} without a known place (listed, not on the map)` : "") + (incidents.length === 500 ? "; showing the 500 most recent" : ""));
    document.body.dataset.ready = "true";
  } catch (error) {
    Ops.status(`Could not load incidents: ${error.message}`, true);
    document.body.dataset.ready = "error";
  }

  function summary(incidents) {
    const sum = (list, f) => list.reduce((n, i) => n + (i[f] || 0), 0);
    return Object.keys(Ops.KINDS).map((k) => [k, incidents.filter((i) => i.kind === k)]).filter(([, list]) => list.length > 0)
      .map(([k, list]) => Ops.el("tr", { "data-kind": k },
        Ops.el("td", {}, Ops.el("span", { class: "swatch", style: `background:${Ops.kind(k).color}` }), Ops.kind(k).label),
        Ops.el("td", { class: "num" }, list.length), Ops.el("td", { class: "num" }, sum(list, "killed")), Ops.el("td", { class: "num" }, sum(list, "wounded"))));
  }

  function row(i) {
    const link = Ops.el("a", { href: `/ops/incident?id=${i.incidentId}` }, Ops.incidentDate(i) + (i.date ? "" : " (reported)"));
    return Ops.el("tr", { "data-incident-id": i.incidentId },
      Ops.el("td", {}, link),
      Ops.el("td", {}, Ops.el("span", { class: "swatch", style: `background:${Ops.kind(i.kind).color}` }), Ops.kind(i.kind).label),
      Ops.el("td", {}, i.place ? [`${i.place.name} (${i.place.country})`, i.place.nameArabic ? [" · ", Ops.text(i.place.nameArabic)] : null] : "—"),
      Ops.el("td", {}, Ops.text(i.attacker)),
      Ops.el("td", {}, Ops.text(i.target)),
      Ops.el("td", { class: "num" }, Ops.figure(i.killed)),
      Ops.el("td", { class: "num" }, Ops.figure(i.wounded)),
      Ops.el("td", { class: "num" }, i.sourceCount));
  }
})();
