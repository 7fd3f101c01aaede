"""The index of laws page: every instrument by kind, with the measures that invoke it."""
from __future__ import annotations

from html import escape

from ..edition.corpus import Corpus
from ..edition.laws import Law, invoked_by
from ..edition.paths import src_uri
from .i18n import article_label, bare_title, join, md_label, t
from .status import titled

# The kinds of instrument (data/laws.yml, `kind`), in the order the page lists them.
KIND_ORDER = ["constitution", "statute", "administrative regulation", "judicial interpretation", "treaty",
              "policy document"]
def render_laws_page(corpus: Corpus, laws: dict[str, Law], lang: str, base: str = "") -> str:
    out = [f'<p class="oe-intro">{escape(t(lang, "laws.intro"))}</p>', ""]
    for kind in KIND_ORDER:
        group = sorted((l for l in laws.values() if l.kind == kind), key=lambda l: l.en.lower())
        if not group:
            continue
        out += [f"## {t(lang, 'law_kind.' + kind)} {{#kind-{kind.replace(' ', '-')}}}", ""]
        for law in group:
            first, second = (law.zh, law.en) if lang == "zh" else (law.en, law.zh)
            ftag, stag = ("zh-Hans", "en") if lang == "zh" else ("en", "zh-Hans")
            out += [f'<div class="oe-law" id="{law.id}" markdown="1">', "",
                    f'<p class="oe-law-head"><span lang="{ftag}">{escape(first)}</span> '
                    f'<span class="oe-alt" lang="{stag}">{escape(second)}</span></p>', ""]
            if law.note:
                out += [f'<p class="oe-law-note" lang="en">{escape(law.note)}</p>', ""]
            if law.articles:
                out.append(md_label(lang, "laws.articles").rstrip())
                out.append("")
                out += [f"- {escape(article_label(a['article'], lang))}{t(lang, 'colon')}"
                        f"<span lang=\"en\">{escape(a['subject'])}</span>" for a in law.articles]
                out.append("")
            numbers = invoked_by(corpus, law.id)
            links = join(lang, [titled(lang, corpus.pages[n], f"[{bare_title(lang, corpus.pages[n])}]({base}{src_uri(n)})")
                                for n in numbers]) or t(lang, "laws.none")
            out += [f"{md_label(lang, 'laws.measures')}{links}", "", "</div>", ""]
    return "\n".join(out)
