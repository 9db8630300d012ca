// The incident map: simplified country outlines shipped with the Store (region.geojson, approximate,
// drawn by hand) projected to SVG in Web Mercator, so optional raster tiles line up with them when a
// tile server is configured and reachable. With no tiles the map is complete on its own, offline.
"use strict";

const IncidentMap = (() => {
  const ZOOM = 6, TILE = 256, WORLD = TILE * 2 ** ZOOM;
  const BOUNDS = { west: 33.6, east: 50.4, south: 27.6, north: 39.0 };

  const project = ([lon, lat]) => {
    const sin = Math.sin((lat * Math.PI) / 180);
    return [((lon + 180) / 360) * WORLD, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * WORLD];
  };
  const [left, top] = project([BOUNDS.west, BOUNDS.north]);
  const [right, bottom] = project([BOUNDS.east, BOUNDS.south]);
  const width = right - left, height = bottom - top;
  const toView = (lonLat) => { const [x, y] = project(lonLat); return [+(x - left).toFixed(1), +(y - top).toFixed(1)]; };

  let outlines = null;
  const loadOutlines = () => (outlines ??= Ops.getJson("/ops/assets/region.geojson").then((r) => r.body));

  const pathOf = (geometry) => {
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    return polygons.flat().map((ring) => "M" + ring.map((p) => toView(p).join(" ")).join("L") + "Z").join("");
  };

  function tiles(template) {
    const group = Ops.svg("g", { class: "tiles" });
    for (let tx = Math.floor(left / TILE); tx <= Math.floor(right / TILE); tx++)
      for (let ty = Math.floor(top / TILE); ty <= Math.floor(bottom / TILE); ty++) {
        const href = template.replace("{z}", ZOOM).replace("{x}", tx).replace("{y}", ty);
        const image = Ops.svg("image", { href, x: tx * TILE - left, y: ty * TILE - top, width: TILE, height: TILE });
        image.addEventListener("error", () => image.remove()); // offline: the outlines remain
        group.append(image);
      }
    return group;
  }

  // Incidents at the same place are fanned out a little, so each stays clickable.
  function positions(incidents) {
    const seen = new Map();
    return incidents.map((i) => {
      const [x, y] = toView([i.place.lon, i.place.lat]);
      const key = `${x},${y}`, n = seen.get(key) || 0;
      seen.set(key, n + 1);
      const angle = n * 2.4, radius = n === 0 ? 0 : 5 + 2 * Math.sqrt(n);
      return [+(x + radius * Math.cos(angle)).toFixed(1), +(y + radius * Math.sin(angle)).toFixed(1)];
    });
  }

  function dot(incident, [x, y]) {
    const casualties = (incident.killed || 0) + (incident.wounded || 0);
    const k = Ops.kind(incident.kind);
    const title = `${k.label}, ${Ops.incidentDate(incident)}, ${Ops.placeName(incident.place)}: killed ${Ops.figure(incident.killed)}, wounded ${Ops.figure(incident.wounded)}, ${incident.sourceCount} source(s)`;
    return Ops.svg("a", { href: `/ops/incident?id=${incident.incidentId}`, "data-incident-id": incident.incidentId },
      Ops.svg("circle", { class: "incident", cx: x, cy: y, r: (4 + Math.min(8, Math.sqrt(casualties))).toFixed(1), fill: k.color, "data-kind": incident.kind }, Ops.svg("title", {}, title)));
  }

  async function draw(container, incidents, options = {}) {
    const geo = await loadOutlines();
    const root = Ops.svg("svg", { class: "map" + (options.tileUrl ? " with-tiles" : ""), viewBox: `0 0 ${width.toFixed(0)} ${height.toFixed(0)}`, role: "img", "aria-label": "Map of incidents in Iraq, Syria and neighbouring countries" });
    if (options.tileUrl) root.append(tiles(options.tileUrl));
    const focus = new Set(incidents.filter((i) => i.place).map((i) => i.place.country));
    root.append(Ops.svg("g", { class: "countries" }, geo.features.map((f) =>
      Ops.svg("path", { class: "country" + (focus.has(f.properties.iso) ? " focus" : ""), "data-country": f.properties.iso, d: pathOf(f.geometry) }, Ops.svg("title", {}, f.properties.name)))));
    root.append(Ops.svg("g", {}, geo.features.map((f) => {
      const [x, y] = toView(f.properties.label);
      return Ops.svg("text", { class: "country-label", x, y }, f.properties.name);
    })));
    const placed = incidents.filter((i) => i.place).sort((a, b) => (b.killed || 0) + (b.wounded || 0) - ((a.killed || 0) + (a.wounded || 0)));
    const xy = positions(placed);
    root.append(Ops.svg("g", { class: "incidents" }, placed.map((i, n) => dot(i, xy[n]))));
    root.append(Ops.svg("text", { class: "caption", x: 6, y: height - 6 }, "Outlines simplified and approximate" + (options.tileUrl ? "; tiles when online" : "; offline map")));
    container.replaceChildren(root);
    return { placed: placed.length, unplaced: incidents.length - placed.length };
  }

  return { draw, project: toView };
})();
