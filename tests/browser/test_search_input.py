"""Search answers the way Chinese readers put text into the box, in Chromium, on the built site.

Material's search reads the box on keyup; the input bridge at the end of
docs/assets/edition.js passes every other real input on. Each test records the
queries Material sends to its search worker and the answers it draws
(scripts/bench/search_probe.py, WATCH_SEARCH), so it sees exactly what was
searched and when, waits until the answer to what the box holds is on screen,
then checks what the reader sees: the first result leads to the measure. The inputs are made by the browser itself wherever
Chromium's DevTools protocol can make them:

- **IME composition**: what a pinyin input method sends while 商业秘密 is typed in
  two commits, 商业 then 秘密. For each letter: a keydown that the input method
  takes (keyCode 229, key "Process"), Input.imeSetComposition with the pinyin so
  far as the input method shows it (shang'ye), and the letter's keyup, which
  Chromium reports with isComposing set. The commit: the space bar's keydown
  (229), Input.insertText with the chosen words (which ends the composition:
  compositionend), and the space bar's keyup. Half-typed pinyin must never be
  searched; each commit must be.
- **Paste**: the browser's own paste command (Input.dispatchKeyEvent with
  commands: ["paste"] and no keyup) reading the system clipboard, as a paste from
  the context menu or the Edit menu does: paste, beforeinput and input
  (insertFromPaste), and no keyup. A synthetic input event (insertFromPaste) too.
- **Autofill**: the value set, then input and change, as Chromium's autofill does;
  and change alone, as some browsers and password managers do.
- **Drag and drop**: text dropped on the box by Input.dispatchDragEvent (dragEnter,
  dragOver, drop): the browser inserts it (beforeinput and input, insertFromDrop).
"""
from __future__ import annotations

import re

import pytest

from scripts.bench.search_probe import BOX, WATCH_SEARCH, searched, wait_for_answer

pytestmark = pytest.mark.browser

# Marks the search box as bridged before edition.js runs, so the bridge leaves it alone.
NO_BRIDGE = """
new MutationObserver((_, observer) => {
  const box = document.querySelector('[data-md-component="search-query"]');
  if (box) { box.setAttribute("data-oe-input-bridge", "off"); observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""
PLACEHOLDER = "键入以开始搜索"  # Material's Chinese "type to start searching": ready, nothing searched


def open_search(browser, server: str, bridge: bool = True):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    context.add_init_script(WATCH_SEARCH)
    if not bridge:
        context.add_init_script(NO_BRIDGE)
    page = context.new_page()
    page.goto(server + "zh/")
    page.locator(BOX).click()
    page.locator(".md-search-result__meta", has_text=PLACEHOLDER).wait_for()
    return context, page, context.new_cdp_session(page)


def queries(page) -> list[str]:
    return [q for q in searched(page) if q.strip()]


def first_result(page) -> str:
    """Where the first result leads, once the answer to what the box holds is on screen."""
    wait_for_answer(page)
    return page.locator(".md-search-result__item > a").first.get_attribute("href")


def compose(cdp, page, pinyin: list[str], words: str) -> None:
    """Type `pinyin` (syllables) through the input method, then commit `words` with the space bar.
    After every step, nothing with Latin letters may have been searched."""
    for k, syllable in enumerate(pinyin):
        for j, letter in enumerate(syllable, 1):
            text = "'".join(pinyin[:k] + [syllable[:j]])  # shang'y: as the input method shows it
            cdp.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", "windowsVirtualKeyCode": 229, "key": "Process",
                                                "code": f"Key{letter.upper()}"})
            cdp.send("Input.imeSetComposition", {"text": text, "selectionStart": len(text), "selectionEnd": len(text)})
            cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "windowsVirtualKeyCode": ord(letter.upper()),
                                                "key": letter, "code": f"Key{letter.upper()}"})
    page.wait_for_timeout(300)
    assert page.locator(BOX).input_value().endswith("'".join(pinyin)), "the composition is shown in the box"
    assert not [q for q in queries(page) if re.search(r"[a-z]", q)], f"half-typed pinyin searched: {queries(page)}"
    cdp.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", "windowsVirtualKeyCode": 229, "key": "Process",
                                        "code": "Space"})
    cdp.send("Input.insertText", {"text": words})
    cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "windowsVirtualKeyCode": 32, "key": " ", "code": "Space"})


def test_ime_composition_of_shangye_mimi_searches_each_commit_and_no_pinyin(browser, server: str) -> None:
    context, page, cdp = open_search(browser, server)
    compose(cdp, page, ["shang", "ye"], "商业")
    wait_for_answer(page)
    assert queries(page)[-1] == "商业"
    compose(cdp, page, ["mi", "mi"], "秘密")
    assert page.locator(BOX).input_value() == "商业秘密"
    assert "/zh/measures/08/" in first_result(page)
    assert queries(page)[-1] == "商业秘密"
    assert all(not re.search(r"[a-z]", q) for q in queries(page)), queries(page)
    context.close()


def paste_from_menu(page, cdp) -> None:
    page.evaluate("navigator.clipboard.writeText('商业秘密')")
    cdp.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", "key": "Unidentified", "commands": ["paste"]})


def paste_event(page, cdp) -> None:
    page.locator(BOX).evaluate("""box => {
        box.dispatchEvent(new InputEvent("beforeinput", {inputType: "insertFromPaste", bubbles: true, cancelable: true}));
        box.value = "商业秘密";
        box.dispatchEvent(new InputEvent("input", {inputType: "insertFromPaste", bubbles: true}));
    }""")


def autofill(page, cdp) -> None:
    page.locator(BOX).evaluate("""box => {
        box.value = "商业秘密";
        box.dispatchEvent(new Event("input", {bubbles: true}));
        box.dispatchEvent(new Event("change", {bubbles: true}));
    }""")


def autofill_change_only(page, cdp) -> None:
    page.locator(BOX).evaluate("""box => { box.value = "商业秘密"; box.dispatchEvent(new Event("change", {bubbles: true})); }""")


def drop(page, cdp) -> None:
    box = page.locator(BOX).bounding_box()
    x, y = box["x"] + 30, box["y"] + box["height"] / 2
    data = {"items": [{"mimeType": "text/plain", "data": "商业秘密"}], "dragOperationsMask": 1}
    for kind in ("dragEnter", "dragOver", "drop"):
        cdp.send("Input.dispatchDragEvent", {"type": kind, "x": x, "y": y, "data": data})


INPUTS = {"paste from the menu": paste_from_menu, "paste event": paste_event, "autofill": autofill,
          "autofill, change only": autofill_change_only, "drag and drop": drop}


@pytest.mark.parametrize("how", INPUTS)
def test_text_that_arrives_without_a_key_is_searched(browser, server: str, how: str) -> None:
    context, page, cdp = open_search(browser, server)
    INPUTS[how](page, cdp)
    assert "/zh/measures/08/" in first_result(page), how
    assert page.locator(BOX).input_value() == "商业秘密"
    assert queries(page) == ["商业秘密"], f"searched once, for what arrived: {queries(page)}"
    context.close()


def test_without_the_bridge_a_pasted_query_is_not_searched(browser, server: str) -> None:
    """The control: Material alone does not answer a paste. If this fails, Material has learnt
    to listen to input itself, and the bridge in edition.js may go."""
    context, page, cdp = open_search(browser, server, bridge=False)
    paste_from_menu(page, cdp)
    page.wait_for_timeout(800)
    assert page.locator(BOX).input_value() == "商业秘密"
    assert queries(page) == []
    assert page.locator(".md-search-result__meta").inner_text().strip() == PLACEHOLDER
    context.close()


def test_chinese_search_results_use_chinese_punctuation(browser, server: str) -> None:
    """A result that lacks a query word says so with a full-width colon (缺少：), and result
    titles name the commentary in Chinese."""
    context, page, cdp = open_search(browser, server)
    paste_from_menu(page, cdp)
    page.evaluate("navigator.clipboard.writeText(' 境外')")
    cdp.send("Input.dispatchKeyEvent", {"type": "rawKeyDown", "key": "Unidentified", "commands": ["paste"]})
    first_result(page)
    missing = page.locator(".md-search-result__terms").evaluate_all("els => els.map(e => e.textContent)")
    assert missing and all(m.startswith("缺少：") for m in missing), missing
    # the titles of entries on measure pages (a glossary term is bilingual, a witness names its publisher)
    titles = page.locator(".md-search-result__link[href*='/measures/'] h2").evaluate_all("els => els.map(e => e.textContent)")
    assert titles and not [t for t in titles if re.search(r"[A-Za-z]{2,}", t.replace("\u200b", ""))], titles
    context.close()
