/* Workshop's phone page: join, pick your name, answer the open question.
   Plain JavaScript, no framework, no external file. Every text from the laptop is put
   in with textContent, never as markup. Messages wait in an outbox (kept in
   localStorage) until the laptop acknowledges them; each has its own id, so a resend
   after a lost connection is applied once. */
(function () {
  "use strict";

  var T = {
    nl: {
      join: "Meedoen", code: "Code van het scherm", codeHint: "Typ de code die op het scherm staat.",
      pick: "Wie ben je?", pickHint: "Kies je naam. Deze telefoon spreekt daarna voor jou.",
      wait: "Wacht op de volgende vraag", add: "Toevoegen", send: "Versturen",
      yourCards: "Jouw kaartjes", cardPlaceholder: "Typ je kaartje", waiting: "wacht op goedkeuring",
      sending: "wordt verstuurd…", dotsLeft: "Je hebt {left} van {budget} stippen over.",
      notForPrint: "Niet voor druk (niet op het scherm, niet in het document)",
      yourInterests: "Jouw belangen", interestPlaceholder: "Typ je belang",
      conditions: "De vijf voorwaarden (1 = slecht, 5 = goed)", spectra: "Verwachtingen",
      forms: "Welke vorm van samenwerking is dit?", consent: "Instemming",
      concern: "Bedenking", objection: "Bezwaar", note: "Toelichting (mag leeg)",
      yourDecision: "Jouw keuze: {d}", offline: "Geen verbinding met de laptop; je antwoorden worden bewaard en straks verstuurd.",
      online: "Verbonden", sent: "Ontvangen.", held: "Je kaartje wacht op goedkeuring.",
      blocked: "De begeleider heeft deze telefoon geblokkeerd.", noNames: "Er staan nog geen aanwezige deelnemers op de lijst.",
      notForPrintTag: "niet voor druk", cleared: "Deze telefoon is losgekoppeld. Kies je naam opnieuw.",
      retry: "Opnieuw", link: "Workshop · alleen in deze ruimte, zonder internet"
    },
    en: {
      join: "Join", code: "Code from the screen", codeHint: "Type the code shown on the screen.",
      pick: "Who are you?", pickHint: "Choose your name. This phone then speaks for you.",
      wait: "Wait for the next question", add: "Add", send: "Send",
      yourCards: "Your cards", cardPlaceholder: "Type your card", waiting: "waiting for approval",
      sending: "sending…", dotsLeft: "You have {left} of {budget} dots left.",
      notForPrint: "Not for print (not on the screen, not in the document)",
      yourInterests: "Your interests", interestPlaceholder: "Type your interest",
      conditions: "The five conditions (1 = poor, 5 = good)", spectra: "Expectations",
      forms: "Which form of collaboration is this?", consent: "Consent",
      concern: "Concern", objection: "Objection", note: "Note (may be empty)",
      yourDecision: "Your decision: {d}", offline: "No connection to the laptop; your answers are kept and sent later.",
      online: "Connected", sent: "Received.", held: "Your card waits for approval.",
      blocked: "The facilitator has blocked this phone.", noNames: "No present participants on the list yet.",
      notForPrintTag: "not for print", cleared: "This phone was unlinked. Choose your name again.",
      retry: "Try again", link: "Workshop · only in this room, no internet"
    }
  };
  var store = window.localStorage;
  var lang = store.getItem("lang") || ((navigator.language || "nl").toLowerCase().indexOf("nl") === 0 ? "nl" : "en");
  var device = store.getItem("device");
  var joinToken = null;
  var outbox = [];
  try { outbox = JSON.parse(store.getItem("outbox") || "[]"); } catch (e) { outbox = []; }
  var state = null;
  var shownKey = "";
  var sending = false;
  var backoff = 500;
  var ws = null;
  var wsOpen = false;
  var pollTimer = null;
  var main = document.getElementById("main");

  function t(key, fields) {
    var text = (T[lang] && T[lang][key]) || T.en[key] || key;
    if (fields) { Object.keys(fields).forEach(function (k) { text = text.split("{" + k + "}").join(String(fields[k])); }); }
    return text;
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") { node.textContent = attrs[k]; }
        else if (k === "onclick") { node.addEventListener("click", attrs[k]); }
        else if (k === "className") { node.className = attrs[k]; }
        else { node.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }
  function newId() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function notice(text, good) {
    var box = document.getElementById("notice");
    box.textContent = text || "";
    box.className = good ? "good" : "";
    box.hidden = !text;
  }
  function status(text, offline) {
    var line = document.getElementById("status");
    line.textContent = text || "";
    line.className = offline ? "offline" : "";
  }
  function saveOutbox() { store.setItem("outbox", JSON.stringify(outbox)); }

  function request(method, path, body) {
    var headers = { "X-Lang": lang };
    if (device) { headers.Authorization = "Bearer " + device; }
    if (body !== undefined) { headers["Content-Type"] = "application/json"; }
    return fetch(path, { method: method, headers: headers, cache: "no-store",
                         body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          return { status: response.status, data: data };
        });
      });
  }

  // --- joining ----------------------------------------------------------------------

  function forgetDevice() {
    device = null;
    store.removeItem("device");
    outbox = [];
    saveOutbox();
  }
  function join(body) {
    body.lang = lang;
    return request("POST", "/api/join", body).then(function (r) {
      if (r.status === 200 && r.data.device) {
        device = r.data.device;
        store.setItem("device", device);
        notice("");
        show(r.data.state);
        connect();
      } else {
        notice(r.data.message || t("retry"));
        if (body.token && (r.status === 429 || r.status === 503)) {
          // many phones at once from one address: the same QR code again in a moment
          setTimeout(function () { if (!device) { join({ token: body.token }); } }, 5000);
        } else if (body.token) { joinToken = null; showCodeForm(); }
      }
    }, function () { status(t("offline"), true); });
  }
  function showCodeForm() {
    shownKey = "code";
    main.textContent = "";
    var input = el("input", { type: "text", id: "code", autocomplete: "off", autocapitalize: "characters",
                              maxlength: "16", "aria-label": t("code") });
    main.appendChild(el("h1", { text: t("join") }));
    main.appendChild(el("p", { text: t("codeHint") }));
    main.appendChild(input);
    main.appendChild(el("button", { className: "primary", id: "join", text: t("join"), onclick: function () {
      join({ code: input.value });
    } }));
  }

  // --- drawing ----------------------------------------------------------------------

  function keepInputs() {
    var kept = {};
    Array.prototype.forEach.call(main.querySelectorAll("[data-keep]"), function (node) {
      kept[node.id] = node.type === "checkbox" ? node.checked : node.value;
    });
    var focused = document.activeElement && document.activeElement.id;
    return { values: kept, focused: focused };
  }
  function restoreInputs(kept) {
    Object.keys(kept.values).forEach(function (id) {
      var node = document.getElementById(id);
      if (!node) { return; }
      if (node.type === "checkbox") { node.checked = kept.values[id]; } else { node.value = kept.values[id]; }
    });
    if (kept.focused) { var f = document.getElementById(kept.focused); if (f) { f.focus(); } }
  }

  var drawn = "";
  function show(next, force) {
    if (!next) { return; }
    var text = JSON.stringify(next) + "|" + outbox.length + "|" + lang;
    if (text === drawn && !force) { return; }  // nothing new: do not redraw under the thumb
    drawn = text;
    state = next;
    var kept = keepInputs();
    var key = state.activity ? state.activity.key : (state.participants ? "pick" : "");
    if (key !== shownKey) { kept = { values: {}, focused: null }; }
    shownKey = key;
    main.textContent = "";
    document.getElementById("who").textContent = state.me ? state.me.name : "";
    if (state.blocked) {
      main.appendChild(el("h1", { text: state.message || t("blocked") }));
      return;
    }
    if (state.participants) { drawPick(state.participants); return; }
    var a = state.activity;
    main.appendChild(el("h1", { id: "title", text: a.title }));
    var draw = { cards: drawCards, dots: drawDots, interests: drawInterests, scan: drawScan, consent: drawConsent }[a.kind];
    if (draw) { draw(state); }
    restoreInputs(kept);
  }
  function drawPick(list) {
    main.appendChild(el("h1", { text: t("pick") }));
    main.appendChild(el("p", { text: t("pickHint") }));
    if (!list.length) { main.appendChild(el("p", { className: "muted", text: t("noNames") })); }
    var box = el("div", { className: "names" });
    list.forEach(function (p) {
      var button = el("button", { type: "button", "data-id": p.id, onclick: function () {
        request("POST", "/api/bind", { participant_id: p.id }).then(function (r) {
          if (r.status === 200) { notice(""); show(r.data.state); } else { notice(r.data.message); }
        }, function () { status(t("offline"), true); });
      } }, [el("span", { text: p.name }), p.organisation ? el("small", { text: p.organisation }) : null]);
      box.appendChild(button);
    });
    main.appendChild(box);
  }
  function outgoing(kind) {
    return outbox.filter(function (m) { return m.action.kind === kind && m.activity === state.activity.key; });
  }
  function itemList(items) {
    var list = el("ul", { className: "items" });
    items.forEach(function (item) {
      list.appendChild(el("li", null, [el("span", { text: item.text }), item.tag ? el("span", { className: "tag", text: item.tag }) : null]));
    });
    return list;
  }
  function drawCards(s) {
    var text = el("textarea", { id: "cardText", "data-keep": "1", maxlength: "280", placeholder: t("cardPlaceholder"),
                                "aria-label": t("cardPlaceholder") });
    main.appendChild(text);
    main.appendChild(el("button", { className: "primary", id: "addCard", text: t("add"), onclick: function () {
      if (!text.value.trim()) { return; }
      enqueue({ kind: "add_card", text: text.value.trim() });
      text.value = "";
    } }));
    var items = (s.mine || []).map(function (x) { return { text: x }; })
      .concat((s.held || []).map(function (x) { return { text: x, tag: t("waiting") }; }))
      .concat(outgoing("add_card").map(function (m) { return { text: m.action.text, tag: t("sending") }; }));
    main.appendChild(el("h2", { text: t("yourCards") }));
    main.appendChild(itemList(items));
  }
  function drawDots(s) {
    var left = s.budget - s.used;
    main.appendChild(el("p", { id: "dotsLeft", text: t("dotsLeft", { left: left, budget: s.budget }) }));
    s.cards.forEach(function (card) {
      var minus = el("button", { type: "button", className: "small", "aria-label": "-", text: "−", "data-card-minus": card.id, onclick: function () {
        enqueue({ kind: "dot", card_id: card.id, delta: -1 });
      } });
      var plus = el("button", { type: "button", className: "small", "aria-label": "+", text: "+", "data-card": card.id, onclick: function () {
        enqueue({ kind: "dot", card_id: card.id, delta: 1 });
      } });
      minus.disabled = card.dots <= 0;
      plus.disabled = left <= 0;
      main.appendChild(el("ul", { className: "items" }, [el("li", null, [
        el("span", { text: card.text }),
        el("div", { className: "dots" }, [minus, el("b", { text: String(card.dots) }), plus])
      ])]));
    });
  }
  function drawInterests(s) {
    var chosen = (document.getElementById("kindChosen") || {}).value || s.kinds[0].key;
    var hidden = el("input", { type: "hidden", id: "kindChosen", "data-keep": "1", value: chosen });
    main.appendChild(hidden);
    var row = el("div", { className: "row kinds" });
    s.kinds.forEach(function (k) {
      var b = el("button", { type: "button", text: k.label, "data-kind": k.key, className: k.key === chosen ? "chosen" : "",
                             onclick: function () { hidden.value = k.key; Array.prototype.forEach.call(row.children, function (c) {
                               c.className = c.getAttribute("data-kind") === k.key ? "chosen" : ""; }); } });
      row.appendChild(b);
    });
    main.appendChild(row);
    var text = el("textarea", { id: "interestText", "data-keep": "1", maxlength: "280", placeholder: t("interestPlaceholder"),
                                "aria-label": t("interestPlaceholder") });
    var priv = el("input", { type: "checkbox", id: "private", "data-keep": "1" });
    main.appendChild(text);
    main.appendChild(el("label", { className: "check" }, [priv, el("span", { text: t("notForPrint") })]));
    main.appendChild(el("button", { className: "primary", id: "addInterest", text: t("add"), onclick: function () {
      if (!text.value.trim()) { return; }
      enqueue({ kind: "add_interest", interest: hidden.value, text: text.value.trim(), private: priv.checked });
      text.value = ""; priv.checked = false;
    } }));
    var labels = {};
    s.kinds.forEach(function (k) { labels[k.key] = k.label; });
    var items = s.mine.map(function (i) { return { text: i.text, tag: labels[i.kind] + (i.private ? " · " + t("notForPrintTag") : "") }; })
      .concat(outgoing("add_interest").map(function (m) { return { text: m.action.text, tag: t("sending") }; }));
    main.appendChild(el("h2", { text: t("yourInterests") }));
    main.appendChild(itemList(items));
  }
  function drawScan(s) {
    main.appendChild(el("h2", { text: t("conditions") }));
    s.conditions.forEach(function (c) {
      main.appendChild(el("p", { text: c.label }));
      var row = el("div", { className: "row" });
      [1, 2, 3, 4, 5].forEach(function (n) {
        row.appendChild(el("button", { type: "button", text: String(n), "data-condition": c.key, "data-score": String(n),
                                       className: c.score === n ? "chosen" : "",
                                       onclick: function () { enqueue({ kind: "score", condition: c.key, score: n }); } }));
      });
      main.appendChild(row);
    });
    main.appendChild(el("h2", { text: t("spectra") }));
    s.axes.forEach(function (axis) {
      var slider = el("input", { type: "range", min: "0", max: "100", step: "5", id: "axis-" + axis.id,
                                 value: String(axis.value === null ? 50 : axis.value), "aria-label": axis.title });
      slider.addEventListener("change", function () { enqueue({ kind: "mark", axis_id: axis.id, value: Number(slider.value) }); });
      main.appendChild(el("p", { text: axis.title + (axis.value === null ? "" : " ✓") }));
      main.appendChild(slider);
      main.appendChild(el("div", { className: "ends" }, [el("span", { text: axis.left }), el("span", { text: axis.right })]));
    });
    main.appendChild(el("h2", { text: t("forms") }));
    s.forms.forEach(function (f) {
      var box = el("input", { type: "checkbox", "data-form": f.key });
      box.checked = f.chosen;
      box.addEventListener("change", function () {
        var chosen = Array.prototype.filter.call(main.querySelectorAll("[data-form]"), function (b) { return b.checked; })
          .map(function (b) { return b.getAttribute("data-form"); });
        enqueue({ kind: "forms", forms: chosen });
      });
      main.appendChild(el("label", { className: "check" }, [box, el("span", { text: f.label })]));
    });
  }
  function drawConsent(s) {
    main.appendChild(el("div", { className: "subject", id: "subject", text: s.subject.text }));
    var names = { consent: t("consent"), concern: t("concern"), objection: t("objection") };
    if (s.decision) { main.appendChild(el("p", { id: "decision", text: t("yourDecision", { d: names[s.decision] }) })); }
    var note = el("textarea", { id: "note", "data-keep": "1", maxlength: "1000", placeholder: t("note"), "aria-label": t("note") });
    var row = el("div", { className: "row" });
    ["consent", "concern", "objection"].forEach(function (d) {
      row.appendChild(el("button", { type: "button", "data-decision": d, text: names[d], className: s.decision === d ? "chosen" : "",
                                     onclick: function () {
        enqueue({ kind: "consent", subject_id: s.subject.id, decision: d, note: note.value.trim() });
      } }));
    });
    main.appendChild(el("h2", { text: " " }));
    note.value = s.note || "";  // what was sent before; a note being typed is kept below
    main.appendChild(note);
    main.appendChild(row);
  }

  // --- sending: the outbox ----------------------------------------------------------

  function enqueue(action) {
    if (!state || !state.activity) { return; }
    outbox.push({ id: newId(), activity: state.activity.key, action: action });
    saveOutbox();
    show(state);
    flush();
  }
  function flush() {
    if (sending || !outbox.length || !device) { return; }
    sending = true;
    var message = outbox[0];
    request("POST", "/api/send", message).then(function (r) {
      sending = false;
      if (r.status === 429 || r.status === 503) {
        backoff = Math.min(backoff * 2, 8000);
        setTimeout(flush, backoff);
        return;
      }
      backoff = 500;
      outbox = outbox.filter(function (m) { return m.id !== message.id; });
      saveOutbox();
      var d = r.data || {};
      if (r.status === 200 && d.status === "ok") { notice(""); status(t("sent")); }
      else if (r.status === 200 && d.status === "held") { notice(d.message || t("held"), true); }
      else { notice(d.message || t("retry")); }
      if (r.status === 401) { forgetDevice(); showCodeForm(); return; }
      if (state) { show(state); }
      refresh();
      flush();
    }, function () {
      sending = false;  // no answer: the laptop may or may not have it; the same id goes again
      status(t("offline"), true);
      backoff = Math.min(backoff * 2, 8000);
      setTimeout(flush, backoff);
    });
  }
  function refresh() {
    if (!device) { return; }
    request("GET", "/api/state").then(function (r) {
      if (r.status === 200) { show(r.data.state); }
      else if (r.status === 401) { forgetDevice(); notice(r.data.message); showCodeForm(); }
      else if (r.status === 403) { show({ blocked: true, message: r.data.message }); }
    }, function () { status(t("offline"), true); });
  }

  // --- staying in touch -------------------------------------------------------------

  function connect() {
    if (!device || (ws && ws.readyState <= 1)) { return; }
    try { ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/api/live"); }
    catch (e) { schedulePoll(); return; }
    ws.onopen = function () { ws.send(JSON.stringify({ device: device })); };
    ws.onmessage = function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      if (data.state) {
        wsOpen = true;
        status(t("online"));
        show(data.state);
        flush();
      } else if (data.error) {
        notice(data.message);
        if (data.error === "bad_token") { forgetDevice(); showCodeForm(); }
      }
    };
    ws.onclose = function () {
      wsOpen = false;
      ws = null;
      if (device) { status(t("offline"), true); setTimeout(connect, 1500); }
      schedulePoll();
    };
  }
  function schedulePoll() {
    if (pollTimer) { return; }
    pollTimer = setInterval(function () {
      if (wsOpen) { clearInterval(pollTimer); pollTimer = null; return; }
      refresh();
      flush();
    }, 4000);
  }
  window.addEventListener("online", function () { connect(); flush(); });
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { connect(); refresh(); flush(); }
  });

  document.getElementById("lang").addEventListener("click", function () {
    lang = lang === "nl" ? "en" : "nl";
    store.setItem("lang", lang);
    setLangButton();
    if (device) {
      // the laptop keeps the language per device: join pages are in the new language
      // from the next question; this page's own words change at once
      if (state) { shownKey = ""; show(state); }
      refresh();
    } else if (!joinToken) { showCodeForm(); }
  });
  function setLangButton() {
    document.documentElement.lang = lang;
    document.getElementById("lang").textContent = lang === "nl" ? "EN" : "NL";
    document.getElementById("link").textContent = t("link");
  }

  // --- start ------------------------------------------------------------------------

  setLangButton();
  var hash = location.hash.replace(/^#/, "");
  if (hash) {
    joinToken = hash;
    history.replaceState(null, "", location.pathname);  // the token is not kept in view
  }
  if (device) {
    request("GET", "/api/state").then(function (r) {
      if (r.status === 200) { show(r.data.state); connect(); flush(); }
      else if (joinToken) { forgetDevice(); join({ token: joinToken }); }
      else { forgetDevice(); notice(r.data.message); showCodeForm(); }
    }, function () { status(t("offline"), true); schedulePoll(); });
  } else if (joinToken) {
    join({ token: joinToken });
  } else {
    showCodeForm();
  }
})();
