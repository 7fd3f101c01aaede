"""Links between pages: every link to a measure, a paragraph or a margin number must land.

Commentary and translations cite other measures ([measure 3](03.md)), paragraphs
([m08-1](08.md#m08-1)) and margin numbers ([N 3](#m08-n3)). The strict build notices a
broken one too, but late and without a line; here each is an error at its line, in
`make check`. Anchors in the edition's own schemes (paths.py: paragraph ids, margin
numbers, variant notes) are checked against the target page; other fragments
(headings) are left to the strict build, which knows the rendered page.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote

from .corpus import Corpus
from .errors import ContentError
from .page import Page, split_front_matter
from .paths import FILE_RE, MEASURES, PREFIX, note_anchor, number_of, page_file, para_prefix, variant_anchor

_INLINE = re.compile(r"\]\(\s*<?([^)\s>]*)")                      # [text](target "title")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?([^\s>]+)", re.M)   # [name]: target
_HREF = re.compile(r"""\b(?:href|src)\s*=\s*["']?([^"'\s>]+)""", re.I)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
EDITION_ANCHOR = re.compile(rf"^{PREFIX}-")  # the anchors paths.py makes: ids, margin numbers, variants


def _blank(text: str) -> str:
    """Code (fenced blocks, spans) and HTML comments blanked out, line numbers kept."""
    def blank(m: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", m.group(0))
    text = re.sub(r"^(```|~~~).*?^\1[ \t]*$", blank, text, flags=re.M | re.S)
    text = re.sub(r"<!--.*?-->", blank, text, flags=re.S)
    return re.sub(r"`[^`\n]+`", blank, text)


def targets(text: str, first_line: int) -> list[tuple[int, str]]:
    """(file line, target) of every link and image in Markdown text that starts at `first_line`."""
    clean = _blank(text)
    found = []
    for rx in (_INLINE, _REFERENCE, _HREF):
        for m in rx.finditer(clean):
            found.append((first_line + clean.count("\n", 0, m.start(1)), m.group(1)))
    return sorted(found)


def anchors(page: Page) -> set[str]:
    """The edition-scheme anchors a measure page has: paragraphs, margin numbers, variant notes."""
    out = {p.id for p in page.paragraphs}
    for lang in ("en", "zh"):
        out |= {note_anchor(page.number, lang, n.n) for n in page.notes(lang)}
    for para in page.paragraphs:
        out |= {variant_anchor(para.id, k) for k in range(1, len(page.apparatus.variants_for(para.id)) + 1)}
    return out


def _what_it_has(page: Page) -> str:
    ids = ", ".join(p.id for p in page.paragraphs) or "no paragraphs"
    margin = []
    for lang, name in (("en", "English"), ("zh", "Chinese")):
        labels = [n.n for n in page.notes(lang) if n.n]
        if labels:
            margin.append(f"{note_anchor(page.number, lang, labels[0])} … {note_anchor(page.number, lang, labels[-1])} "
                          f"({name} commentary)")
    return f"its paragraphs are {ids}" + (f"; its margin numbers {' and '.join(margin)}" if margin else "")


def _normal(path: Path) -> Path:
    """The absolute path with `..` and `.` taken out, as written: no system call per component, as
    resolve() makes (the checks ask for thousands; the docs do not link through symlinks)."""
    return Path(os.path.normpath(path.absolute()))


class _Pages:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.docs = _normal(corpus.docs_dir)
        self.by_path = {_normal(p.path): p for p in corpus.pages.values()}
        self._anchors: dict[int, set[str]] = {}  # by page number: every link to a page asks for them
        self._dest: dict[tuple[Path, str], tuple[Path, bool]] = {}

    def _resolved(self, path: Path, rel: str) -> tuple[Path, bool]:
        """Where `rel` leads from the file at `path`, and whether a file is there (asked once per
        pair: a page links the same pages many times)."""
        if (path, rel) not in self._dest:
            here = _normal(path)
            dest = _normal(here.parent / rel) if rel else here
            self._dest[(path, rel)] = (dest, dest.is_file())
        return self._dest[(path, rel)]

    def check(self, path: Path, line: int, target: str) -> ContentError | None:
        target = target.strip()
        if not target or _SCHEME.match(target) or target.startswith(("//", "\\\\")):
            return None  # an address outside the edition (or none): the allowlist judges its scheme
        rel, _, fragment = target.partition("#")
        rel = unquote(rel.split("?", 1)[0])
        fragment = unquote(fragment)
        if rel and not rel.endswith(".md"):
            return None  # an asset, a data file or a generated page: the strict build checks those
        dest, exists = self._resolved(path, rel)
        in_measures = dest.parent == self.docs / MEASURES
        count = self.corpus.measure_count or 0
        if not exists:
            name = FILE_RE.match(dest.name) if in_measures else None
            if name and name.group(1) and int(name.group(1)) in self.corpus.renamed:
                number = int(name.group(1))
                return ContentError(path, line, f"the link '{target}' points to measure {number}, whose page "
                                    f"stands in {self.corpus.renamed[number].name} instead of {page_file(number)}",
                                    f"rename {self.corpus.renamed[number].name} to {page_file(number)} (the error "
                                    "on that file); the link is right as it is", "link")
            if name and name.group(1) and 1 <= int(name.group(1)) <= count:
                return ContentError(path, line, f"the link '{target}' points to measure {int(name.group(1))}, "
                                    f"whose page docs/{MEASURES}/{dest.name} is missing",
                                    f"restore docs/{MEASURES}/{dest.name} (the error on it is listed first); "
                                    "the link is right as it is", "link")
            if name and name.group(1):
                return ContentError(path, line, f"the link '{target}' points to measure {int(name.group(1))}, "
                                    "which does not exist",
                                    f"the measures are {page_file(1)} to {page_file(count)} and "
                                    f"{page_file(0)}; from a measure page link them as '{page_file(3)}'", "link")
            return ContentError(path, line, f"the link '{target}' points to a page that does not exist",
                                "link a page under docs/, with a path relative to this file "
                                f"(from a measure page: '{page_file(3)}'; from docs/: "
                                f"'{MEASURES}/{page_file(3)}')", "link")
        page = self.by_path.get(dest)
        if page is None or not fragment or not EDITION_ANCHOR.match(fragment):
            return None
        if page.number not in self._anchors:
            self._anchors[page.number] = anchors(page)
        if fragment in self._anchors[page.number]:
            return None
        owner = number_of(fragment) if EDITION_ANCHOR.match(fragment) else page.number
        if owner != page.number and fragment.startswith(para_prefix(owner) + "-"):
            other = self.corpus.pages.get(owner)
            fix = (f"'#{fragment}' belongs to {page_file(owner)}: link it as '{page_file(owner)}#{fragment}'"
                   if other is not None and fragment in anchors(other)
                   else f"link an anchor of {page_file(page.number)}: {_what_it_has(page)}")
            return ContentError(path, line, f"the link '{target}' points to '#{fragment}', which is not on "
                                f"{page_file(page.number)}", fix, "link")
        return ContentError(path, line, f"the link '{target}' points to '#{fragment}', which "
                            f"{page_file(page.number)} does not have",
                            f"{_what_it_has(page)} (margin numbers are counted from the commentary's "
                            "paragraphs, N 1 first)", "link")


def check_links(corpus: Corpus) -> list[ContentError]:
    """Links in measure pages (translations and commentary) and in the hand-written pages."""
    pages = _Pages(corpus)
    errors: list[ContentError] = []
    bodies = [(p.path, p.body, p.body_line) for p in corpus.ordered()]
    others = [(p.path, p.body, p.body_line) for p in corpus.former.values()]
    for path, text in corpus.hand_written.items():
        _, body_line, _ = split_front_matter(text, path)
        others.append((path, "\n".join(text.split("\n")[body_line - 1:]), body_line))
    for path, body, body_line in bodies + sorted(others, key=lambda item: item[0]):
        for line, target in targets(body, body_line):
            error = pages.check(path, line, target)
            if error is not None:
                errors.append(error)
    return errors
