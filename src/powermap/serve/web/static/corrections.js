// powermap corrections panel (templates/_corrections.html): lists the corrections of a document or
// an actor and, when the server takes corrections and the token is given, offers them. Every value
// from the store is put into the page as text (textContent), never as markup.
"use strict";

(function () {
  const panel = document.getElementById("corrections");
  if (!panel) return;
  const scope = panel.dataset.scope; // "doc_id" or "actor"
  const ref = panel.dataset.ref;
  const status = document.getElementById("corrections-status");
  const tokenForm = document.getElementById("corrections-token");
  const review = document.getElementById("corrections-review");
  const list = document.getElementById("corrections-list");
  const KEY = "powermap-token";
  const AUTHOR = "powermap-author";
  let writable = false;

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    return node;
  }

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle("error", Boolean(isError));
  }

  function token() {
    return sessionStorage.getItem(KEY) || "";
  }

  async function send(path, body) {
    say("saving…");
    const response = await fetch("/api/corrections/" + path, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + token() },
      body: JSON.stringify({ author: sessionStorage.getItem(AUTHOR) || "web", ...body }),
    });
    let answer = {};
    try {
      answer = await response.json();
    } catch (err) {
      answer = { detail: response.statusText };
    }
    if (!response.ok) {
      if (response.status === 401) sessionStorage.removeItem(KEY);
      say("not saved: " + (answer.detail || response.status), true);
      return;
    }
    sessionStorage.setItem("powermap-saved", "correction " + answer.id + " saved (" + answer.action + ")");
    window.location.reload(); // the page is rendered again from the corrected store
  }

  function button(label, title, action) {
    const b = el("button", label, { type: "button", title: title });
    b.addEventListener("click", () => action().catch((err) => say("not saved: " + err.message, true)));
    return b;
  }

  function actorSelect(actors, current, withNone) {
    const select = el("select");
    if (withNone) select.append(el("option", "(nobody)", { value: "" }));
    for (const a of actors) {
      const option = el("option", a.name + " (" + a.id + ")", { value: a.id });
      if (a.id === current) option.selected = true;
      select.append(option);
    }
    return select;
  }

  function idOrNull(select) {
    return select.value === "" ? null : select.value;
  }

  function table(caption, head, rows, folded) {
    if (!rows.length) return;
    const t = el("table");
    t.append(el("caption", caption + " (" + rows.length + ")"));
    const tr = el("tr");
    head.forEach((h) => tr.append(el("th", h)));
    t.append(tr);
    rows.forEach((r) => t.append(r));
    if (!folded) {
      review.append(t);
      return;
    }
    const box = el("details");
    box.append(el("summary", caption + " (" + rows.length + ")"), t);
    review.append(box);
  }

  // the fields that tell apart facts sharing one span (store/corrections.py DISCRIMINATORS)
  const MATCH = { mention: ["actor"], quote: ["speaker", "kind"], claim: ["value", "unit"],
    event: ["cameo", "source", "target"], stance: ["actor", "concept"] };

  function where(kind, fact) {
    const match = {};
    for (const key of MATCH[kind]) match[key] = fact[key] === undefined ? null : fact[key];
    return { doc_id: ref, start: fact.start, end: fact.end, match: match };
  }

  function factRow(kind, fact, label, extra) {
    const tr = el("tr", null, { "data-kind": kind, "data-start": fact.start, "data-end": fact.end });
    tr.append(el("td", label));
    const cells = el("td");
    (extra || []).forEach((node) => cells.append(node));
    tr.append(cells);
    const marks = el("td");
    const at = { ...where(kind, fact), kind: kind };
    marks.append(button("✓ right", "the fact is right", () => send("mark", { ...at, verdict: "right" })));
    marks.append(button("✗ wrong", "the fact is wrong", () => send("mark", { ...at, verdict: "wrong" })));
    tr.append(marks);
    return tr;
  }

  function reviewDocument(record) {
    const actors = (record.actors || []).slice().sort((a, b) => a.name.localeCompare(b.name));
    table("Quotes", ["quote", "speaker", ""], (record.quotes || []).map((q) => {
      const select = actorSelect(actors, q.speaker, true);
      const set = button("set speaker", "change the speaker", () =>
        send("speaker", { ...where("quote", q), speaker: idOrNull(select) }));
      return factRow("quote", q, q.text, [select, set]);
    }));
    table("Events", ["sentence", "source · CAMEO · target", ""], (record.events || []).map((e) => {
      const source = actorSelect(actors, e.source, true);
      const target = actorSelect(actors, e.target, true);
      const cameo = el("input", null, { type: "text", value: e.cameo, size: "4", "aria-label": "CAMEO code" });
      const set = button("set", "change source, code and target", () => {
        const body = where("event", e);
        if (idOrNull(source) !== (e.source || null)) body.source = idOrNull(source);
        if (idOrNull(target) !== (e.target || null)) body.target = idOrNull(target);
        if (cameo.value.trim() !== e.cameo) body.cameo = cameo.value.trim();
        return send("event", body);
      });
      return factRow("event", e, e.sentence, [source, cameo, target, set]);
    }));
    table("Stances", ["evidence", "actor · concept · polarity", ""], (record.stances || []).map((s) => {
      const flip = button(s.agree ? "make it disagree" : "make it agree", "change the polarity", () =>
        send("polarity", { ...where("stance", s), agree: !s.agree }));
      return factRow("stance", s, s.evidence, [el("span", s.actor + " · " + s.concept + " · " + (s.agree ? "agrees" : "disagrees") + " "), flip]);
    }));
    table("Claims", ["claim", "value", ""], (record.claims || []).map((c) =>
      factRow("claim", c, c.text, [el("span", c.value + " " + c.unit)])));
    const mentions = [];
    for (const a of actors) {
      for (const m of a.mentions || []) mentions.push(factRow("mention", { ...m, actor: a.id }, m.text, [el("span", a.name + " (" + a.id + ")")]));
    }
    table("Mentions", ["mention", "actor", ""], mentions, true);
    splitForm(actors);
  }

  function splitForm(actors) {
    if (!actors.length) return;
    const box = el("fieldset");
    box.append(el("legend", "Split an actor in this document"));
    const which = actorSelect(actors, null, false);
    const name = el("input", null, { type: "text", placeholder: "new actor's name", "aria-label": "new actor's name" });
    const kind = el("select", null, { "aria-label": "type" });
    ["person", "state", "organisation", "company", "media", "group", "place"].forEach((t) => kind.append(el("option", t, { value: t })));
    const into = actorSelect(actors, null, true);
    box.append(el("span", "every mention of "), which, el("span", " is "), into, el("span", " or a new actor "), name, kind);
    box.append(button("split", "move the mentions", () => {
      const body = { actor: which.value, doc_id: ref, into: idOrNull(into) };
      if (!body.into) Object.assign(body, { name: name.value.trim(), type: kind.value });
      return send("split", body);
    }));
    review.append(box);
  }

  function reviewActor() {
    const box = el("fieldset");
    box.append(el("legend", "Correct this actor"));
    const into = el("input", null, { type: "text", placeholder: "actor id", "aria-label": "merge into actor id" });
    box.append(el("span", "is really "), into, button("merge", "merge into that actor", () => send("merge", { actor: ref, into: into.value.trim() })));
    const alias = el("input", null, { type: "text", placeholder: "another name", "aria-label": "alias" });
    box.append(el("span", " · also called "), alias, button("add alias", "add an alias", () => send("alias", { actor: ref, alias: alias.value.trim() })));
    review.append(box);
  }

  function describe(c) {
    const before = c.before || {};
    const after = c.after || {};
    if (c.action === "merge") return c.actor + " → " + after.into;
    if (c.action === "alias") return c.actor + " also called " + after.alias;
    if (c.action === "split") return c.actor + " → " + after.actor.id + " in " + (c.doc_id || "");
    const changed = ["speaker", "source", "target", "cameo", "agree"].filter((k) => k in after && after[k] !== before[k]);
    const what = changed.map((k) => k + ": " + before[k] + " → " + after[k]).join(", ");
    return c.kind + " " + c.start + "–" + c.end + (what ? " · " + what : "");
  }

  function showList(rows) {
    list.replaceChildren();
    if (!rows.length) return;
    const head = el("tr");
    ["#", "when", "by", "action", "what", ""].forEach((h) => head.append(el("th", h)));
    list.append(head);
    for (const c of rows) {
      const tr = el("tr", null, c.undone_at ? { class: "undone" } : {});
      [c.id, c.created_at, c.author, c.action, describe(c)].forEach((v) => tr.append(el("td", v)));
      const cell = el("td");
      if (c.undone_at) cell.textContent = "undone by " + c.undone_by;
      else if (writable && token()) cell.append(button("undo", "undo this correction", () => send(c.id + "/undo", {})));
      tr.append(cell);
      list.append(tr);
    }
  }

  async function start() {
    const saved = sessionStorage.getItem("powermap-saved");
    if (saved) {
      say(saved);
      sessionStorage.removeItem("powermap-saved");
    }
    const query = new URLSearchParams({ [scope]: ref, include_undone: "true" });
    const answer = await (await fetch("/api/corrections?" + query)).json();
    writable = Boolean(answer.writable);
    if (answer.merged_into) say("this actor was merged into " + answer.merged_into);
    if (writable && !token()) tokenForm.hidden = false;
    if (writable && token()) {
      if (scope === "doc_id") {
        const record = await (await fetch("/api/documents/" + encodeURIComponent(ref) + "/extraction")).json();
        reviewDocument(record);
      } else {
        reviewActor();
      }
    }
    showList(answer.corrections || []);
  }

  tokenForm.addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, tokenForm.elements.token.value);
    sessionStorage.setItem(AUTHOR, tokenForm.elements.author.value.trim() || "web");
    window.location.reload();
  });

  start().catch((err) => say("corrections could not be loaded: " + err.message, true));
})();
