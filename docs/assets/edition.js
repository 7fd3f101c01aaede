/* Reading modes for the aligned text.
 *
 * The modes work without JavaScript: they are radio buttons, and the
 * stylesheet lays the text out from whichever is checked (CSS :has). This
 * script only remembers the choice across pages and reloads, reads ?view=
 * from the address, and shows the default mode as checked when none was chosen.
 */
(function () {
  "use strict";
  var KEY = "oe-view";
  var VIEWS = ["parallel", "stacked", "zh", "en"];
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
    var notes = document.querySelectorAll("details.oe-notes");
    for (var i = 0; i < notes.length; i++) notes[i].setAttribute("open", "");
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
