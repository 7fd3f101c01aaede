/* The edition's behaviour. Measure pages and the print view load this file whole; every other
 * page loads site.js: this file without the regions marked "measure-only"
 * (scripts/postprocess/bundles.py), each of which acts only on an element those pages alone have. */
/* measure-only: begin */
/* Reading modes for the aligned text.
 *
 * The modes work without JavaScript: they are radio buttons, and the
 * stylesheet lays the text out from whichever is checked (CSS :has). This
 * script only remembers the choice across pages and reloads, reads ?view=
 * from the address, and shows the default mode as checked when none was chosen.
 * The modes are the page's own radio buttons, one per mode of VIEWS in
 * scripts/settings.py: this script keeps no list of its own, and does nothing
 * on a page without the control.
 */
(function () {
  "use strict";
  var KEY = "oe-view";
  var VIEWS = [];  /* the modes this page offers, read from its control in init() */
  var NARROW = "(max-width: 59.9375em)";

  function stored() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function store(view) {
    try { localStorage.setItem(KEY, view); } catch (e) { /* private mode: no memory */ }
  }
  function check(view) {
    var inputs = document.querySelectorAll('input[name="oe-view"]');
    for (var i = 0; i < inputs.length; i++) inputs[i].checked = inputs[i].value === view;
    document.documentElement.setAttribute("data-oe-view", view);
  }
  function fallback() {
    return window.matchMedia && window.matchMedia(NARROW).matches ? "stacked" : "parallel";
  }

  function init() {
    var inputs = document.querySelectorAll('input[name="oe-view"]');
    for (var i = 0; i < inputs.length; i++) VIEWS.push(inputs[i].value);
    if (!VIEWS.length) return;  /* no aligned text here */
    var fromUrl = new URLSearchParams(window.location.search).get("view");
    if (VIEWS.indexOf(fromUrl) >= 0) store(fromUrl);
    var chosen = stored();
    if (VIEWS.indexOf(chosen) >= 0) {
      check(chosen);
    } else {
      check(fallback());
      if (window.matchMedia) {
        var mq = window.matchMedia(NARROW);
        var follow = function () { if (VIEWS.indexOf(stored()) < 0) check(fallback()); };
        if (mq.addEventListener) mq.addEventListener("change", follow);
      }
    }
    document.addEventListener("change", function (ev) {
      var t = ev.target;
      if (t && t.name === "oe-view" && VIEWS.indexOf(t.value) >= 0) {
        store(t.value);
        check(t.value);
      }
    });
  }

  /* Notes on the transcription are printed open. */
  window.addEventListener("beforeprint", function () {
    var notes = document.querySelectorAll("details.oe-status, details.oe-notes");
    for (var i = 0; i < notes.length; i++) notes[i].setAttribute("open", "");
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
/* measure-only: end */

/* measure-only: begin */
/* Citable paragraphs. Each aligned pair gets three small controls beside its id:
 * "cite" copies a formatted citation (English style in the English interface,
 * GB/T 7714 style in the Chinese one) built from the template the build wrote
 * into .oe-text[data-oe-cite]; the other two copy the Chinese or the English
 * paragraph. The paragraph id itself is the permalink. Without JavaScript the
 * controls are simply absent.
 */
(function () {
  "use strict";
  var WORDS = {
    en: { cite: "Cite", citeLabel: "Copy a citation of paragraph {id}", zh: "中", zhLabel: "Copy the Chinese text of paragraph {id}",
          en: "EN", enLabel: "Copy the English text of paragraph {id}", copied: "Copied", citation: "Citation copied",
          text: "Text copied", failed: "Copying failed; select the text and copy it by hand" },
    zh: { cite: "引用", citeLabel: "复制段落 {id} 的引用格式", zh: "中", zhLabel: "复制段落 {id} 的中文",
          en: "英", enLabel: "复制段落 {id} 的英文", copied: "已复制", citation: "已复制引用格式",
          text: "已复制文字", failed: "复制失败，请手动选择文字复制" }
  };
  var lang = (document.documentElement.lang || "en").indexOf("zh") === 0 ? "zh" : "en";
  var w = WORDS[lang];

  function today() {
    var day = accessed();  /* the day of access, as each interface's citation style writes it */
    return lang === "zh" ? day.iso : day.en;
  }

  function pageUrl(text) {
    var url = text.getAttribute("data-oe-url");
    return url || (window.location.origin + window.location.pathname);
  }

  /* The citation for one paragraph: the build's template with id, address and date filled in. */
  function citation(text, id) {
    return text.getAttribute("data-oe-cite")
      .split("{para}").join(id)
      .split("{url}").join(pageUrl(text) + "#" + id)
      .split("{accessed}").join(today());
  }

  /* The text of a paragraph as it stands, without the apparatus: sigla, variant marks and
   * apparatus notes are the edition's, not the source's. */
  function plain(el) {
    if (!el) return "";
    var copy = el.cloneNode(true);
    var marks = copy.querySelectorAll(".oe-sig, .oe-var-ref, .oe-app");
    for (var i = 0; i < marks.length; i++) marks[i].parentNode.removeChild(marks[i]);
    return (copy.innerText || copy.textContent || "").replace(/\s+\n/g, "\n").trim();
  }

  function status(message) {
    var box = document.getElementById("oe-copy-status");
    if (!box) {
      box = document.createElement("div");
      box.id = "oe-copy-status";
      box.className = "oe-toast";
      box.setAttribute("role", "status");
      document.body.appendChild(box);
    }
    box.textContent = message;
    box.classList.add("oe-toast-on");
    clearTimeout(status.timer);
    status.timer = setTimeout(function () { box.classList.remove("oe-toast-on"); }, 4000);
  }

  function fallbackCopy(value) {
    var area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.className = "oe-sr";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function copy(value, button, what) {
    function done(ok) {
      if (!ok) { status(w.failed + ": " + value); return; }
      var label = button.textContent;
      button.textContent = w.copied;
      button.classList.add("oe-done");
      setTimeout(function () { button.textContent = label; button.classList.remove("oe-done"); }, 1500);
      status(what + (lang === "zh" ? "：" : ": ") + value);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(value).then(function () { done(true); }, function () { done(fallbackCopy(value)); });
    } else {
      done(fallbackCopy(value));
    }
  }

  function button(kind, text, label, id) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "oe-tool oe-tool-" + kind;
    b.textContent = text;
    b.setAttribute("aria-label", label.replace("{id}", id));
    b.title = label.replace("{id}", id);
    b.setAttribute("data-oe-action", kind);
    return b;
  }

  /* Citable commentary. Beside each margin number, "link" copies the note's permalink and
   * "cite" a citation of the commentary at that margin number; beside each citation of a whole
   * commentary, "copy" copies it. The build writes the templates, the commentary's address and
   * the words into data attributes of .oe-commentary; without JavaScript the N is the permalink
   * and the citations are plain text to select.
   */
  function absolute(href) {
    try { return new URL(href, window.location.href).href; } catch (e) { return href; }
  }
  function accessed() {
    var d = new Date(), months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                  "September", "October", "November", "December"];
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return { en: d.getDate() + " " + months[d.getMonth()] + " " + d.getFullYear(),
             iso: d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate()) };
  }
  /* {accessed}: the English date (legal style); {accessed_iso}: YYYY-MM-DD (GB/T 7714) */
  function fill(template, url, n) {
    var day = accessed();
    return template.split("{n}").join(n || "").split("{url}").join(url)
      .split("{accessed_iso}").join(day.iso).split("{accessed}").join(day.en);
  }
  function words(box) {
    try { return JSON.parse(box.getAttribute("data-oe-words")) || {}; } catch (e) { return {}; }
  }
  function noteNumber(note) {
    var m = /-n(\d+[a-z]?)$/.exec(note.id);
    return m ? m[1] : "";
  }
  function noteUrl(box, note) {
    return absolute(box.getAttribute("data-oe-home")).split("#")[0] + "#" + note.id;
  }
  function smallButton(kind, text, label) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "oe-tool oe-tool-" + kind;
    b.textContent = text;
    b.title = label;
    b.setAttribute("aria-label", label);
    b.setAttribute("data-oe-action", kind);
    return b;
  }
  function initCommentary() {
    var boxes = document.querySelectorAll(".oe-commentary[data-oe-home]");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i], say = words(box);
      var notes = box.querySelectorAll(".oe-note");
      for (var j = 0; j < notes.length; j++) {
        var nbox = notes[j].querySelector(".oe-nbox"), n = noteNumber(notes[j]);
        if (!nbox || !n || nbox.querySelector(".oe-ntools")) continue;
        var tools = document.createElement("span");
        tools.className = "oe-ntools";
        tools.setAttribute("role", "group");
        tools.setAttribute("aria-label", "N " + n);
        tools.appendChild(smallButton("copy-link", say.link, (say["link.label"] || "").split("{n}").join(n)));
        tools.appendChild(smallButton("cite-n", say.cite, (say["cite.label"] || "").split("{n}").join(n)));
        nbox.appendChild(tools);
      }
      var cites = box.querySelectorAll(".oe-citation[data-oe-cite]");
      for (var k = 0; k < cites.length; k++) {
        var cite = cites[k], shown = cite.querySelector(".oe-citation-text");
        if (cite.querySelector(".oe-tool")) continue;
        if (shown) shown.textContent = fill(cite.getAttribute("data-oe-cite"), absolute(cite.getAttribute("data-oe-href")));
        cite.appendChild(smallButton("copy-citation", say.copy, say["copy.label"] || ""));
      }
    }
  }

  function init() {
    initCommentary();
    var texts = document.querySelectorAll(".oe-text[data-oe-cite]");
    for (var i = 0; i < texts.length; i++) {
      var pairs = texts[i].querySelectorAll(".oe-pair");
      for (var j = 0; j < pairs.length; j++) {
        var pair = pairs[j], side = pair.querySelector(".oe-side");
        if (!side || side.querySelector(".oe-tools")) continue;
        var tools = document.createElement("span");
        tools.className = "oe-tools";
        tools.setAttribute("role", "group");
        tools.setAttribute("aria-label", pair.id);
        tools.appendChild(button("cite", w.cite, w.citeLabel, pair.id));
        tools.appendChild(button("copy-zh", w.zh, w.zhLabel, pair.id));
        if (pair.querySelector(".oe-en:not(.oe-missing)")) tools.appendChild(button("copy-en", w.en, w.enLabel, pair.id));
        side.appendChild(tools);
      }
    }
    document.addEventListener("click", function (ev) {
      var b = ev.target && ev.target.closest ? ev.target.closest("button[data-oe-action]") : null;
      if (!b) return;
      var pair = b.closest(".oe-pair"), text = b.closest(".oe-text");
      var action = b.getAttribute("data-oe-action");
      var box = b.closest(".oe-commentary[data-oe-home]"), note = b.closest(".oe-note");
      if (box) {
        var say = words(box);
        if (action === "copy-link" && note) copy(noteUrl(box, note), b, say["done.link"]);
        else if (action === "cite-n" && note) {
          copy(fill(box.getAttribute("data-oe-cite-n"), noteUrl(box, note), noteNumber(note)), b, say["done.cite"]);
        } else if (action === "copy-citation") {
          var cite = b.closest(".oe-citation");
          copy(fill(cite.getAttribute("data-oe-cite"), absolute(cite.getAttribute("data-oe-href"))), b, say["done.cite"]);
        }
        return;
      }
      if (action === "cite") copy(citation(text, pair.id), b, w.citation);
      else if (action === "copy-zh") copy(plain(pair.querySelector(".oe-zh")), b, w.text);
      else if (action === "copy-en") copy(plain(pair.querySelector(".oe-en")), b, w.text);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
/* measure-only: end */

/* Search answers every real input, not only key presses.
 *
 * Material's search reads the query on "keyup" (and on focus). Text that arrives
 * without a key press (pasted with the mouse, dropped, autofilled, or committed by
 * a Chinese input method, whose composition ends in one commit) would get no
 * results. We pass each such input on as one synthetic keyup (Material ignores a
 * query it has already searched, so typed text is not searched twice). While an
 * input method is composing, the half-typed pinyin is not searched; the commit is.
 */
(function () {
  "use strict";
  function bridge(input) {
    if (input.getAttribute("data-oe-input-bridge")) return;
    input.setAttribute("data-oe-input-bridge", "1");
    var composing = false;
    var last = input.value;
    function answer() {
      if (input.value === last) return;
      last = input.value;
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "Unidentified" }));
    }
    input.addEventListener("compositionstart", function () { composing = true; });
    input.addEventListener("compositionend", function () { composing = false; answer(); });
    input.addEventListener("input", function (ev) {
      if (composing || ev.isComposing) return;
      answer();
    });
    /* Some browsers fill a field without an input event (autofill); look when it changes. */
    input.addEventListener("change", answer);
  }
  /* Key events of a composition (keyCode 229) do not reach Material's search: a keyup would
   * search the half-typed pinyin, and a keydown (Enter or an arrow key choosing among the
   * input method's candidates, as Safari reports them) would open or move between results. */
  function composingKey(ev) {
    var t = ev.target;
    if (t && t.getAttribute && t.getAttribute("data-md-component") === "search-query"
        && (ev.isComposing || ev.keyCode === 229)) ev.stopPropagation();
  }
  window.addEventListener("keyup", composingKey, true);
  window.addEventListener("keydown", composingKey, true);
  function init() {
    var inputs = document.querySelectorAll('[data-md-component="search-query"]');
    for (var i = 0; i < inputs.length; i++) bridge(inputs[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* measure-only: begin */
/* The apparatus switch: off by default on a measure page (on in the print view); the reader's choice is remembered like the reading mode. */
(function () {
  "use strict";
  var KEY = "oe-app";
  function init() {
    var box = document.getElementById("oe-app-show");
    if (!box) return;
    try {
      var chosen = localStorage.getItem(KEY);
      if (chosen === "off") box.checked = false;
      else if (chosen === "on") box.checked = true;
    } catch (e) { /* no storage */ }
    box.addEventListener("change", function () {
      try { localStorage.setItem(KEY, box.checked ? "on" : "off"); } catch (e) { /* no storage */ }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
/* measure-only: end */

/* measure-only: begin */
/* Citations made before the official text was imported. The import renumbered the edition
 * to follow the official text, and the build wrote into #oe-moved every old id of this
 * address whose text is now elsewhere (data/concordance.yml). A fragment that no longer
 * exists here is followed to its new address at once; one that now names different text
 * here is not taken away from readers of newer citations: the page offers the jump.
 */
(function () {
  "use strict";
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? values[k] : m; });
  }
  function check() {
    var el = document.getElementById("oe-moved");
    if (!el) return;
    var data;
    try { data = JSON.parse(el.textContent); } catch (e) { return; }
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || !Object.prototype.hasOwnProperty.call(data.ids, id)) return;
    var target = data.root + data.ids[id];
    if (!document.getElementById(id)) { window.location.replace(target); return; }
    var old = document.getElementById("oe-moved-offer");
    if (old) old.parentNode.removeChild(old);
    var box = document.createElement("div");
    box.id = "oe-moved-offer";
    box.className = "admonition warning oe-moved-offer";
    box.setAttribute("role", "alert");
    var title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = data.words.title;
    var p = document.createElement("p");
    p.textContent = fill(data.words.offer, { id: id, date: data.date, target: data.ids[id].replace("/#", " · ") }) + " ";
    var a = document.createElement("a");
    a.href = target;
    a.className = "oe-moved-go";
    a.textContent = data.words.go;
    p.appendChild(a);
    box.appendChild(title);
    box.appendChild(p);
    var cited = document.getElementById(id);
    cited.parentNode.insertBefore(box, cited);
  }
  window.addEventListener("hashchange", check);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", check);
  else check();
})();
/* measure-only: end */

/* The error page in the reader's interface. A static host serves the site root's 404.html
 * (English) at every missing address; at one under the Chinese interface's root this shows
 * zh/404.html instead, so a reader of the Chinese interface is answered in Chinese. Hosts
 * that serve the nearest 404.html of a folder send zh/404.html themselves.
 */
(function () {
  "use strict";
  var box = document.querySelector('.oe-404[data-oe-lang="en"]');
  var zh = box && box.getAttribute("data-oe-zh-home");
  if (!zh || zh.charAt(0) !== "/") return;
  var path = window.location.pathname;
  if (path.indexOf(zh) === 0 && path !== zh + "404.html") window.location.replace(zh + "404.html");
})();

/* measure-only: begin */
/* ==== Term cards (glossary terms in the text; scripts/site/glossary_page.py TermMarker) =====
 * Each term in the text is a link to its glossary entry; the edition's card data (one file, fetched
 * on the first card opened) holds its pinyin, our rendering and its definition. Where the browser
 * has popovers, this fills the page's one card (#oe-card, a popover) from the term and shows it
 * beside the term instead: on a tap or a click (the card stays until Esc, the close button or a
 * tap elsewhere; from the keyboard, focus moves into it), on a hover with a mouse, and on keyboard
 * focus. A click with a modifier key still opens the entry. Without JavaScript or popovers, the
 * term stays the link it is, with its title tooltip.
 */
(function () {
  "use strict";
  var card = document.getElementById("oe-card");
  if (!card || typeof card.showPopover !== "function") return;
  var anchored = !!(window.CSS && CSS.supports && CSS.supports("anchor-name: --oe-term"));
  var current = null, pinned = false, timer = 0, returning = false;
  /* what each term's card shows (id -> [pinyin, English, definition, 释义]), fetched on the first card */
  var data = null, loading = null, zh = (document.documentElement.lang || "").indexOf("zh") === 0;
  function load() {
    if (!loading) {
      loading = fetch(card.getAttribute("data-src")).then(function (r) { return r.json(); })
        .then(function (d) { data = d; }, function () { data = {}; });
    }
    return loading;
  }
  function fill(el) {
    var entry = (data && data[decodeURIComponent(el.hash.slice(1))]) || ["", "", "", ""];
    slot("py").textContent = entry[0];
    slot("en").textContent = entry[1];
    slot("def").textContent = zh ? entry[3] : entry[2];
  }

  function term(el) { return el && el.closest ? el.closest("a.oe-term") : null; }
  function slot(name) { return card.querySelector(".oe-card-" + name); }

  /* The title tooltip would show beside the card: its words go to the accessible description. */
  var terms = document.querySelectorAll("a.oe-term[title]");
  for (var i = 0; i < terms.length; i++) {
    terms[i].setAttribute("aria-description", terms[i].getAttribute("title"));
    terms[i].removeAttribute("title");
  }

  function place(el) {
    if (anchored) return;
    var r = el.getBoundingClientRect(), w = card.offsetWidth, h = card.offsetHeight;
    var vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
    card.style.left = Math.max(8, Math.min(r.left, vw - w - 8)) + "px";
    card.style.top = (r.bottom + h + 8 > vh && r.top > h + 8 ? r.top - h - 6 : r.bottom + 6) + "px";
  }

  function open(el, pin) {
    clearTimeout(timer);
    if (current !== el || !card.matches(":popover-open")) {
      if (current) current.style.removeProperty("anchor-name");
      current = el;
      el.style.setProperty("anchor-name", "--oe-term");
      slot("zh").textContent = el.textContent;
      fill(el);
      if (!data) load().then(function () { if (current === el) { fill(el); place(el); } });
      slot("more").querySelector("a").href = el.href;
      if (card.matches(":popover-open")) card.hidePopover();
      try { card.showPopover({ source: el }); } catch (e) { card.showPopover(); }
    }
    pinned = pin;
    place(el);
  }

  function close(later) {
    clearTimeout(timer);
    if (pinned) return;
    timer = setTimeout(function () { if (!pinned && card.matches(":popover-open")) card.hidePopover(); },
                       later ? 250 : 0);
  }

  document.addEventListener("click", function (ev) {
    var el = term(ev.target);
    if (!el || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    open(el, true);
    if (ev.detail === 0) slot("more").querySelector("a").focus();  /* Enter: into the card */
  });
  document.addEventListener("pointerover", function (ev) {
    if (ev.pointerType !== "mouse") return;
    var el = term(ev.target);
    if (el) { clearTimeout(timer); timer = setTimeout(function () { open(el, pinned && el === current); }, 120); }
    else if (card.contains(ev.target)) clearTimeout(timer);
  });
  document.addEventListener("pointerout", function (ev) {
    if (ev.pointerType === "mouse" && (term(ev.target) || card.contains(ev.target))) close(true);
  });
  document.addEventListener("focusin", function (ev) {
    if (returning) return;
    var el = term(ev.target);
    if (el && el !== current) open(el, false);
    else if (el) open(el, pinned);
    else if (card.contains(ev.target)) clearTimeout(timer);
  });
  document.addEventListener("focusout", function (ev) {
    if (term(ev.target) && !card.contains(ev.relatedTarget)) close(false);
  });
  card.addEventListener("focusout", function (ev) {  /* focus left the card: it closes */
    if (!card.contains(ev.relatedTarget) && !term(ev.relatedTarget)) { pinned = false; close(false); }
  });
  /* Closing with Esc, the close button or a tap elsewhere: focus that was in the card goes back to
   * its term (the browser may do so itself) without opening the card again. */
  var hadFocus = false;
  card.addEventListener("beforetoggle", function (ev) {
    if (ev.newState !== "closed") return;
    pinned = false;
    hadFocus = card.contains(document.activeElement);
    returning = true;
    setTimeout(function () { returning = false; }, 0);
  });
  card.addEventListener("toggle", function (ev) {
    if (ev.newState !== "closed" || !hadFocus || !current || document.activeElement === current) return;
    returning = true;
    current.focus();
    returning = false;
  });
  if (!anchored) window.addEventListener("scroll", function () { if (!pinned) close(false); else place(current); },
                                         { passive: true });
})();
/* ==== end of term cards ================================================================== */
/* measure-only: end */
