"""The contents of the landing page: the preamble and the parts with their measures.

Also the contents of the whole-document print view, with links inside that page.
"""
from __future__ import annotations

from ..edition.corpus import Corpus
from ..edition.page import Page
from ..edition.paths import page_file, part_anchor
from ..edition.status import Status
from ..markup import html
from .i18n import bare_title, part_heading, t
from .measure import PAGE, Context
from .status import titled


def render_contents(corpus: Corpus, lang: str, base: str = "measures/", ctx: Context = PAGE,
                    statuses: dict[int, Status] | None = None) -> str:
    """The preamble and the parts with their measures, for the landing page; with `statuses`,
    each title followed by its marks on both axes (else by its heading's)."""
    other = "en" if lang == "zh" else "zh"
    other_tag = "en" if lang == "zh" else "zh-Hans"
    statuses = statuses or {}

    def item(page: Page) -> str:
        target = ctx.page_link(page.number) if ctx.print_view else base + page_file(page.number)
        stage = "" if page.stage == "complete" else html(' <span class="oe-stage-badge oe-badge-{}">{}</span>',
                                                          page.stage, t(lang, "badge." + page.stage))
        link = titled(lang, page, f"[{bare_title(lang, page)}]({target})", statuses.get(page.number))
        alt = html('<span class="oe-alt" lang="{}">{}</span>', other_tag, bare_title(other, page))
        return f"- {link}{stage}<br>{alt}"

    out = ['<div class="oe-contents" markdown="1">', ""]
    if corpus.preamble is not None:
        out += [item(corpus.preamble), ""]
    for part in corpus.document["parts"]:
        title = part_heading(lang, part, "heading")
        if ctx.print_view:
            out.append(html('<p class="oe-contents-part"><a href="#{}">{}</a></p>', part_anchor(part["number"]), title))
        else:
            out.append(f"### {title} {{#{part_anchor(part['number'])}}}")
            out.append("")
            out.append(html('<p class="oe-alt" lang="{}">{}</p>', other_tag, part_heading(other, part, "heading")))
        out.append("")
        out += [item(m) for m in corpus.measures() if m.meta["part"] == part["number"]]
        out.append("")
    out.append("</div>")
    return "\n".join(out)
