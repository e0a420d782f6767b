// The ledger's dashboard: three kinds of Server-Sent Events stream, rendered without any library.
// Every value from the server goes into the page as text (textContent), never as markup.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const MAX_TIMELINES = 6;
const commitments = new Map();          // id -> commitment view
const timelines = new Map();            // negotiationId -> { facts: Map(id -> fact), stream, element }
const activity = new Map();             // negotiationId -> position of its latest commitment change
// ?negotiationId=X (repeatable) pins the charts to those negotiations; otherwise the most recently active.
const pinned = new URLSearchParams(location.search).getAll("negotiationId");
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
  const all = [...streams].map(s => s.source && s.source.readyState);
  const live = all.length > 0 && all.every(state => state === EventSource.OPEN);
  const element = document.getElementById("connection");
  element.dataset.state = live ? "live" : "reconnecting";
  element.textContent = live ? "live" : "reconnecting…";
}

// ---- Commitments --------------------------------------------------------------------------------------------

function onCommitment(view, id) {
  commitments.set(view.id, view);
  // The id is <global index>@<moment>: the index says how recent the change is.
  activity.set(view.negotiationId, Math.max(activity.get(view.negotiationId) || 0, Number.parseInt(id, 10) || 0));
  renderCommitments(view.id);
  renderTimeline(view.negotiationId);
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
    if (!timelines.has(id)) {
      followTimeline(id);
    }
  }
}

function renderCommitments(changedId) {
  const body = document.querySelector("#commitments tbody");
  const sorted = [...commitments.values()].sort((a, b) =>
    (a.effectiveFromUtc || "").localeCompare(b.effectiveFromUtc || "") || a.id.localeCompare(b.id));
  body.replaceChildren(...sorted.map(view => {
    const row = document.createElement("tr");
    row.dataset.commitmentId = view.id;
    if (view.id === changedId) {
      row.classList.add("changed");
    }
    const status = document.createElement("span");
    status.className = "status";
    status.dataset.status = view.status;
    status.textContent = view.status + (view.endedReason ? " · " + view.endedReason : "");
    row.append(
      cell(titled(view.title, view.id), "title"), cell(words(view.kind)), cell(view.negotiationId), cell(status),
      cell(time(view.effectiveFromUtc), "time"), cell(time(view.firstViolationAtUtc), "time"),
      cell(view.minutesToFirstViolation ?? ""), cell(view.reports ? view.reports.standing : ""));
    return row;
  }));
  document.getElementById("commitments-empty").hidden = commitments.size > 0;
}

// ---- Broken within hours ------------------------------------------------------------------------------------

function followBroken() {
  if (brokenStream) {
    brokenStream.close();
  }
  const hours = Number(document.getElementById("hours").value);
  if (!(hours >= 0)) {
    return;
  }
  brokenStream = follow("/api/v1/stream/broken?withinHours=" + hours, { broken: renderBroken });
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
  document.getElementById("broken-empty").hidden = list.length > 0;
}

// ---- Timelines ----------------------------------------------------------------------------------------------

function followTimeline(negotiationId) {
  const element = document.createElement("div");
  element.className = "timeline";
  element.dataset.negotiationId = negotiationId;
  const heading = document.createElement("h3");
  heading.textContent = negotiationId;
  element.append(heading);
  document.getElementById("timelines").append(element);
  const timeline = { facts: new Map(), element, title: heading };
  timelines.set(negotiationId, timeline);
  timeline.stream = follow("/api/v1/stream/timeline?negotiationId=" + encodeURIComponent(negotiationId), {
    fact: (fact, id) => {
      timeline.facts.set(id, fact);
      if (fact.type === "NegotiationOpened") {
        heading.textContent = fact.summary;
      }
      renderTimeline(negotiationId);
    }
  });
}

/** One row per commitment from its taking effect to its end (or the last fact), with its violation reports. */
function renderTimeline(negotiationId) {
  const timeline = timelines.get(negotiationId);
  if (!timeline) {
    return;
  }
  const facts = [...timeline.facts.values()].filter(f => f.validAtUtc);
  const old = timeline.element.querySelector("svg");
  if (facts.length === 0) {
    if (old) old.remove();
    return;
  }
  const rows = [...new Set(facts.filter(f => f.type !== "StatementIssued").map(f => f.recordId))];
  const times = facts.map(f => Date.parse(f.validAtUtc));
  const from = Math.min(...times), to = Math.max(...times);
  const pad = Math.max((to - from) * 0.03, 3600_000);
  const left = 220, right = 980, top = 28, rowHeight = 26;
  const x = t => left + (right - left) * (t - (from - pad)) / (to - from + 2 * pad);
  const height = top + (rows.length + 1) * rowHeight + 24;
  const svg = element("svg", { class: "chart", viewBox: "0 0 1000 " + height, role: "img",
    "aria-label": "Timeline of " + negotiationId });

  // Axis: ticks at whole days (or hours, for a short history).
  const span = to - from + 2 * pad;
  const step = span > 3 * 86400_000 ? 86400_000 * Math.ceil(span / 86400_000 / 8) : 3600_000 * Math.max(1, Math.ceil(span / 3600_000 / 8));
  for (let t = Math.ceil((from - pad) / step) * step; t <= to + pad; t += step) {
    svg.append(element("line", { class: "axis", x1: x(t), x2: x(t), y1: top - 6, y2: height - 20 }));
    svg.append(text(step >= 86400_000 ? new Date(t).toISOString().slice(5, 10) : new Date(t).toISOString().slice(5, 16).replace("T", " "),
      { class: "tick", x: x(t), y: height - 6, "text-anchor": "middle" }));
  }
  svg.append(text("statements", { class: "label", x: 8, y: top + 4 }));
  rows.forEach((recordId, i) => {
    const view = commitments.get(recordId);
    svg.append(text(view ? view.title : recordId, { class: "label", x: 8, y: top + (i + 1) * rowHeight + 4 }));
  });

  const rowOf = recordId => top + (rows.indexOf(recordId) + 1) * rowHeight;
  for (const recordId of rows) {
    const mine = facts.filter(f => f.recordId === recordId);
    const effect = mine.find(f => f.type === "CommitmentTookEffect");
    if (!effect) continue;
    const end = mine.find(f => ["CommitmentEnded", "CommitmentExpired", "CommitmentSuperseded"].includes(f.type));
    const reported = mine.some(f => f.type === "ViolationReported");
    svg.append(element("line", { class: "span" + (reported ? " broken" : ""), x1: x(Date.parse(effect.validAtUtc)),
      x2: x(end ? Date.parse(end.validAtUtc) : to), y1: rowOf(recordId), y2: rowOf(recordId) }));
  }
  for (const fact of facts) {
    const t = x(Date.parse(fact.validAtUtc));
    const y = fact.type === "StatementIssued" ? top : rowOf(fact.recordId);
    let mark;
    if (fact.type === "CommitmentTookEffect") {
      mark = element("path", { class: "effect", d: `M${t} ${y - 7} L${t + 7} ${y} L${t} ${y + 7} L${t - 7} ${y} Z` });
    } else if (fact.type === "ViolationReported") {
      mark = element("path", { class: "violation", d: `M${t - 5} ${y - 5} L${t + 5} ${y + 5} M${t + 5} ${y - 5} L${t - 5} ${y + 5}` });
    } else if (fact.type === "StatementIssued") {
      mark = element("circle", { class: "statement", cx: t, cy: y, r: 4.5 });
    } else if (["CommitmentEnded", "CommitmentExpired", "CommitmentSuperseded"].includes(fact.type)) {
      mark = element("rect", { class: "end", x: t - 2, y: y - 8, width: 4, height: 16 });
    } else if (fact.type === "TruceAgreed" || fact.type === "PledgeMade") {
      mark = element("circle", { class: "agreed", cx: t, cy: y, r: 3.5 });
    } else {
      continue;
    }
    mark.dataset.type = fact.type;
    const title = element("title", {});
    title.textContent = (fact.validAt || fact.validAtUtc) + " · " + fact.summary;
    mark.append(title);
    svg.append(mark);
  }
  if (old) old.replaceWith(svg); else timeline.element.append(svg);
}

// ---- Helpers ------------------------------------------------------------------------------------------------

function cell(content, className) {
  const td = document.createElement("td");
  if (className) td.className = className;
  if (content instanceof Node) td.append(content); else td.textContent = String(content ?? "");
  return td;
}

/** A record's title with its id beneath, small. */
function titled(title, id) {
  const span = document.createElement("span");
  const small = document.createElement("small");
  small.textContent = id;
  span.append(document.createTextNode(title), document.createElement("br"), small);
  return span;
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

follow("/api/v1/stream/commitments", { commitment: onCommitment });
followBroken();
document.getElementById("hours").addEventListener("change", followBroken);
