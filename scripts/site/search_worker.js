/* Search worker of the edition: wraps the lunr worker of Material for MkDocs.
 *
 * scripts/hooks.py publishes this file as assets/javascripts/workers/edition-search.js
 * and appends importScripts() of Material's own worker, so Material does the
 * indexing and the matching. This wrapper:
 *   - segments Chinese in the query into the words of the index (商业秘密 -> 商业 秘密),
 *     so whole words, parts of compounds and several words all match;
 *   - strips pinyin tone marks and apostrophes (shāngyè -> shangye), matching the
 *     toneless `pinyin` field of the index, and stems English words;
 *   - ranks a hit in the text of a measure (source or translation) above a glossary
 *     term, law or witness, those above commentary, and all above other pages (the
 *     `kind` of each index entry);
 *   - turns a paragraph id (m08-2), "measure 8", 第八条, 第八项 or （八） into a first
 *     result that jumps to that paragraph or measure, and searches 第八条 as （八）;
 *   - writes what each result shows itself: Material shows the first entry of a page's
 *     group and hides the rest under "N more on this page", so the best-matching
 *     passage goes first and the page's own entry (its title) last; each entry shows
 *     the block of its text that best matches, cut to a few lines around the match,
 *     with exactly the words searched for marked (Material marks whole index words:
 *     商业秘密和), without the U+200B of the index (a line-break opportunity before
 *     a comma), and says a word is missing only if the reader typed it.
 * Message types follow Material's SearchMessageType: SETUP 0, READY 1, QUERY 2, RESULT 3.
 */
"use strict";
(function () {
  var SETUP = 0, QUERY = 2, RESULT = 3;
  /* Han characters: the ranges of HAN_CLASS in scripts/edition/zh.py, the Python definition (keep them alike). */
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var HAN_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  var NOT_HAN = /[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/;
  var DIGITS = "〇一二三四五六七八九";
  /* What may not start a line of Chinese (or a snippet): closing marks and pauses. */
  var NO_START = /^[\s，。、；：！？）〕」』》〉】’”,.;:!?)\]]+/;
  var docs = new Map();
  var vocab = new Set();
  var pinyinWords = new Set();
  var pinyinTerms = new Map(); /* "shangyemimi" -> "商业秘密", from the glossary's entries */
  var maxWord = 1;
  var pending = [];

  function learn(data) {
    docs = new Map();
    vocab = new Set();
    pinyinWords = new Set();
    pinyinTerms = new Map();
    (data.docs || []).forEach(function (doc) {
      docs.set(doc.location, doc);
      (doc.pinyin || "").split(" ").forEach(function (word) { if (word) pinyinWords.add(word); });
      (doc.title + "\u200b" + doc.text).split(NOT_HAN).forEach(function (word) {
        if (word) {
          vocab.add(word);
          if (word.length > maxWord) maxWord = word.length;
        }
      });
      if (doc.kind === "term" && doc.pinyin) {
        /* the term is the first Chinese of its title ("商业秘密 · 术语表", "trade secrets · 商业秘密") */
        var zh = (doc.title.replace(/\u200b/g, "").match(HAN) || [])[0];
        if (zh) pinyinTerms.set(doc.pinyin.replace(/ /g, ""), zh);
      }
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
  var stems = new Map();
  function stem(word) {
    if (typeof lunr === "undefined" || !lunr.stemmer) return word;
    var key = word.toLowerCase();
    if (!stems.has(key)) stems.set(key, lunr.stemmer(new lunr.Token(key)).toString());
    return stems.get(key);
  }

  function stopWord(word) {
    return typeof lunr !== "undefined" && lunr.stopWordFilter && !lunr.stopWordFilter(new lunr.Token(word));
  }

  function toneless(query) {
    return String(query).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/([a-z])['’]([aeo])/gi, "$1$2");
  }

  function zhNumber(text) {
    if (!text || /[^〇一二三四五六七八九十]/.test(text)) return null;
    if (text.indexOf("十") < 0) return text.length === 1 ? DIGITS.indexOf(text) : null;
    var parts = text.split("十");
    var tens = parts[0] ? DIGITS.indexOf(parts[0]) : 1;
    var ones = parts[1] ? DIGITS.indexOf(parts[1]) : 0;
    return tens * 10 + ones;
  }

  function zhNumeral(n) {
    if (n < 10) return DIGITS[n];
    return (n >= 20 ? DIGITS[Math.floor(n / 10)] : "") + "十" + (n % 10 ? DIGITS[n % 10] : "");
  }

  function measurePath(n) {
    return n === 0 ? "measures/preamble/" : "measures/" + (n < 10 ? "0" : "") + n + "/";
  }

  /* The measure a query names by number (第八条, 第八项, 八条, （八）, measure 8, 8), or null. */
  function measureNumber(query) {
    var q = String(query).trim().toLowerCase().replace(/\s+/g, " ");
    var m, number = null;
    if ((m = /^(?:measure|measures|art\.?|article|no\.?|item)?\s*\(?(\d{1,2})\)?$/.exec(q))) number = +m[1];
    else if ((m = /^第([〇一二三四五六七八九十]+)[条项]?$/.exec(q)) || (m = /^([〇一二三四五六七八九十]+)[条项]$/.exec(q)) ||
             (m = /^[（(]([〇一二三四五六七八九十]+)[）)]$/.exec(q))) number = zhNumber(m[1]);
    return number !== null && number >= 1 && number <= 21 ? number : null;
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
    var number = measureNumber(query);
    return number === null ? null : measurePath(number);
  }

  function rewrite(query) {
    /* 第八条 is how a Chinese reader names a measure, but the text numbers it （八）: search
     * for that (an exact word, not 八* which would also find 八成), and jump (augment). */
    var number = measureNumber(query);
    if (number !== null && HAN_CHAR.test(query)) {
      return segment(zhNumeral(number)).map(function (w) { return w + "^1"; }).join(" ");
    }
    var q = toneless(query);
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

  /* What the reader asked for, as the results show it: the words typed (each with what
   * makes it present in an entry) and what to mark in the text. */
  function analyse(query) {
    var number = measureNumber(query);
    var jump = target(query) !== null;
    var typed = toneless(query).toLowerCase().replace(/\s+/g, " ").trim().split(" ").filter(Boolean);
    var han = [], latin = [], literal = [];
    if (number !== null) literal.push("（" + zhNumeral(number) + "）", "(" + number + ")");
    var words = [];
    typed.forEach(function (word, k) {
      if (jump) {
        if (/^(m\d|pre)/.test(word)) literal.push(word);
        return;
      }
      var pieces = [];
      (word.match(HAN) || []).forEach(function (run) {
        han.push(run);
        pieces = pieces.concat(segment(run));
      });
      han = han.concat(pieces);
      /* a stop word (of, the) is neither marked, nor named missing, nor marked on the page opened */
      var latins = word.replace(HAN, " ").split(/[^a-z0-9]+/).filter(function (w) { return w && !stopWord(w); });
      latins.forEach(function (w) { latin.push({ word: w, stem: stem(w), prefix: k === typed.length - 1 }); });
      if (pieces.length || latins.length) words.push({ word: word, pieces: pieces, latin: latins });
    });
    /* A pinyin query marks the Chinese of the glossary term it spells: shangye mimi -> 商业秘密. */
    var spelt = [typed.join("")].concat(typed).filter(function (p) { return pinyinTerms.has(p); })
      .map(function (p) { return pinyinTerms.get(p); });
    han = han.concat(spelt);
    han = han.filter(function (w, i) { return w && han.indexOf(w) === i; })
      .sort(function (a, b) { return b.length - a.length; });
    return { words: words, han: han, latin: latin, literal: literal, spelt: spelt, phrase: flat(query).trim() };
  }

  function flat(text) {
    return String(text || "").replace(/<[^>]+>/g, " ").replace(/\u200b/g, "")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ");
  }

  /* Is each word the reader typed in this entry? A Chinese word counts when any of its index
   * words is (lunr found the entry by it); only whole typed words are ever named missing,
   * never a piece of one, a wildcard or a stem. */
  function termsOf(source, a) {
    var haystack = flat(source.title + " " + source.text + " " + (source.pinyin || ""));
    var terms = {}, complete = true;
    function has(piece) { return haystack.indexOf(piece) >= 0; }
    function hasLatin(l) { return has(l) || has(stem(l)); }
    var exact = true;  /* every Chinese word typed stands in the entry as typed, not only its pieces */
    a.words.forEach(function (w) {
      terms[w.word] = w.pieces.some(has) || w.latin.some(hasLatin);
      complete = complete && w.pieces.every(has) && w.latin.every(hasLatin);
      if (w.pieces.length > 1 && !has(flat(w.word).replace(/[^\u3400-\u9fff]/g, ""))) exact = false;
    });
    /* the Chinese a pinyin query spells is marked on the page opened too (search.highlight) */
    a.spelt.forEach(function (zh) { if (has(zh)) terms[zh] = true; });
    return { terms: terms, complete: complete, exact: exact };
  }

  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  function unescapeHtml(text) {
    return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, function (all, name) {
      if (name[0] === "#") {
        var code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return isNaN(code) ? all : String.fromCodePoint(code);
      }
      return Object.prototype.hasOwnProperty.call(ENTITIES, name.toLowerCase()) ? ENTITIES[name.toLowerCase()] : all;
    });
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function plain(html) {
    return unescapeHtml(html.replace(/<[^>]*>/g, "")).replace(/\u200b/g, "").replace(/\s+/g, " ").trim();
  }

  /* The blocks of an entry's text (paragraphs, list items, loose text), as plain text with
   * the language of the paragraph they are in. */
  var BLOCK = /<(\/?)(p|li|ul|ol|div|dl|dt|dd|h[1-6]|pre|table|tr|td|th|blockquote)\b([^>]*)>/gi;
  function blocks(html) {
    var out = [], lang = "", at = 0, m;
    BLOCK.lastIndex = 0;
    function flush(end) {
      var text = plain(html.slice(at, end));
      if (text) out.push({ lang: lang, text: text });
    }
    while ((m = BLOCK.exec(html))) {
      flush(m.index);
      at = BLOCK.lastIndex;
      if (m[2].toLowerCase() === "p") {
        var l = m[1] ? null : /\blang="([^"]*)"/.exec(m[3]);
        lang = l ? l[1] : "";
      }
    }
    flush(html.length);
    return out;
  }

  /* Where the query is in a plain text: [start, end) ranges, merged, words of a phrase
   * ("trade secrets", 商业 秘密) joined into one. */
  function ranges(text, a) {
    var found = [], lower = text.toLowerCase();
    a.han.concat(a.literal).forEach(function (needle) {
      var n = needle.toLowerCase();
      for (var i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + n.length)) found.push([i, i + n.length, n]);
    });
    if (a.latin.length) {
      var word = /[a-z0-9]+/gi, m;
      while ((m = word.exec(text))) {
        var w = m[0].toLowerCase();
        var hit = a.latin.some(function (l) {
          return w === l.word || (l.prefix && w.indexOf(l.word) === 0) || (w.length > 2 && stem(w) === l.stem);
        });
        if (hit) found.push([m.index, m.index + m[0].length, stem(w)]);
      }
    }
    found.sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
    var merged = [];
    found.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) {
        if (r[1] > last[1]) last[1] = r[1];
        last.keys[r[2]] = 1;
      } else if (last && /^[ -]?$/.test(text.slice(last[1], r[0]))) {
        last[1] = r[1];
        last.keys[r[2]] = 1;
      } else {
        var next = [r[0], r[1]];
        next.keys = {};
        next.keys[r[2]] = 1;
        merged.push(next);
      }
    });
    return merged;
  }

  function marked(text, found, offset) {
    var out = "", at = 0;
    found.forEach(function (r) {
      var s = r[0] - offset, e = r[1] - offset;
      if (e <= 0 || s >= text.length) return;
      s = Math.max(s, at);
      e = Math.min(e, text.length);
      out += escapeHtml(text.slice(at, s)) + "<mark>" + escapeHtml(text.slice(s, e)) + "</mark>";
      at = e;
    });
    return out + escapeHtml(text.slice(at));
  }

  /* About three lines on a phone: a Chinese character counts two. */
  var ROOM = 220;
  function width(text) {
    var n = 0;
    for (var i = 0; i < text.length; i++) n += HAN_CHAR.test(text[i]) || text.charCodeAt(i) > 0x2e80 ? 2 : 1;
    return n;
  }

  /* The stretch of a block around its first match, cut at a word or a pause, never so that
   * it starts with a comma; "…" where it was cut. */
  function excerpt(block, found) {
    var text = block.text;
    if (width(text) <= ROOM) return marked(text, found, 0);
    var first = found.length ? found[0][0] : 0;
    var start = first, room = ROOM / 3;
    while (start > 0 && room > 0) room -= width(text[--start]);
    if (start > 0) {
      /* begin after a pause or a space near the cut, if there is one before the match */
      var pause = text.slice(start, first).search(/[，。；、：！？,.;:!?]\s*|\s/);
      if (pause >= 0) start += pause + text.slice(start + pause).match(/^[，。；、：！？,.;:!?]?\s*/)[0].length;
    }
    var end = start;
    room = ROOM;
    while (end < text.length && room > 0) room -= width(text[end++]);
    if (end < text.length) {
      var tail = text.slice(start, end);
      var stop = Math.max(tail.lastIndexOf(" "), tail.search(/[，。；、：！？][^，。；、：！？]*$/) + 1);
      if (stop > tail.length / 2 && start + stop > first) end = start + stop;
    }
    var piece = text.slice(start, end);
    var lead = start > 0 ? piece.match(NO_START) : null;
    var skip = lead ? lead[0].length : 0;
    piece = piece.slice(skip);
    if (end < text.length) piece = piece.replace(/[\s，、；：,;:]+$/, "");
    return (start > 0 ? "…" : "") + marked(piece, found, start + skip) + (end < text.length ? "…" : "");
  }

  function paragraph(block, html) {
    return "<p" + (block.lang ? ' lang="' + escapeHtml(block.lang) + '"' : "") + ">" + html + "</p>";
  }

  /* What an entry shows: all of a short text of two blocks (a glossary entry, a short pair),
   * else its best-matching block (or its first), cut around the match. */
  function passage(source, a) {
    var best = null, all = blocks(source.text || ""), total = 0;
    var found = all.map(function (block) {
      var found = ranges(block.text, a), keys = {};
      found.forEach(function (r) { Object.keys(r.keys).forEach(function (k) { keys[k] = 1; }); });
      var score = Object.keys(keys).length * 1000 + found.length;
      if (!best || score > best.score) best = { block: block, found: found, score: score };
      total += width(block.text);
      return found;
    });
    if (!best) return "";
    if (all.length <= 2 && total <= ROOM) return all.map(function (block, i) { return paragraph(block, marked(block.text, found[i], 0)); }).join("");
    return paragraph(best.block, excerpt(best.block, best.found));
  }

  function title(source, a) {
    var text = plain(source.title || "");
    return marked(text, ranges(text, a), 0);
  }

  /* Material ranks by lunr's score, which rewards any mention of any query word.
   * Readers want the measure that says what they typed: a hit in the text of a
   * measure beats a glossary term, law or witness, which beat commentary, which beats
   * other pages; a document that holds the query as a phrase, or all of its words,
   * beats one holding only some. */
  /* A note of the Chinese commentary is paragraph-sized: lunr scores it like a paragraph of the
   * text, far above the English commentary (one long entry), so it weighs less than that. */
  var WEIGHT = { text: 3, term: 2, law: 1.5, witness: 1, commentary: 1, note: 0.5, page: 0.5 };
  /* The text of a measure holding every word searched for comes first, whatever lunr's score:
   * lunr does not weigh a word by the length of the entry (Material builds the index so), and
   * a long commentary that repeats a word outscores the clause that says it. The bonus is in
   * the score because Material's Enter opens the highest score of the first card. */
  var TEXT_FIRST = 1000;
  /* Then, the same way, a glossary term or a law that holds every word, then a witness: a page
   * found only in its commentary comes after them, however often its commentary says the words. */
  var TIER = { text: TEXT_FIRST, term: 500, law: 500, witness: 250 };

  function isPage(doc) { return doc.location.indexOf("#") < 0; }

  /* Within a page's group, the best passage first: Material shows the first entry (and any
   * scoring as high) on the card and folds the rest away; the page's own entry, which it
   * shows as the card's heading wherever it stands, goes last. The passage takes the group's
   * best score, the page's heading included, and the page a little less: Enter opens the
   * highest score on screen, which is then the first card's passage. */
  function order(items) {
    var page = items.filter(isPage)[0];
    var rest = items.filter(function (doc) { return !isPage(doc); }).sort(function (x, y) { return y.score - x.score; });
    var top = Math.max.apply(null, items.map(function (doc) { return doc.score; }));
    if (page && rest.length) {
      rest[0] = Object.assign({}, rest[0], { score: top });
      page = Object.assign({}, page, { score: Math.min(page.score, top * 0.999) });
    }
    var group = page ? rest.concat([page]) : rest;
    group.top = top;
    return group;
  }

  function rerank(a, result) {
    var groups = (result.items || []).map(function (items) {
      return order(items.map(function (doc) {
        var source = docs.get(doc.location) || doc;
        var found = termsOf(source, a);
        var hasPhrase = a.phrase.length > 1 && flat(source.title + " " + source.text).indexOf(a.phrase) >= 0;
        var factor = (WEIGHT[doc.kind] || 1) * (hasPhrase ? 3 : 1) * (found.complete ? 1 : 0.5);
        var score = doc.score * factor + (found.complete && found.exact && doc.score > 0 ? TIER[doc.kind] || 0 : 0);
        return Object.assign({}, doc, { terms: found.terms, score: score });
      }));
    });
    groups.sort(function (x, y) { return y.top - x.top; });
    return groups;
  }

  /* A jump: the measure (or paragraph) named, first; a measure named by number shows its
   * first paragraph, where its number stands. */
  function jump(location, groups) {
    var path = location.split("#")[0];
    var page = docs.get(path);
    var para = location.indexOf("#") > 0 ? docs.get(location) : null;
    if (!page || (location.indexOf("#") > 0 && !para)) return groups;
    if (para) {
      para = Object.assign({}, para, { score: 2e6, terms: {} });
    } else {
      docs.forEach(function (doc) { if (!para && doc.kind === "text" && doc.location.indexOf(path + "#") === 0) para = doc; });
      if (para) para = Object.assign({}, para, { score: 1e6 - 1, terms: {} });
    }
    var group = (para ? [para] : []).concat([Object.assign({}, page, { score: 1e6, terms: {} })]);
    return [group].concat(groups.filter(function (items) {
      return !items.some(function (doc) { return doc.location.split("#")[0] === path; });
    }));
  }

  function augment(query, result) {
    var a = analyse(query);
    var groups = rerank(a, result);
    var location = target(query);
    if (location) groups = jump(location, groups);
    var items = groups.map(function (items) {
      return items.map(function (doc) {
        var source = docs.get(doc.location) || doc;
        return Object.assign({}, doc, { title: title(source, a), text: passage(source, a),
                                        terms: location ? {} : doc.terms });
      });
    });
    return Object.assign({}, result, { items: items });
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
