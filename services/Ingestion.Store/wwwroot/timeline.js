// The timeline: incidents stacked per period (a day, or several days when the range is long), coloured by kind.
"use strict";

const Timeline = (() => {
  const DAY = 86400000, WIDTH = 1200, MARGIN = 40, STEP = 12, MIN_DAYS = 14, MAX_COLUMNS = 80;
  const dayOf = (iso) => Date.parse(iso + "T00:00:00Z") / DAY;
  const isoOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);

  function draw(container, incidents) {
    if (incidents.length === 0) { container.replaceChildren(Ops.el("p", { class: "status" }, "No incidents in this range.")); return; }
    const days = incidents.map((i) => dayOf(Ops.incidentDate(i)));
    const last = Math.max(...days), first = Math.min(Math.min(...days), last - MIN_DAYS + 1);
    // Long ranges are grouped into periods of several days, so each column stays wide enough to see.
    const period = Math.ceil((last - first + 1) / MAX_COLUMNS), columns = Math.ceil((last - first + 1) / period);
    const width = (WIDTH - 2 * MARGIN) / columns;
    const stacks = new Map();
    const sorted = [...incidents].sort((a, b) => Ops.incidentDate(a).localeCompare(Ops.incidentDate(b)) || a.kind.localeCompare(b.kind));
    const dots = sorted.map((i) => {
      const column = Math.floor((dayOf(Ops.incidentDate(i)) - first) / period), level = stacks.get(column) || 0;
      stacks.set(column, level + 1);
      return { i, x: MARGIN + (column + 0.5) * width, level };
    });
    const height = 56 + STEP * Math.max(...stacks.values()), base = height - 34;
    const root = Ops.svg("svg", { class: "timeline", viewBox: `0 0 ${WIDTH} ${height}`, role: "img", "aria-label": "Incidents over time" });
    root.append(Ops.svg("line", { class: "axis", x1: MARGIN, x2: WIDTH - MARGIN, y1: base + 8, y2: base + 8 }));
    const every = Math.max(1, Math.ceil(columns / 8));
    for (let c = 0; c < columns; c += every)
      root.append(Ops.svg("text", { x: MARGIN + (c + 0.5) * width, y: height - 8, "text-anchor": "middle" }, isoOf(first + c * period)));
    if (period > 1) root.append(Ops.svg("text", { x: WIDTH - MARGIN, y: 12, "text-anchor": "end" }, `one column = ${period} days`));
    for (const { i, x, level } of dots)
      root.append(Ops.svg("a", { href: `/ops/incident?id=${i.incidentId}`, "data-incident-id": i.incidentId },
        Ops.svg("circle", { cx: x.toFixed(1), cy: base - level * STEP, r: Math.min(5, width / 2).toFixed(1), fill: Ops.kind(i.kind).color },
          Ops.svg("title", {}, `${Ops.incidentDate(i)} ${Ops.kind(i.kind).label}, ${Ops.placeName(i.place)}`))));
    container.replaceChildren(root);
  }

  return { draw };
})();
