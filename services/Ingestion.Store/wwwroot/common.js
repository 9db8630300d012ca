// Shared by the operator pages: the read API, incident kinds, and safe DOM building.
// Every text from the news (titles, places, evidence) goes in through textContent, never as HTML.
"use strict";

const Ops = (() => {
  const KINDS = {
    rocket_attack: { label: "Rocket attack", color: "#d62728" },
    drone_attack: { label: "Drone attack", color: "#ff7f0e" },
    missile_attack: { label: "Ballistic missile", color: "#9467bd" },
    airstrike: { label: "Airstrike", color: "#1f77b4" },
    explosion: { label: "Explosion", color: "#8c564b" },
    other_attack: { label: "Other attack", color: "#7f7f7f" },
  };
  const kind = (k) => KINDS[k] || { label: k, color: "#444" };

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      let detail = response.statusText;
      try { const problem = await response.json(); detail = problem.detail || problem.title || detail; } catch { /* not JSON */ }
      throw new Error(`${path}: ${response.status} ${detail}`);
    }
    return { body: await response.json(), url: response.url };
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    for (const child of children.flat(Infinity)) if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    setAttrs(node, attrs);
    for (const child of children.flat(Infinity)) if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [name, value] of Object.entries(attrs || {})) if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
  }

  // Arabic text is marked so the browser lays it out right to left.
  const hasArabic = (text) => /[\u0600-\u06FF]/.test(text || "");
  const text = (value, tag = "span") => hasArabic(value) ? el(tag, { lang: "ar", dir: "rtl" }, value) : el(tag, {}, value ?? "—");

  const incidentDate = (i) => i.date || i.firstSeen;
  const figure = (n) => (n === null || n === undefined ? "—" : String(n));
  const placeName = (p) => (p ? `${p.name} (${p.country})` : "place unknown");

  function status(message, isError = false) {
    const node = document.getElementById("status");
    node.textContent = message;
    node.classList.toggle("error", isError);
  }

  function legend(kinds) {
    return el("div", { class: "legend" }, kinds.map((k) => el("span", {}, el("span", { class: "swatch", style: `background:${kind(k).color}` }), kind(k).label)));
  }

  return { KINDS, kind, getJson, el, svg, text, incidentDate, figure, placeName, status, legend };
})();
