// The ledger's dashboard: three kinds of Server-Sent Events stream, drawn with the DOM and SVG; only the map of
// reported violations uses a library (d3's projection, served from the d3 webjar).
// Every value from the server goes into the page as text (textContent), never as markup.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const MAX_TIMELINES = 6;
const commitments = new Map();          // id -> commitment view
const timelines = new Map();            // negotiationId -> { facts: Map(id -> fact), stream, element }
const activity = new Map();             // negotiationId -> position of its latest commitment change
// ?negotiationId=X (repeatable) pins the charts to those negotiations; otherwise the most recently active.
const address = new URLSearchParams(location.search);
const pinned = address.getAll("negotiationId");
// ?validAt= and ?asOf= (ISO-8601, UTC) show the board as it stood then, or as the ledger knew it then: the
// streams are paused and the views are read at that moment. Without them, the board is live.
const moment = { validAt: address.get("validAt"), asOf: address.get("asOf") };
const span = { from: null, to: null };  // the history's valid-time span, for the slider
const reports = new Map();              // commitmentId -> its violation reports (with locations), for map and detail
let selected = null;                    // the commitment whose reports are shown
let world = null;                       // the countries, GeoJSON
let drawn = { frame: null, countries: [] };  // the countries as last drawn, and the frame they were drawn in
const loadingReports = new Map();
let choosing = null;
const streams = new Set();
let brokenStream = null;

// ---- Streams ------------------------------------------------------------------------------------------------

/**
 * Opens a stream and keeps it open. EventSource reconnects by itself (sending Last-Event-ID) after a dropped
 * connection; when the server refused it outright, it gives up, so we open it again, resuming by query parameter.
 */
function follow(url, handlers) {
  const stream = { source: null, lastEventId: null, closed: false };
  const open = () => {
    const resume = stream.lastEventId ? (url.includes("?") ? "&" : "?") + "lastEventId=" + encodeURIComponent(stream.lastEventId) : "";
    const source = new EventSource(url + resume);
    stream.source = source;
    source.onopen = () => showConnection();
    source.onerror = () => {
      showConnection();
      if (source.readyState === EventSource.CLOSED && !stream.closed) {
        setTimeout(open, 3000);
      }
    };
    for (const [name, handle] of Object.entries(handlers)) {
      source.addEventListener(name, event => {
        stream.lastEventId = event.lastEventId;
        handle(JSON.parse(event.data), event.lastEventId);
      });
    }
  };
  stream.close = () => { stream.closed = true; stream.source.close(); streams.delete(stream); showConnection(); };
  streams.add(stream);
  open();
  return stream;
}

function showConnection() {
  if (!live()) {
    const element = document.getElementById("connection");
    element.dataset.state = "paused";
    element.textContent = "paused: " + describe(moment);
    return;
  }
  const all = [...streams].map(s => s.source && s.source.readyState);
  const open = all.length > 0 && all.every(state => state === EventSource.OPEN);
  const element = document.getElementById("connection");
  element.dataset.state = open ? "live" : "reconnecting";
  element.textContent = open ? "live" : "reconnecting…";
}

// ---- Commitments --------------------------------------------------------------------------------------------

function onCommitment(view, id) {
  commitments.set(view.id, view);
  widen(view);
  // The id is <global index>@<moment>: the index says how recent the change is.
  activity.set(view.negotiationId, Math.max(activity.get(view.negotiationId) || 0, Number.parseInt(id, 10) || 0));
  renderCommitments(view.id);
  renderTimeline(view.negotiationId);
  loadReports(view.id);
  // Choose the charts once a burst of changes (the first state, above all) has passed.
  clearTimeout(choosing);
  choosing = setTimeout(chooseTimelines, 250);
}

/** Charts the pinned negotiations, or the most recently active ones; stops following the rest. */
function chooseTimelines() {
  const wanted = pinned.length > 0 ? pinned
    : [...activity.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_TIMELINES).map(([id]) => id);
  for (const [id, timeline] of timelines) {
    if (!wanted.includes(id)) {
      timeline.stream.close();
      timeline.element.remove();
      timelines.delete(id);
    }
  }
  for (const id of wanted) {
    const timeline = chart(id);
    if (live() && !timeline.stream) {
      followTimeline(timeline);
    }
  }
}

function renderCommitments(changedId) {
  offerFilters();
  const body = document.querySelector("#commitments tbody");
  const sorted = [...commitments.values()].filter(passes).sort((a, b) =>
    (a.effectiveFromUtc || "").localeCompare(b.effectiveFromUtc || "") || a.id.localeCompare(b.id));
  body.replaceChildren(...sorted.map(view => {
    const row = document.createElement("tr");
    row.dataset.commitmentId = view.id;
    if (view.id === changedId) {
      row.classList.add("changed");
    }
    if (view.id === selected) {
      row.classList.add("selected");
    }
    const status = document.createElement("span");
    status.className = "status";
    status.dataset.status = view.status;
    status.textContent = view.status + (view.endedReason ? " · " + view.endedReason : "");
    row.append(
      cell(titled(view.title, view.id, true), "title"), cell(words(view.kind)), cell(view.negotiationId), cell(status),
      cell(time(view.effectiveFromUtc), "time"), cell(time(view.firstViolationAtUtc), "time"),
      cell(view.minutesToFirstViolation ?? ""), cell(view.reports ? view.reports.standing : ""));
    return row;
  }));
  label(document.getElementById("commitments"));
  document.getElementById("commitments-empty").hidden = sorted.length > 0;
  exportCsv(sorted);
  renderMap();
}

// ---- Filters and export -------------------------------------------------------------------------------------

const FILTERS = {
  negotiation: view => [view.negotiationId],
  status: view => [view.status],
  party: view => view.parties || [],
  kind: view => [view.kind],
};

function passes(view) {
  return Object.entries(FILTERS).every(([name, values]) => {
    const chosen = document.getElementById("filter-" + name).value;
    return !chosen || values(view).includes(chosen);
  });
}

/** Each filter offers the values the commitments have, keeping the one chosen. */
function offerFilters() {
  for (const [name, values] of Object.entries(FILTERS)) {
    const select = document.getElementById("filter-" + name);
    const offered = [...new Set([...commitments.values()].flatMap(values).concat(select.value ? [select.value] : []))]
      .filter(Boolean).sort();
    const now = [...select.options].slice(1).map(o => o.value);
    if (now.join("\n") === offered.join("\n")) continue;
    const chosen = select.value;
    select.replaceChildren(select.options[0], ...offered.map(value => {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = name === "kind" ? words(value) : value;
      return option;
    }));
    select.value = chosen;
  }
}

/** The table as shown (filters applied) as CSV, behind the export link. */
function exportCsv(rows) {
  const columns = ["id", "title", "kind", "negotiationId", "status", "effectiveFromUtc", "firstViolationAtUtc",
    "minutesToFirstViolation", "standingReports"];
  const quote = value => {
    const text = String(value ?? "");
    return /[",\n]/.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text;
  };
  const lines = [columns.join(",")].concat(rows.map(v => [v.id, v.title, v.kind, v.negotiationId, v.status,
    v.effectiveFromUtc, v.firstViolationAtUtc, v.minutesToFirstViolation, v.reports ? v.reports.standing : ""]
    .map(quote).join(",")));
  const link = document.getElementById("export");
  // A data: address: the page's policy lets it be downloaded, and a test read it, where a blob: could not be.
  link.href = "data:text/csv;charset=utf-8," + encodeURIComponent(lines.join("\r\n") + "\r\n");
}

// ---- A commitment's reports: the detail and the map ---------------------------------------------------------

/** Reads a commitment's reports (as of the moment chosen); several changes at once read them once. */
function loadReports(commitmentId) {
  clearTimeout(loadingReports.get(commitmentId));
  loadingReports.set(commitmentId, setTimeout(async () => {
    const query = at();
    const list = await read("/api/v1/commitments/" + encodeURIComponent(commitmentId) + "/violations"
      + (moment.asOf ? "?asOf=" + encodeURIComponent(moment.asOf) : ""), true);
    if (query !== at()) return;
    const validAt = moment.validAt ? Date.parse(moment.validAt) : Infinity;
    reports.set(commitmentId, (list || []).filter(r => Date.parse(r.occurredAtUtc) <= validAt));
    renderMap();
    if (selected === commitmentId) renderDetail();
  }, 150));
}

function select(commitmentId) {
  selected = commitmentId;
  renderCommitments();
  renderDetail();
  document.getElementById("detail").scrollIntoView({ block: "nearest" });
}

function renderDetail() {
  const section = document.getElementById("detail");
  const view = commitments.get(selected);
  section.hidden = !selected;
  if (!selected) return;
  document.getElementById("detail-title").textContent = "Reports on " + (view ? view.title : selected);
  const list = reports.get(selected) || [];
  document.querySelector("#reports tbody").replaceChildren(...list.map(report => {
    const row = document.createElement("tr");
    row.dataset.violationId = report.id;
    const latest = report.assessments.length > 0 ? report.assessments[report.assessments.length - 1] : null;
    const audit = document.createElement("a");
    audit.href = "/api/v1/audit/events?aggregateId=" + encodeURIComponent(report.commitmentId);
    audit.textContent = "events of " + report.commitmentId;
    const status = document.createElement("span");
    status.className = "status";
    status.dataset.status = report.status;
    status.textContent = report.status;
    row.append(cell(titled(report.description || report.id, report.id), "title"), cell(report.reportedBy),
      cell(report.accused), cell(time(report.occurredAtUtc), "time"), cell(place(report.location)), cell(status),
      cell(latest ? latest.outcome + (latest.attributedTo ? " (" + latest.attributedTo + ")" : "") + " by " + latest.assessedBy : ""),
      cell(report.retraction ? "by " + report.retraction.retractedBy + ": " + report.retraction.reason : ""),
      cell(time(report.recordedAt), "time"), cell(audit));
    return row;
  }));
  label(document.getElementById("reports"));
  document.getElementById("reports-empty").hidden = list.length > 0;
}

function place(location) {
  if (!location) return "";
  const at = location.latitude != null ? location.latitude.toFixed(2) + ", " + location.longitude.toFixed(2) : "";
  return [location.name, at].filter(Boolean).join(" · ");
}

/**
 * Reported violations by place, over the countries (d3's projection, the GeoJSON of ECharts' world map, both
 * served from the jar): standing reports as filled red dots, retracted ones as dashed rings, those assessed
 * unfounded as squares; each a button for its commitment's reports.
 */
async function renderMap() {
  const svg = document.getElementById("map");
  const located = [...reports.values()].flat().filter(r => r.location && r.location.latitude != null
    && commitments.has(r.commitmentId) && passes(commitments.get(r.commitmentId)));
  document.getElementById("map-empty").hidden = located.length > 0;
  if (typeof d3 === "undefined") return;
  if (world == null) {
    world = await read("/webjars/echarts/4.1.0/map/json/world.json", true) || { type: "FeatureCollection", features: [] };
  }
  const points = { type: "MultiPoint", coordinates: located.map(r => [r.location.longitude, r.location.latitude]) };
  // Around the reports (a few degrees of margin), or the parties' region before there are any.
  const frame = located.length > 0 ? d3.geoBounds(points) : [[38, 36], [52, 44]];
  const margin = 3;
  const extent = { type: "MultiPoint", coordinates: [[frame[0][0] - margin, frame[0][1] - margin],
    [frame[1][0] + margin, frame[1][1] + margin]] };
  const projection = d3.geoMercator().fitExtent([[10, 10], [990, 410]], extent);
  const path = d3.geoPath(projection);
  const parties = new Set([...commitments.values()].flatMap(v => v.parties || []));
  // The countries are redrawn only when their frame or the parties change, not on every change of a commitment.
  const frameKey = JSON.stringify(extent.coordinates) + [...parties].sort().join(",");
  if (drawn.frame !== frameKey) {
    drawn = { frame: frameKey, countries: drawCountries(path, parties) };
  }
  const countries = drawn.countries;
  const marks = located.map(report => {
    const [px, py] = projection([report.location.longitude, report.location.latitude]);
    const mark = report.status === "UNFOUNDED"
      ? element("rect", { class: "report-unfounded", x: px - 5, y: py - 5, width: 10, height: 10 })
      : element("circle", { class: report.status === "RETRACTED" ? "report-retracted" : "report-standing",
        cx: px, cy: py, r: report.status === "RETRACTED" ? 5 : 6 });
    mark.dataset.violationId = report.id;
    mark.dataset.commitmentId = report.commitmentId;
    mark.dataset.status = report.status;
    mark.setAttribute("tabindex", "0");
    mark.setAttribute("role", "button");
    const title = element("title", {});
    title.textContent = report.status + " · " + place(report.location) + " · " + (report.description || report.id)
      + " · reported by " + report.reportedBy + " against " + report.accused;
    mark.append(title);
    mark.addEventListener("click", () => select(report.commitmentId));
    mark.addEventListener("keydown", event => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); select(report.commitmentId); }
    });
    return mark;
  });
  svg.replaceChildren(...countries, ...marks);
}

/** The countries' paths (ECharts' features carry no "type": their geometries are drawn as they are). */
function drawCountries(path, parties) {
  return world.features.map(feature => {
    const country = element("path", { class: "country" + (parties.has(feature.properties.name.toLowerCase()) ? " party" : ""),
      d: path(feature.geometry) || "", "data-country": feature.properties.name });
    const name = element("title", {});
    name.textContent = feature.properties.name;
    country.append(name);
    return country;
  });
}

// ---- Broken within hours ------------------------------------------------------------------------------------

function followBroken() {
  if (brokenStream) {
    brokenStream.close();
    brokenStream = null;
  }
  const hours = Number(document.getElementById("hours").value);
  if (!(hours >= 0)) {
    return;
  }
  if (live()) {
    brokenStream = follow("/api/v1/stream/broken?withinHours=" + hours, { broken: renderBroken });
  } else {
    read("/api/v1/commitments/broken?withinHours=" + hours + "&" + at()).then(list => list && renderBroken(list));
  }
}

function renderBroken(list) {
  const body = document.querySelector("#broken tbody");
  body.replaceChildren(...list.map(item => {
    const row = document.createElement("tr");
    row.dataset.commitmentId = item.commitmentId;
    row.append(cell(titled(item.title, item.commitmentId), "title"), cell(time(item.effectiveFromUtc), "time"),
      cell(time(item.firstViolationAtUtc), "time"), cell(item.minutesToBreak), cell(item.reportedBy ?? ""),
      cell(item.accused ?? ""), cell(item.assessment ?? "unassessed"));
    return row;
  }));
  label(document.getElementById("broken"));
  document.getElementById("broken-empty").hidden = list.length > 0;
}

// ---- Timelines ----------------------------------------------------------------------------------------------

/** A negotiation's chart, made when first asked for, headed by the negotiation's title. */
function chart(negotiationId) {
  if (timelines.has(negotiationId)) {
    return timelines.get(negotiationId);
  }
  const element = document.createElement("div");
  element.className = "timeline";
  element.dataset.negotiationId = negotiationId;
  const heading = document.createElement("h3");
  heading.textContent = negotiationId;
  element.append(heading);
  document.getElementById("timelines").append(element);
  const timeline = { id: negotiationId, facts: new Map(), element, title: heading, stream: null,
    zoom: { scale: 1, centre: null } };
  timelines.set(negotiationId, timeline);
  // Zoom and pan, by buttons a keyboard reaches: the scale divides the chart's span, the centre moves in steps.
  const controls = document.createElement("div");
  controls.className = "zoom";
  controls.setAttribute("role", "group");
  controls.setAttribute("aria-label", "Zoom the timeline");
  for (const [action, label, name] of [["out", "−", "Zoom out"], ["in", "+", "Zoom in"], ["left", "◀", "Earlier"],
    ["right", "▶", "Later"], ["fit", "Fit", "Show the whole span"]]) {
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.zoom = action;
    button.textContent = label;
    button.setAttribute("aria-label", name);
    button.addEventListener("click", () => zoom(timeline, action));
    controls.append(button);
  }
  element.append(controls);
  read("/api/v1/negotiations/" + encodeURIComponent(negotiationId), true).then(negotiation => {
    if (negotiation) heading.textContent = negotiation.title;
  });
  return timeline;
}

function followTimeline(timeline) {
  timeline.facts.clear();
  timeline.stream = follow("/api/v1/stream/timeline?negotiationId=" + encodeURIComponent(timeline.id), {
    fact: (fact, id) => {
      timeline.facts.set(id, fact);
      renderTimeline(timeline.id);
    }
  });
}

function zoom(timeline, action) {
  const z = timeline.zoom;
  const [lo, hi] = timeline.window || [0, 0];
  if (action === "in") {
    z.scale = Math.min(z.scale * 2, 1024);
  } else if (action === "out") {
    z.scale = Math.max(z.scale / 2, 1);
  } else if (action === "fit") {
    z.scale = 1;
    z.centre = null;
  } else if (z.scale > 1) {
    z.centre = (lo + hi) / 2 + (action === "left" ? -1 : 1) * (hi - lo) / 2;
  }
  renderTimeline(timeline.id);
}

/** Facts whose time is the ledger's (a retraction) or a finding's, which may come long after the events. */
const AFTERWARDS = ["ViolationReportRetracted", "ViolationAssessed"];
const ENDINGS = ["CommitmentEnded", "CommitmentExpired", "CommitmentSuperseded"];

/**
 * One row per commitment from its taking effect to its end (or the last fact), with its violation reports.
 * The axis spans the valid times of what happened (agreements, effects, reports, ends, statements); findings
 * and retractions outside it stand in a "later" column rather than stretching it. Marks a few pixels apart
 * on one row are staggered, so a report minutes after a truce took effect stays visible beside it.
 */
function renderTimeline(negotiationId) {
  const timeline = timelines.get(negotiationId);
  if (!timeline) {
    return;
  }
  const facts = [...timeline.facts.values()].filter(f => f.validAtUtc);
  const old = timeline.element.querySelector("svg");
  const core = facts.filter(f => !AFTERWARDS.includes(f.type));
  if (core.length === 0) {
    if (old) old.remove();
    return;
  }
  const rows = [...new Set(core.filter(f => f.type !== "StatementIssued").map(f => f.recordId))];
  const times = core.map(f => Date.parse(f.validAtUtc));
  const from = Math.min(...times), to = Math.max(...times);
  const pad = Math.max((to - from) * 0.03, 3600_000);
  const later = facts.filter(f => AFTERWARDS.includes(f.type) && Date.parse(f.validAtUtc) > to + pad);
  const left = 220, right = later.length > 0 ? 900 : 980, top = 28, rowHeight = 30;
  // The window shown: the whole span, or a part of it when zoomed in.
  const full = [from - pad, to + pad];
  const width = (full[1] - full[0]) / timeline.zoom.scale;
  const centre = Math.min(Math.max(timeline.zoom.centre ?? (full[0] + full[1]) / 2, full[0] + width / 2), full[1] - width / 2);
  timeline.zoom.centre = timeline.zoom.scale === 1 ? null : centre;
  timeline.window = [centre - width / 2, centre + width / 2];
  const [lo, hi] = timeline.window;
  const x = t => left + (right - left) * (t - lo) / (hi - lo);
  const shown = t => t >= lo && t <= hi;
  const height = top + (rows.length + 1) * rowHeight + 24;
  const svg = element("svg", { class: "chart", viewBox: "0 0 1000 " + height, role: "img",
    "aria-label": "Timeline of " + timeline.title.textContent });

  // Axis: ticks at whole days (or hours, for a short history); the year where the span needs it.
  const span = hi - lo;
  const step = span > 3 * 86400_000 ? 86400_000 * Math.ceil(span / 86400_000 / 8) : 3600_000 * Math.max(1, Math.ceil(span / 3600_000 / 8));
  let previous = null;
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) {
    svg.append(element("line", { class: "axis", x1: x(t), x2: x(t), y1: top - 6, y2: height - 20 }));
    svg.append(text(tick(t, previous, step), { class: "tick", x: x(t), y: height - 6, "text-anchor": "middle" }));
    previous = t;
  }
  if (later.length > 0) {
    svg.append(element("line", { class: "later", x1: right + 10, x2: right + 10, y1: top - 12, y2: height - 20 }));
    svg.append(text("later", { class: "tick", x: right + 50, y: height - 6, "text-anchor": "middle" }));
  }
  svg.append(text("statements", { class: "label", x: 8, y: top + 4 }));
  rows.forEach((recordId, i) => {
    const view = commitments.get(recordId);
    const label = text(shorten(view ? view.title : recordId, 34), { class: "label", x: 8, y: top + (i + 1) * rowHeight + 4 });
    const full = element("title", {});
    full.textContent = view ? view.title + " (" + recordId + ")" : recordId;
    label.append(full);
    svg.append(label);
  });

  const rowOf = recordId => top + (rows.indexOf(recordId) + 1) * rowHeight;
  for (const recordId of rows) {
    const mine = core.filter(f => f.recordId === recordId);
    const effect = mine.find(f => f.type === "CommitmentTookEffect");
    if (!effect) continue;
    const end = mine.find(f => ENDINGS.includes(f.type));
    const reported = mine.some(f => f.type === "ViolationReported");
    const start = Date.parse(effect.validAtUtc), stop = end ? Date.parse(end.validAtUtc) : to;
    if (stop < lo || start > hi) continue;
    svg.append(element("line", { class: "span" + (reported ? " broken" : ""), x1: x(Math.max(start, lo)),
      x2: x(Math.min(stop, hi)), y1: rowOf(recordId), y2: rowOf(recordId) }));
  }
  const placed = new Map();  // row y -> x of the marks placed on it, to stagger those that would touch
  let laterIndex = 0;
  const ordered = [...facts].sort((a, b) => a.validAtUtc.localeCompare(b.validAtUtc) || a.globalIndex - b.globalIndex);
  for (const fact of ordered) {
    // A report, its findings and its retraction stand on their commitment's row (their recordId).
    const yRow = fact.type === "StatementIssued" ? top : rows.includes(fact.recordId) ? rowOf(fact.recordId) : null;
    if (yRow == null) continue;
    if (!later.includes(fact) && !shown(Date.parse(fact.validAtUtc))) continue;
    const t = later.includes(fact) ? right + 22 + (laterIndex++ % 6) * 11 : x(Date.parse(fact.validAtUtc));
    const near = (placed.get(yRow) || []).filter(other => Math.abs(other - t) < 14).length;
    const yMark = yRow + (near === 0 ? 0 : (near % 2 === 1 ? -13 : 13) * Math.ceil(near / 2));
    placed.set(yRow, [...(placed.get(yRow) || []), t]);
    const mark = markOf(fact, t, yMark);
    if (!mark) continue;
    mark.dataset.type = fact.type;
    const title = element("title", {});
    title.textContent = (fact.validAt || fact.validAtUtc) + " · " + fact.summary;
    mark.append(title);
    svg.append(fact.type === "ViolationReported" ? linkedToItsEvent(mark, fact) : mark);
  }
  if (old) old.replaceWith(svg); else timeline.element.append(svg);
}

/**
 * A report's mark as a link to the report's own event in the audit history (its globalIndex): two reports of one
 * morning are told apart by their events, not only by their text. The id and index go in as attributes, never
 * as markup.
 */
function linkedToItsEvent(mark, fact) {
  const link = element("a", { href: "/api/v1/audit/events?fromIndex=" + encodeURIComponent(fact.globalIndex) + "&limit=1",
    class: "event-link" });
  link.dataset.violationId = fact.violationId ?? "";
  link.dataset.globalIndex = fact.globalIndex;
  const label = element("title", {});
  label.textContent = "report " + (fact.violationId ?? "") + ": event " + fact.globalIndex + " of the audit history";
  link.append(label);
  link.append(mark);
  return link;
}

function markOf(fact, t, y) {
  if (fact.type === "CommitmentTookEffect") {
    return element("path", { class: "effect", d: `M${t} ${y - 7} L${t + 7} ${y} L${t} ${y + 7} L${t - 7} ${y} Z` });
  } else if (fact.type === "ViolationReported") {
    return element("path", { class: "violation", d: `M${t - 5} ${y - 5} L${t + 5} ${y + 5} M${t + 5} ${y - 5} L${t - 5} ${y + 5}` });
  } else if (fact.type === "StatementIssued") {
    return element("circle", { class: "statement", cx: t, cy: y, r: 4.5 });
  } else if (ENDINGS.includes(fact.type)) {
    return element("rect", { class: "end", x: t - 2, y: y - 8, width: 4, height: 16 });
  } else if (fact.type === "TruceAgreed" || fact.type === "PledgeMade") {
    return element("circle", { class: "agreed", cx: t, cy: y, r: 3.5 });
  } else if (fact.type === "ViolationReportRetracted") {
    return element("path", { class: "retracted", d: `M${t - 5} ${y} L${t + 5} ${y}` });
  } else if (fact.type === "ViolationAssessed") {
    return element("rect", { class: "assessed", x: t - 4, y: y - 4, width: 8, height: 8 });
  }
  return null;
}

/** A tick's label: the date (with the year at the first tick and where it changes), or the hour. */
function tick(t, previous, step) {
  const iso = new Date(t).toISOString();
  const year = previous == null || new Date(previous).getUTCFullYear() !== new Date(t).getUTCFullYear();
  if (step >= 86400_000) {
    return year ? iso.slice(0, 10) : iso.slice(5, 10);
  }
  const day = previous == null || iso.slice(0, 10) !== new Date(previous).toISOString().slice(0, 10);
  return year ? iso.slice(0, 16).replace("T", " ") : day ? iso.slice(5, 16).replace("T", " ") : iso.slice(11, 16);
}

function shorten(value, length) {
  return value.length <= length ? value : value.slice(0, length - 1) + "…";
}

// ---- Time travel --------------------------------------------------------------------------------------------

function live() {
  return !moment.validAt && !moment.asOf;
}

function at() {
  const query = new URLSearchParams();
  if (moment.validAt) query.set("validAt", moment.validAt);
  if (moment.asOf) query.set("asOf", moment.asOf);
  return query.toString();
}

function describe(m) {
  return [m.validAt ? "as it stood at " + m.validAt : null, m.asOf ? "as the ledger knew it at " + m.asOf : null]
    .filter(Boolean).join(", ");
}

/** GETs a view; a refusal (a viewer asking asOf, a bad time) is shown, not thrown. */
async function read(url, quiet) {
  // Against the origin, not the page's address: fetch refuses a URL with credentials in it (user:password@).
  const answer = await fetch(new URL(url, location.origin), { headers: { Accept: "application/json" } });
  if (answer.ok) {
    return answer.json();
  }
  if (!quiet) {
    const problem = await answer.json().catch(() => ({}));
    const state = document.getElementById("when-state");
    state.dataset.problem = "";
    state.textContent = answer.status + " " + (problem.title || "") + ": " + (problem.detail || url);
  }
  return null;
}

/** Shows the board at the chosen moment, or live again: the address keeps the choice. */
function travel(validAt, asOf) {
  moment.validAt = validAt || null;
  moment.asOf = asOf || null;
  const query = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(moment)) {
    if (value) query.set(key, value); else query.delete(key);
  }
  history.replaceState(null, "", location.pathname + (query.toString() ? "?" + query : ""));
  document.getElementById("valid-at").value = moment.validAt ? moment.validAt.slice(0, 16) : "";
  document.getElementById("as-of").value = moment.asOf ? moment.asOf.slice(0, 16) : "";
  const state = document.getElementById("when-state");
  delete state.dataset.problem;
  state.textContent = live() ? "" : "Showing the board " + describe(moment) + ".";
  for (const stream of [...streams]) stream.close();
  brokenStream = null;
  timelines.forEach(timeline => { timeline.stream = null; });
  commitments.clear();
  reports.clear();
  renderCommitments();
  if (live()) {
    follow("/api/v1/stream/commitments", { commitment: onCommitment });
    followBroken();
    chooseTimelines();
  } else {
    showConnection();
    loadMoment();
  }
}

async function loadMoment() {
  const query = at();
  const list = await read("/api/v1/commitments?" + query);
  if (list == null || query !== at()) {
    return;
  }
  commitments.clear();
  list.forEach(view => commitments.set(view.id, view));
  reports.clear();
  renderCommitments();
  list.forEach(view => loadReports(view.id));
  followBroken();
  const latest = new Map();
  list.forEach(v => latest.set(v.negotiationId, Math.max(latest.get(v.negotiationId) || 0, Date.parse(v.agreedAtUtc))));
  const wanted = pinned.length > 0 ? pinned
    : [...latest.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_TIMELINES).map(([id]) => id);
  for (const [id, timeline] of timelines) {
    if (!wanted.includes(id)) {
      timeline.element.remove();
      timelines.delete(id);
    }
  }
  for (const id of wanted) {
    const timeline = chart(id);
    const facts = await read("/api/v1/negotiations/" + encodeURIComponent(id) + "/timeline?" + query, true);
    timeline.facts = new Map((facts || []).map(f => [f.globalIndex + "-" + f.entry, f]));
    renderTimeline(id);
  }
}

/** The valid-time span of what the board has shown, for the slider. */
function widen(view) {
  for (const time of [view.agreedAtUtc, view.effectiveFromUtc, view.firstViolationAtUtc, view.endedAtUtc]) {
    if (!time) continue;
    const t = Date.parse(time);
    span.from = span.from == null ? t : Math.min(span.from, t);
    span.to = span.to == null ? t : Math.max(span.to, t);
  }
}

/** A datetime-local value (UTC, to the minute) as the API's ISO-8601 with its offset. */
function utc(value) {
  return value ? value.slice(0, 16) + "Z" : null;
}

function slid() {
  if (span.from == null) return;
  const from = span.from - 86400_000, to = span.to + 86400_000;
  const t = from + (to - from) * Number(document.getElementById("valid-slider").value) / 1000;
  const minute = new Date(Math.round(t / 60_000) * 60_000).toISOString().slice(0, 16);
  document.getElementById("valid-at").value = minute;
  return minute;
}

// ---- Helpers ------------------------------------------------------------------------------------------------

function cell(content, className) {
  const td = document.createElement("td");
  if (className) td.className = className;
  if (content instanceof Node) td.append(content); else td.textContent = String(content ?? "");
  return td;
}

/** A record's title with its id beneath, small; a commitment's title is a button for its reports. */
function titled(title, id, selects) {
  const span = document.createElement("span");
  const small = document.createElement("small");
  small.textContent = id;
  let name = document.createTextNode(title);
  if (selects) {
    name = document.createElement("button");
    name.type = "button";
    name.className = "link";
    name.textContent = title;
    name.addEventListener("click", () => select(id));
  }
  span.append(name, document.createElement("br"), small);
  return span;
}

/** Labels each cell with its column's heading: a narrow screen shows rows as labelled cards. */
function label(table) {
  const headings = [...table.querySelectorAll("thead th")].map(th => th.textContent.trim());
  for (const row of table.querySelectorAll("tbody tr")) {
    [...row.children].forEach((td, i) => { td.dataset.label = headings[i] || ""; });
  }
}

/** HUMANITARIAN_CEASEFIRE as "humanitarian ceasefire". */
function words(constant) {
  return String(constant ?? "").toLowerCase().replaceAll("_", " ");
}

function time(utc) {
  return utc ? utc.replace("T", "\u00a0").replace(/:00Z$|Z$/, "") : "";
}

function element(name, attributes) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

function text(content, attributes) {
  const node = element("text", attributes);
  node.textContent = content;
  return node;
}

document.getElementById("hours").addEventListener("change", followBroken);
for (const name of Object.keys(FILTERS)) {
  document.getElementById("filter-" + name).addEventListener("change", () => renderCommitments());
}
document.getElementById("when").addEventListener("submit", event => event.preventDefault());
document.getElementById("valid-at").addEventListener("change", event =>
  travel(utc(event.target.value), moment.asOf));
document.getElementById("as-of").addEventListener("change", event =>
  travel(moment.validAt, utc(event.target.value)));
document.getElementById("valid-slider").addEventListener("input", slid);
document.getElementById("valid-slider").addEventListener("change", () => travel(utc(slid()), moment.asOf));
document.getElementById("live").addEventListener("click", () => travel(null, null));
// The slider spans the history as it stands now, also when the page opens on a past moment.
read("/api/v1/commitments", true).then(list => (list || []).forEach(widen));
travel(moment.validAt, moment.asOf);
