"""What a search result shows, in Chromium, on the built site: the passage, marked, and nothing else.

Material groups results by page and shows each group as a card: the page's title, then
the entries that score as high as the group's first, the rest folded under "N more on
this page". These tests hold what a reader sees on those cards to rules, for queries
of every kind in both interfaces:

- the first card shows a passage (not only a title) in which the query is marked, and
  a mark never runs past the words searched for (商业秘密和);
- no line of a result starts with a pause mark (，；、。), no result carries U+200B,
  and no query syntax (a wildcard, a piece of a word) is named as missing;
- a measure named by number (第八条) marks only that number;
- witness entries show each field with its label;
- glossary terms and laws rank above pages found only in their commentary.

Each test waits until the search has answered the whole query and drawn the answer
(scripts/bench/search_probe.py, WATCH_SEARCH), never for a time.
"""
from __future__ import annotations

import os
import re
import unicodedata

import pytest

from scripts.bench.search_probe import BOX, WATCH_SEARCH, wait_for_answer
from scripts.edition import Edition
from scripts.edition.zh import strip_tones
from scripts.site.i18n import t

pytestmark = pytest.mark.browser

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
PAUSES = "，；、。："
# The cards Material has drawn, as the reader sees them: per card, its entries (the page's own
# first), whether each is folded away, its title, its passage and the words it marks.
CARDS = """els => els.map(li => [...li.querySelectorAll('a.md-search-result__link')].map(a => {
  const article = a.firstElementChild;
  const heading = article.querySelector('h1, h2');
  const passage = [...article.children].filter(e => e.tagName === 'P' && !e.classList.contains('md-search-result__terms'));
  const url = new URL(a.href);
  return {href: url.pathname + url.hash, folded: !!a.closest('details'), title: heading ? heading.textContent : '',
          passage: passage.map(p => p.textContent), paragraphs: passage.map(p => p.innerHTML),
          marks: passage.map(p => [...p.querySelectorAll('mark')].map(m => m.textContent)).flat(),
          titleMarks: heading ? [...heading.querySelectorAll('mark')].map(m => m.textContent) : [],
          missing: [...article.querySelectorAll('.md-search-result__terms del')].map(d => d.textContent),
          text: article.textContent};
}))"""
# Every character of the results that starts a line (its box lower than the character before).
LINE_STARTS = """list => {
  const starts = [];
  const walker = document.createTreeWalker(list, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let previous = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const block = node.parentElement.closest('p, h1, h2');
    for (let i = 0; i < node.data.length; i++) {
      if (/\\s/.test(node.data[i])) continue;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box) continue;
      if (!previous || previous.block !== block || box.top > previous.top + box.height / 2)
        starts.push(node.data[i] + node.data.slice(i + 1, i + 12));
      previous = {block: block, top: box.top};
    }
  }
  return starts;
}"""


def search(browser, server: str, iface: str, query: str, width: int = 1280) -> tuple[object, object]:
    """A page in the interface `iface`, `width` px wide, its search box holding `query` and showing
    the answer: (context, page)."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(WATCH_SEARCH)
    page = context.new_page()
    page.goto(server + ("zh/" if iface == "zh" else ""))
    button = page.locator('label.md-header__button[for="__search"]')
    if button.is_visible():  # on a phone the box opens from the header's search button
        button.click()
    else:
        page.locator(BOX).click()
    page.keyboard.type(query)
    wait_for_answer(page)
    return context, page


def cards(page) -> list[list[dict]]:
    return page.locator(".md-search-result__item").evaluate_all(CARDS)


def typed_words(query: str) -> list[str]:
    """The words a reader typed, as the results must show them: tones gone, lower case, no
    English stop word."""
    words = strip_tones(unicodedata.normalize("NFC", query)).lower().split()
    return [w for w in words if w not in {"of", "the", "and", "in", "to"}]


def spelt(edition: Edition, query: str) -> str | None:
    """The Chinese of the glossary term a pinyin query spells (shangye mimi -> 商业秘密), if any."""
    key = "".join(typed_words(query))
    for term in edition.glossary.terms:
        if strip_tones(term.pinyin).replace(" ", "").replace("'", "").lower() == key:
            return term.zh
    return None


def stem(word: str) -> str:
    """Enough of an English word to recognise its forms (secret: secrets; legality)."""
    return re.sub(r"(ies|es|s|ing|ed|y|e)$", "", word)


def covers(marks: list[str], word: str) -> bool:
    """Do the marked words include the typed `word` (a Chinese word whole; an English word in
    any of its forms)?"""
    if HAN.search(word):
        return any(word in m for m in marks)
    return any(w.lower().startswith(stem(word)) for m in marks for w in re.findall(r"[A-Za-z0-9]+", m))


def related(word: str, typed: str) -> bool:
    """Could `word` be a form of the typed word, as a stemmer or a word still being typed finds it
    (secrets, secret; legal, legality; indicated, indications): the whole of the shorter, or at
    least its first five letters, begins the other."""
    word, typed = word.lower(), typed.lower()
    common = len(os.path.commonprefix([word, typed]))
    return common >= min(5, len(word), len(typed))


def within(mark: str, words: list[str]) -> bool:
    """Is a mark no more than the words searched for: a Chinese mark a part of a typed word, each
    English word of it a form of a typed word?"""
    if HAN.search(mark):
        return any(mark in w for w in words)
    return all(any(related(w, q) for q in words if not HAN.search(q)) for w in re.findall(r"[A-Za-z0-9]+", mark))


# Queries of every kind, in both interfaces: Chinese words whole and in part, English with
# stemming, pinyin with and without tones.
PASSAGE_QUERIES = [("zh", "商业秘密"), ("en", "商业秘密"), ("zh", "秘密"), ("zh", "罪刑法定"), ("en", "恶意抢注"),
                   ("zh", "植物新品种"), ("en", "trade secret"), ("zh", "secret"), ("en", "principle of legality"),
                   ("en", "geographical indications"), ("en", "shangye mimi"), ("zh", "shāngyè mìmì")]


@pytest.mark.parametrize("iface,query", PASSAGE_QUERIES, ids=[f"{i}:{q}" for i, q in PASSAGE_QUERIES])
def test_the_first_card_shows_the_passage_with_the_query_marked(browser, server: str, edition: Edition,
                                                                iface: str, query: str) -> None:
    context, page = search(browser, server, iface, query)
    first = cards(page)[0]
    shown = [entry for entry in first if not entry["folded"] and entry["passage"]]
    assert shown, f"the first card shows no passage, only {[e['title'] for e in first]}"
    words = typed_words(query)
    chinese = spelt(edition, query)
    wanted = [chinese] if chinese else words
    marks = shown[0]["marks"]
    assert all(covers(marks, w) for w in wanted), f"{query}: the passage marks {marks}: {shown[0]['passage']}"
    for entry in (e for card in cards(page) for e in card):
        for mark in entry["marks"] + entry["titleMarks"]:
            assert within(mark, wanted + words), f"{query}: '{mark}' is marked in {entry['href']}"
    context.close()


# Chinese text that wraps, in the narrowest layout; measure numbers, which Material's own
# search turned into a wildcard (缺少：第*); a word found mostly in commentary.
CLEAN_QUERIES = [("zh", "商业秘密"), ("zh", "境外"), ("zh", "第八条"), ("zh", "第八项"), ("en", "第八条"),
                 ("zh", "罪刑法定"), ("en", "trade secret")]


@pytest.mark.parametrize("iface,query", CLEAN_QUERIES, ids=[f"{i}:{q}" for i, q in CLEAN_QUERIES])
def test_results_have_no_line_starting_with_a_pause_no_zero_width_space_and_no_query_syntax(
        browser, server: str, iface: str, query: str) -> None:
    context, page = search(browser, server, iface, query, width=390)
    starts = page.locator(".md-search-result__list").evaluate(LINE_STARTS)
    assert starts, "the results were read"
    assert not [s for s in starts if s[0] in PAUSES], f"lines starting with a pause: {[s for s in starts if s[0] in PAUSES]}"
    html = page.locator(".md-search-result__list").inner_html()
    assert "\u200b" not in html, "U+200B in the results"
    entries = [e for card in cards(page) for e in card]
    for entry in entries:
        assert not re.search(r"缺少|Missing|\*|~", " ".join(entry["passage"]) + entry["title"]), entry
        # a missing word is one the reader typed, whole: never a wildcard, a piece of a word or a stem
        assert all(m in typed_words(query) for m in entry["missing"]), (entry["href"], entry["missing"])
    if len(typed_words(query)) == 1:
        assert not page.locator(".md-search-result__terms").count(), "a one-word query has no missing word"
    context.close()


@pytest.mark.parametrize("iface,query,number", [("zh", "第八条", 8), ("zh", "第八项", 8), ("en", "第二十一条", 21),
                                                ("zh", "（十四）", 14)])
def test_a_measure_named_by_number_leads_there_and_marks_only_its_number(browser, server: str, iface: str,
                                                                        query: str, number: int) -> None:
    from scripts.edition.zh import zh_numeral

    context, page = search(browser, server, iface, query)
    found = cards(page)
    assert f"measures/{number:02d}/" in found[0][0]["href"], "the measure comes first"
    assert found[0][0]["title"] and [e for e in found[0] if e["passage"] and not e["folded"]], "with its first paragraph"
    allowed = {f"（{zh_numeral(number)}）", f"({number})"}
    marks = {m for card in found for e in card for m in e["marks"] + e["titleMarks"]}
    assert marks and marks <= allowed, f"{query} marks {marks - allowed}"
    context.close()


@pytest.mark.parametrize("iface,query", [("zh", "转载本"), ("en", "reprint")])
def test_witness_entries_show_each_field_with_its_label(browser, server: str, iface: str, query: str) -> None:
    labels = tuple(t(iface, key) + t(iface, "colon") for key in (
        "witnesses.kind", "witnesses.grade", "witnesses.date", "witnesses.publisher", "witnesses.covers",
        "witnesses.address", "witnesses.cited"))
    context, page = search(browser, server, iface, query)
    witnesses = [e for card in cards(page) for e in card if "/witnesses/#" in e["href"]]
    assert witnesses, f"{query} finds a witness"
    for entry in witnesses:
        assert entry["passage"] and all(p.startswith(labels) for p in entry["passage"]), entry["passage"]
    context.close()


def kind_of(href: str) -> str:
    """What a result is, by where it leads."""
    fragment = href.partition("#")[2]
    if "/glossary/#" in href:
        return "term"
    if "/laws/#" in href:
        return "law"
    if fragment == "commentary" or re.fullmatch(r"(m\d\d|pre)(-zh)?-n\d+[a-z]?", fragment):
        return "commentary"
    if re.fullmatch(r"(m\d\d|pre)-\d+[a-z]?", fragment):
        return "text"
    return "other"


def best_of(card: list[dict]) -> str:
    """Where a card's best entry leads: the first passage it shows (the page's own entry shows one
    only when it is alone)."""
    shown = [e for e in card if not e["folded"] and e["passage"]]
    return shown[0]["href"] if shown else card[0]["href"]


@pytest.mark.parametrize("iface,query", [("en", "商业秘密"), ("zh", "商业秘密"), ("en", "trade secret"),
                                         ("en", "inducement"), ("zh", "罪刑法定")])
def test_text_then_terms_and_laws_rank_above_pages_found_only_in_their_commentary(
        browser, server: str, edition: Edition, iface: str, query: str) -> None:
    context, page = search(browser, server, iface, query)
    best = [best_of(card) for card in cards(page)]
    kinds = [kind_of(h) for h in best]
    in_text = any(query in p.zh or query in p.en.lower() for pg in edition.corpus.pages.values() for p in pg.paragraphs)
    if in_text:
        assert kinds[0] == "text", f"{query} is in the text of a measure, which comes first: {best[0]}"
    named = [term.id for term in edition.glossary.terms
             if query in (term.zh, term.en.lower(), *(a.lower() for a in term.alternatives))]
    assert all(any(h.endswith(f"/glossary/#{i}") for card in cards(page) for h in [e["href"] for e in card])
               for i in named), f"{query} finds its glossary term"
    entries = [i for i, k in enumerate(kinds) if k in ("term", "law")]
    commentary = [i for i, k in enumerate(kinds) if k == "commentary"]
    assert not entries or not commentary or max(entries) < min(commentary), \
        f"a page found only in its commentary outranks a term or law: {list(zip(kinds, best, strict=True))}"
    context.close()
