"""scripts/markup.py: text is escaped wherever it meets HTML, HTML is kept, and escapes are spelt
as html.escape spells them (so moving code onto it changes no published byte)."""
from __future__ import annotations

import html as stdlib_html

import pytest

from scripts.markup import HTML, html, join, text

pytestmark = pytest.mark.unit

HOSTILE = "<script>alert('x')</script> & \"quoted\""


def test_fields_are_escaped_as_html_escape_does():
    out = html('<a title="{}">{}</a>', HOSTILE, HOSTILE)
    assert out == f'<a title="{stdlib_html.escape(HOSTILE)}">{stdlib_html.escape(HOSTILE)}</a>'
    assert isinstance(out, HTML)


def test_html_is_kept_and_text_is_escaped_in_every_operation():
    bold = html("<b>{}</b>", "a<b")
    assert html("<p>{}</p>", bold) == "<p><b>a&lt;b</b></p>"
    assert HTML("<p>") + "<" + HTML("</p>") == "<p>&lt;</p>"
    assert join(["<", bold], separator="<br>") == "&lt;<br><b>a&lt;b</b>"
    assert HTML("<i>%s</i>") % "'" == "<i>&#x27;</i>"
    assert html("{k}", k="&") == "&amp;"


def test_replace_escapes_what_it_puts_in_and_finds_what_it_is_given():
    escaped = text("a & b")
    assert escaped.replace(text("&"), html('<span class="amp">{}</span>', "&")) == 'a <span class="amp">&amp;</span> b'
    assert escaped.replace(text("&"), "<") == "a &lt; b"


def test_text_keeps_html():
    assert text(HTML("<b>x</b>")) == "<b>x</b>"
    assert text(3) == "3"


@pytest.mark.parametrize("template", ['<a href="{}">{}</a>', "{0}{1}{0}", "<p>{name}</p>{}", "{{literal}} {}",
                                      "{0!r}", "{:>6}", "{0.real}", "{0[0]}"])
def test_every_template_fills_as_markupsafe_fills_it(template: str):
    """html() fills bare fields itself, in C; its result is Markup.format's for every template."""
    args, kwargs = ((HOSTILE, HTML("<b>&</b>")), {"name": "'"})
    if "real" in template or "[0]" in template:
        args = (3,) if "real" in template else (["<"],)
    assert html(template, *args, **kwargs) == HTML(template).format(*args, **kwargs)
