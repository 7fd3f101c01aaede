/* Search worker of the edition: wraps the lunr worker of Material for MkDocs.
 *
 * scripts/hooks.py publishes this file as assets/javascripts/workers/edition-search.js
 * and appends importScripts() of Material's own worker, so Material does the
 * indexing, ranking and highlighting. This wrapper only:
 *   - segments Chinese in the query into the words of the index (商业秘密 -> 商业 秘密),
 *     so whole words, parts of compounds and several words all match;
 *   - strips pinyin tone marks and apostrophes (shāngyè -> shangye), matching the
 *     toneless `pinyin` field of the index, and stems English words;
 *   - ranks a hit in the text of a measure (source or translation) above one in
 *     commentary, and both above other pages (the `kind` of each index entry);
 *   - turns a paragraph id (m08-2), "measure 8", 第八条 or （八） into a first
 *     result that jumps to that paragraph or measure.
 * Message types follow Material's SearchMessageType: SETUP 0, READY 1, QUERY 2, RESULT 3.
 */
"use strict";
(function () {
  var SETUP = 0, QUERY = 2, RESULT = 3;
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var NOT_HAN = /[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/;
  var DIGITS = "〇一二三四五六七八九";
  var docs = new Map();
  var vocab = new Set();
  var pinyinWords = new Set();
  var maxWord = 1;
  var pending = [];

  function learn(data) {
    docs = new Map();
    vocab = new Set();
    pinyinWords = new Set();
    (data.docs || []).forEach(function (doc) {
      docs.set(doc.location, doc);
      (doc.pinyin || "").split(" ").forEach(function (word) { if (word) pinyinWords.add(word); });
      (doc.title + "\u200b" + doc.text).split(NOT_HAN).forEach(function (word) {
        if (word) {
          vocab.add(word);
          if (word.length > maxWord) maxWord = word.length;
        }
      });
    });
  }

  /* Forward maximum matching over the words the index holds. */
  function segment(run) {
    var out = [];
    for (var i = 0; i < run.length;) {
      var n = Math.min(maxWord, run.length - i);
      while (n > 1 && !vocab.has(run.substr(i, n))) n--;
      out.push(run.substr(i, n));
      i += n;
    }
    return out;
  }

  /* lunr skips its pipeline for wildcard terms, and Material adds a wildcard to
   * every term: so "prosecution*" would never meet the stemmed "prosecut" of the
   * index. Stemming the query words here restores ordinary stemming. */
  function stem(word) {
    if (typeof lunr === "undefined" || !lunr.stemmer) return word;
    return lunr.stemmer(new lunr.Token(word.toLowerCase())).toString();
  }

  function rewrite(query) {
    var q = String(query).normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    q = q.replace(/([a-z])['’]([aeo])/gi, "$1$2");
    q = q.replace(HAN, function (run) { return " " + segment(run).join(" ") + " "; });
    var words = q.replace(/\s+/g, " ").trim().split(" ");
    /* Material appends a wildcard to every word, and a wildcard matches every word
     * sharing the prefix, which skews lunr's scores. Only the last word, which the
     * reader may still be typing, keeps it, and is stemmed here because lunr does
     * not stem wildcard words; `^1` (boost 1) tells Material to leave a finished
     * Latin word as it is, and lunr stems it itself. */
    /* A whole pinyin word of the index (zhongye) is finished even when it is the last
     * word: its stem with a wildcard (zhongy*) would also match zhongyang and zhongyao. */
    return words.map(function (w, i) {
      if (!/^[a-z0-9]+$/i.test(w)) return w;
      if (i < words.length - 1 || pinyinWords.has(w.toLowerCase())) return w + "^1";
      return /^[a-z]{3,}$/i.test(w) ? stem(w) : w;
    }).join(" ");
  }

  function zhNumber(text) {
    if (!text || /[^〇一二三四五六七八九十]/.test(text)) return null;
    if (text.indexOf("十") < 0) return text.length === 1 ? DIGITS.indexOf(text) : null;
    var parts = text.split("十");
    var tens = parts[0] ? DIGITS.indexOf(parts[0]) : 1;
    var ones = parts[1] ? DIGITS.indexOf(parts[1]) : 0;
    return tens * 10 + ones;
  }

  function measurePath(n) {
    return n === 0 ? "measures/preamble/" : "measures/" + (n < 10 ? "0" : "") + n + "/";
  }

  /* The location a query asks to jump to, or null. */
  function target(query) {
    var q = String(query).trim().toLowerCase().replace(/\s+/g, " ");
    var m;
    if ((m = /^m(\d{1,2})\s*[-‐–.]\s*(\d+[a-z]?)$/.exec(q))) {
      var n = +m[1];
      return n >= 1 && n <= 21 ? measurePath(n) + "#m" + (n < 10 ? "0" : "") + n + "-" + m[2] : null;
    }
    if ((m = /^pre\s*[-‐–.]\s*(\d+[a-z]?)$/.exec(q))) return measurePath(0) + "#pre-" + m[1];
    if (q === "preamble" || q === "序言") return measurePath(0);
    var number = null;
    if ((m = /^(?:measure|measures|art\.?|article|no\.?|item)?\s*\(?(\d{1,2})\)?$/.exec(q))) number = +m[1];
    else if ((m = /^第([〇一二三四五六七八九十]+)条?$/.exec(q)) || (m = /^([〇一二三四五六七八九十]+)条$/.exec(q)) ||
             (m = /^[（(]([〇一二三四五六七八九十]+)[）)]$/.exec(q))) number = zhNumber(m[1]);
    return number !== null && number >= 1 && number <= 21 ? measurePath(number) : null;
  }

  /* Material ranks by lunr's score, which rewards any mention of any query word.
   * Readers want the measure that says what they typed: a hit in the text of a
   * measure beats commentary, which beats other pages; a document that holds the
   * query as a phrase, or all of its words, beats one holding only some. */
  /* A note of the Chinese commentary is paragraph-sized: lunr scores it like a paragraph of the
   * text, far above the English commentary (one long entry), so it weighs less than that. */
  var WEIGHT = { text: 3, commentary: 1, note: 0.5, page: 0.5 };

  function flat(text) {
    return String(text || "").replace(/<[^>]+>/g, " ").replace(/\u200b/g, "")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ");
  }

  function rerank(query, result) {
    var phrase = flat(query).trim();
    var groups = (result.items || []).map(function (items) {
      return items.map(function (doc) {
        var source = docs.get(doc.location) || doc;
        var haystack = flat(source.title + " " + source.text + " " + (source.pinyin || ""));
        /* Material marks a query word "missing" when the index holds only its stem
         * (shangye -> shangy); a word whose stem the entry contains is not missing. */
        var fixed = {};
        Object.keys(doc.terms || {}).forEach(function (t) {
          fixed[t] = doc.terms[t] || haystack.indexOf(stem(t)) >= 0;
        });
        doc = Object.assign({}, doc, { terms: fixed });
        var terms = Object.keys(fixed);
        var all = terms.length > 0 && terms.every(function (t) { return fixed[t]; });
        var hasPhrase = phrase.length > 1 && flat(source.title + " " + source.text).indexOf(phrase) >= 0;
        var factor = (WEIGHT[doc.kind] || 1) * (hasPhrase ? 3 : 1) * (all ? 1 : 0.5);
        return Object.assign({}, doc, { score: doc.score * factor });
      }).sort(function (a, b) { return b.score - a.score; });
    });
    groups.sort(function (a, b) { return b[0].score - a[0].score; });
    return Object.assign({}, result, { items: groups });
  }

  function augment(query, result) {
    result = rerank(query, result);
    var location = target(query);
    if (!location) return result;
    var path = location.split("#")[0];
    var page = docs.get(path);
    var para = location.indexOf("#") > 0 ? docs.get(location) : null;
    if (!page || (location.indexOf("#") > 0 && !para)) return result;
    var group = [Object.assign({}, page, { score: 1e6, terms: {} })];
    if (para) group.push(Object.assign({}, para, { score: 2e6, terms: {} }));
    var rest = (result.items || []).filter(function (items) {
      return !items.some(function (doc) { return doc.location === path; });
    });
    return Object.assign({}, result, { items: [group].concat(rest) });
  }

  var addListener = self.addEventListener.bind(self);
  var post = self.postMessage.bind(self);

  /* Material's worker calls the global addEventListener and postMessage: wrap both. */
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return addListener(type, listener, options);
    return addListener("message", function (event) {
      var message = event.data;
      if (message && message.type === SETUP) learn(message.data);
      if (message && message.type === QUERY) {
        pending.push(message.data);
        return listener({ data: { type: QUERY, data: rewrite(message.data) } });
      }
      return listener(event);
    }, options);
  };
  self.postMessage = function (message) {
    if (message && message.type === RESULT && pending.length)
      message = { type: RESULT, data: augment(pending.shift(), message.data) };
    return post(message);
  };
})();
