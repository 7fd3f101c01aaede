"""The index of laws page: every instrument by kind, with the measures that invoke it."""
from __future__ import annotations

from html import escape

from ..edition.corpus import Corpus
from ..edition.laws import Law, invoked_by
from ..render import full_title

KIND_ORDER = ["constitution", "statute", "administrative regulation", "judicial interpretation", "treaty",
              "policy document"]
KINDS = {
    "en": {"constitution": "Constitution", "statute": "Statutes", "administrative regulation": "Administrative regulations",
           "judicial interpretation": "Judicial interpretations", "treaty": "Treaties",
           "policy document": "Policy documents"},
    "zh": {"constitution": "宪法", "statute": "法律", "administrative regulation": "行政法规",
           "judicial interpretation": "司法解释", "treaty": "国际条约", "policy document": "政策文件"},
}
LABELS = {
    "en": {"intro": ("The statutes, regulations, treaties and policy documents that the commentary relies on, "
                     "and the measures whose commentary invokes each. Article numbers are given only where "
                     "the edition relies on them, as they stood when the Opinions were issued; check them "
                     "against the versions now in force."),
           "articles": "Articles relied on", "measures": "Invoked by", "none": "no measure yet"},
    "zh": {"intro": "评注所依据的法律、法规、国际条约和政策文件，以及援引各项文件的条目。条文序号仅在本版依据时列出，"
                    "以《意见》发布时的版本为准，使用时请核对现行文本。",
           "articles": "所依据的条文", "measures": "援引条目", "none": "暂无"},
}



def article_label(article: str, lang: str) -> str:
    """'219-1' -> 'Art. 219-1' / '第219条之一'."""
    if lang != "zh":
        return f"Art. {article}"
    base, _, sub = article.partition("-")
    return f"第{base}条" + (f"之{'一二三四五六七八九'[int(sub) - 1]}" if sub.isdigit() and 0 < int(sub) < 10 else "")


def render_laws_page(corpus: Corpus, laws: dict[str, Law], lang: str, base: str = "") -> str:
    lab = LABELS[lang]
    out = [f'<p class="oe-intro">{escape(lab["intro"])}</p>', ""]
    for kind in KIND_ORDER:
        group = sorted((l for l in laws.values() if l.kind == kind), key=lambda l: l.en.lower())
        if not group:
            continue
        out += [f"## {KINDS[lang][kind]} {{#kind-{kind.replace(' ', '-')}}}", ""]
        for law in group:
            first, second = (law.zh, law.en) if lang == "zh" else (law.en, law.zh)
            ftag, stag = ("zh-Hans", "en") if lang == "zh" else ("en", "zh-Hans")
            out += [f'<div class="oe-law" id="{law.id}" markdown="1">', "",
                    f'<p class="oe-law-head"><span lang="{ftag}">{escape(first)}</span> '
                    f'<span class="oe-alt" lang="{stag}">{escape(second)}</span></p>', ""]
            if law.note:
                out += [f'<p class="oe-law-note" lang="en">{escape(law.note)}</p>', ""]
            if law.articles:
                out.append(f"**{lab['articles']}:**")
                out.append("")
                out += [f"- {escape(article_label(a['article'], lang))}: <span lang=\"en\">{escape(a['subject'])}</span>"
                        for a in law.articles]
                out.append("")
            numbers = invoked_by(corpus, law.id)
            links = ", ".join(
                f"[{full_title(lang, corpus.pages[n])}]({base}measures/{'preamble' if n == 0 else f'{n:02d}'}.md)"
                for n in numbers) or lab["none"]
            out += [f"**{lab['measures']}:** {links}", "", "</div>", ""]
    return "\n".join(out)
