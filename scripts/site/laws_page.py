"""The index of laws page: every instrument by kind, with the measures that invoke it."""
from __future__ import annotations

from ..edition.corpus import Corpus
from ..edition.laws import Law, invoked_by
from ..edition.paths import src_uri
from ..edition.zh import pinyin_sort_key, plain_pinyin
from ..markup import html
from .glossary_page import zh_with_latin
from .i18n import article_label, bare_title, join, md_label, t
from .status import titled

# The kinds of instrument (data/laws.yml, `kind`), in the order the page lists them: by legal force
# (the Constitution, laws, administrative regulations), then judicial interpretations, treaties and
# policy documents.
KIND_ORDER = ["constitution", "statute", "administrative regulation", "judicial interpretation", "treaty",
              "policy document"]

COUNTRY = "中华人民共和国"


def sort_key(law: Law, lang: str) -> tuple[str, ...]:
    """Within a kind, where the law gives no order of force: in the Chinese interface by the pinyin
    of the short Chinese name, without 中华人民共和国 (刑法, then 刑法修正案（十一）, then 刑事诉讼法),
    as a reader looks a law up; in the English one by the short English name (Criminal Law,
    then Criminal Law Amendment XI)."""
    if lang == "zh":
        short = law.zh[len(COUNTRY):] if law.zh.startswith(COUNTRY) and len(law.zh) > len(COUNTRY) else law.zh
        return pinyin_sort_key(short, plain_pinyin(short))
    return (law.names[0].casefold(), law.en.casefold())


def render_laws_page(corpus: Corpus, laws: dict[str, Law], lang: str, base: str = "") -> str:
    """Kinds in the order of legal force (KIND_ORDER), and within a kind by name (sort_key)."""
    out = [html('<p class="oe-intro">{}</p>', t(lang, "laws.intro")), ""]
    for kind in KIND_ORDER:
        group = sorted((law for law in laws.values() if law.kind == kind), key=lambda law: sort_key(law, lang))
        if not group:
            continue
        out += [f"## {t(lang, 'law_kind.' + kind)} {{#kind-{kind.replace(' ', '-')}}}", ""]
        for law in group:
            first, second = (law.zh, law.en) if lang == "zh" else (law.en, law.zh)
            ftag, stag = ("zh-Hans", "en") if lang == "zh" else ("en", "zh-Hans")
            out += [html('<div class="oe-law" id="{}" markdown="1">', law.id), "",
                    html('<p class="oe-law-head"><span lang="{}">{}</span> '
                         '<span class="oe-alt" lang="{}">{}</span></p>', ftag, first, stag, second), ""]
            if law.note:
                note, written = law.note_in(lang)
                note_html = zh_with_latin(note, written)
                out += [html('<p class="oe-law-note" lang="{}">{}</p>', _tag(written), note_html), ""]
            if law.articles:
                out.append(md_label(lang, "laws.articles").rstrip())
                out.append("")
                for a in law.articles:  # a Markdown list item holding HTML
                    subject, written = Law.subject_in(a, lang)
                    item = html('{}{}<span lang="{}">{}</span>', article_label(a["article"], lang), t(lang, "colon"),
                                _tag(written), zh_with_latin(subject, written))
                    out.append(f"- {item}")
                out.append("")
            numbers = invoked_by(corpus, law.id)
            links = join(lang, [titled(lang, corpus.pages[n], f"[{bare_title(lang, corpus.pages[n])}]({base}{src_uri(n)})")
                                for n in numbers]) or t(lang, "laws.none")
            out += [f"{md_label(lang, 'laws.measures')}{links}", "", "</div>", ""]
    return "\n".join(out)


def _tag(written: str) -> str:
    return "zh-Hans" if written == "zh" else "en"
