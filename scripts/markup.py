"""HTML that escapes what it is given: the project's own markup is built with this, not by hand.

A hand-placed `escape()` is one forgotten call away from a page that shows `<` as a tag, or runs a
contributor's script. Here text is escaped unless it is marked as HTML already:

    html('<a href="{}" title="{}">{}</a>', url, title, label)   # every argument escaped ...
    html('<p>{}</p>', html('<b>{}</b>', word))                     # ... except HTML made here
    join(items)                                                    # HTML from pieces, each escaped unless HTML

`HTML` is MarkupSafe's `Markup` (the library Jinja escapes with). Its operators escape too: `+`,
`%`, `join` and `format` escape a plain `str` and keep HTML; `replace` escapes what it puts in, but
looks for its first argument as given (pass `text(s)` to find the escaped form of `s`). `HTML(s)` declares that `s`
is HTML already: only for markup this code wrote or the Markdown renderer made, never for a reader's
or a contributor's text. One choice differs from MarkupSafe's: quotes are written as `html.escape`
writes them (`&#x27;`, `&quot;`), the spelling the site had when its markup was built by hand, so
moving code onto this module changes no published byte (`make compare`).

Two traps, both from Python's rules for str subclasses: `"<p>" + HTML(...)` escapes the plain
left side (Python asks the subclass first), so write `HTML("<p>") + ...` or `html()`; and `re.sub`
on an HTML joins the pieces with HTML's `join`, so a replacement *template* written into an HTML is
escaped, while a replacement *function* that returns HTML is kept. ruff bans `html.escape`
outside this module (pyproject.toml), so markup is built here or not at all.
"""
from __future__ import annotations

import functools
import html as _html
import re
import string
from typing import Iterable

from markupsafe import Markup

__all__ = ["HTML", "html", "join", "text"]


class HTML(Markup):
    """A string that is HTML: what is combined with it is escaped unless it is HTML too."""

    __slots__ = ()

    @classmethod
    def escape(cls, s: object) -> HTML:
        """`s` as HTML: kept if it is HTML (has `__html__`), else its text escaped as html.escape does."""
        if hasattr(s, "__html__"):
            return cls(s.__html__())
        return cls(_html.escape(str(s)))


def html(template: str, /, *args: object, **kwargs: object) -> HTML:
    """`template` (markup written in the code) with its `{}` fields filled, each escaped unless HTML."""
    if _plain_fields(template):  # the same result as Markup.format's, made in C: a build makes ~20,000
        return HTML(template.format(*map(_escaped, args), **{k: _escaped(v) for k, v in kwargs.items()}))
    return HTML(template).format(*args, **kwargs)


def _escaped(value: object) -> str:
    return value.__html__() if hasattr(value, "__html__") else _html.escape(str(value))


@functools.cache
def _plain_fields(template: str) -> bool:
    """Whether each field of the template is `{}`, `{0}` or `{name}`: no conversion, no format spec,
    no attribute or item (these MarkupSafe applies before escaping, so only its formatter fills them)."""
    return all(spec == "" and conversion is None and _BARE.fullmatch(name)
               for _, name, spec, conversion in string.Formatter().parse(template) if name is not None)


_BARE = re.compile(r"\w*")


def join(parts: Iterable[str | HTML], separator: str = "") -> HTML:
    """The parts one after another (with `separator`, itself markup), each escaped unless HTML."""
    return HTML(separator).join(parts)


def text(value: object) -> HTML:
    """Text as HTML (escaped); HTML is kept as it is."""
    return HTML.escape(value)
