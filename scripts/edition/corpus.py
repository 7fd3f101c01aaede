"""The pages of the edition: document data, every measure page, the kept former measures and the
hand-written pages, read once and checked together.

The build, `make check` and every export load the edition through
`load_corpus`, so they all see the same text and the same errors.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .apparatus import DocumentApparatus, read_document_apparatus
from .errors import ContentError
from .page import Page, parse_page
from .paths import FILE_RE, FORMER, MEASURES, ROOT, page_file
from .textfile import read_text
from .yamlmap import parse_yaml, validate
from .zh import zh_numeral

#: The number and heading at the start of a measure's text: （八）加强商业秘密保护。
NUMBERED = re.compile(r"^(（[一二三四五六七八九十]+）)([^。]*)")


@dataclass
class Corpus:
    root: Path
    document: dict[str, Any]
    pages: dict[int, Page] = field(default_factory=dict)
    errors: list[ContentError] = field(default_factory=list)
    apparatus: DocumentApparatus = field(default_factory=DocumentApparatus)  # the title's and parts' witnesses
    # measures of the former outline that the official text lacks (docs/former/NN.md), by former number
    former: dict[int, Page] = field(default_factory=dict)
    # measures whose page stands under another file name (12.md renamed to 12a.md), by number
    renamed: dict[int, Path] = field(default_factory=dict)
    # the pages written by hand (landing, About, index pages: every docs/**/*.md but the measure
    # and former pages), read once for the checks that read them (links, the allowlist)
    hand_written: dict[Path, str] = field(default_factory=dict)
    _resolved: dict[Path, Path] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    def measures(self) -> list[Page]:
        return [self.pages[n] for n in sorted(self.pages) if n != 0]

    @property
    def preamble(self) -> Page | None:
        return self.pages.get(0)

    def ordered(self) -> list[Page]:
        return [self.pages[n] for n in sorted(self.pages)]

    def former_for_src(self, src_uri: str) -> Page | None:
        """The kept page of a former measure (docs/former/NN.md) that MkDocs renders at src_uri."""
        target = (self.docs_dir / src_uri).resolve()
        return next((p for p in self.former.values() if p.path.resolve() == target), None)

    def page_for_src(self, src_uri: str) -> Page | None:
        # Asked for every page of both interfaces; each path is resolved once, not once per page.
        target = (self.docs_dir / src_uri).resolve()
        for page in self.pages.values():
            if page.path not in self._resolved:
                self._resolved[page.path] = page.path.resolve()
            if self._resolved[page.path] == target:
                return page
        return None

    @property
    def measure_count(self) -> int | None:
        """How many numbered measures the document has (data/document.yml); None if unreadable."""
        return self.document.get("measures")

    def part(self, number: int) -> dict[str, Any]:
        return next(p for p in self.document["parts"] if p["number"] == number)

    def referred_by(self, number: int) -> list[int]:
        """Measures whose front matter names `number` as related (the reverse links)."""
        return sorted(n for n, p in self.pages.items() if number in p.meta["related"])


def load_document(root: Path) -> tuple[dict[str, Any], list[ContentError], DocumentApparatus]:
    path = root / "data" / "document.yml"
    text = read_text(path)
    if isinstance(text, ContentError):
        return {}, [text], DocumentApparatus()
    data, lines, errors = parse_yaml(text, path)
    if data is None:
        return {}, errors, DocumentApparatus()
    schema_errors = validate(data, "document.schema.json", path, lines, what="data/document.yml")
    if schema_errors:
        return data, errors + schema_errors, DocumentApparatus()
    return data, errors, read_document_apparatus(data, lines)


def load_corpus(root: Path = ROOT) -> Corpus:
    """Load and cross-check everything; errors are collected, never raised."""
    document, errors, doc_apparatus = load_document(root)
    corpus = Corpus(root=root, document=document, errors=errors, apparatus=doc_apparatus)
    mdir = root / "docs" / MEASURES
    count = corpus.measure_count
    strays: list[Path] = []
    for path in sorted(mdir.glob("*.md")):
        m = FILE_RE.match(path.name)
        if not m or (m.group(1) and count and not 1 <= int(m.group(1)) <= count):
            strays.append(path)
            continue
        page, errs = parse_page(path)
        corpus.errors += errs
        if page is None:
            continue
        expected = 0 if path.stem == "preamble" else int(path.stem)
        if page.number != expected:
            corpus.errors.append(ContentError(path, page.lines.line(["number"]),
                                              f"number is {page.number} but the file is {path.name}",
                                              f"set 'number: {expected}' or rename the file", "structure"))
            continue
        corpus.pages[page.number] = page
    corpus.errors += _misnamed(corpus, strays) + _cross_check(corpus)
    _load_former(corpus)
    _load_hand_written(corpus)
    return corpus


def _load_hand_written(corpus: Corpus) -> None:
    """docs/**/*.md other than docs/measures/*.md and docs/former/*.md, as text; a file that is
    not UTF-8 is an error here and is left out."""
    docs = corpus.docs_dir
    for path in sorted(docs.rglob("*.md")):
        if path.parent.name in (MEASURES, FORMER) and path.parent.parent == docs:
            continue
        text = read_text(path)
        if isinstance(text, ContentError):
            corpus.errors.append(text)
        else:
            corpus.hand_written[path] = text


def _misnamed(corpus: Corpus, strays: list[Path]) -> list[ContentError]:
    """A file in docs/measures/ whose name is not a page's. When it holds a measure whose page is
    missing (12.md renamed to 12a.md), that is the one root cause of the missing page and of every
    link to it, so it is said once, as a rename, and the missing page is not reported again."""
    errors: list[ContentError] = []
    count = corpus.measure_count
    mdir = corpus.docs_dir / MEASURES
    for path in strays:
        number = _declared_number(path)
        if number is not None and number not in corpus.pages and not (mdir / page_file(number)).exists() \
                and (count is None or 0 <= number <= count):
            corpus.renamed[number] = path
            errors.append(ContentError(path, 1, f"'{path.name}' holds {_page_name(number)} (number: {number}), "
                                       f"whose page must be named {page_file(number)}; every link to "
                                       f"{page_file(number)} and every 'related: [{number}]' fails until it is",
                                       f"rename it: git mv {MEASURES_REL}/{path.name} {MEASURES_REL}/{page_file(number)}",
                                       "structure"))
        else:
            errors.append(ContentError(path, 1, f"unexpected file name '{path.name}' in docs/measures",
                                       f"measure pages are named 01.md ... {page_file(count or 1)}, "
                                       "and preamble.md", "structure"))
    return errors


MEASURES_REL = f"docs/{MEASURES}"


def _page_name(number: int) -> str:
    return "the preamble" if number == 0 else f"measure {number}"


def _declared_number(path: Path) -> int | None:
    """The `number:` a stray page's front matter gives, if it can be read."""
    text = read_text(path)
    m = re.search(r"^number:\s*(\d+)\s*$", (text if isinstance(text, str) else "").split("\n---", 1)[0], re.M)
    return int(m.group(1)) if m else None


def _load_former(corpus: Corpus) -> None:
    """Measures of the former outline kept when the official text has no counterpart: the same
    page format, the former number and ids; not part of the document (no lock, no exports)."""
    for path in sorted((corpus.docs_dir / FORMER).glob("*.md")):
        m = FILE_RE.match(path.name)
        if not m or not m.group(1):
            corpus.errors.append(ContentError(path, 1, f"unexpected file name '{path.name}' in docs/{FORMER}",
                                              "a kept former measure is named by its former number, e.g. 13.md",
                                              "structure"))
            continue
        page, errs = parse_page(path)
        corpus.errors += errs
        if page is None:
            continue
        if page.number != int(m.group(1)):
            corpus.errors.append(ContentError(path, page.lines.line(["number"]),
                                              f"number is {page.number} but the file is {path.name}",
                                              "a kept former measure keeps its former number", "structure"))
            continue
        for k, rel in enumerate(page.meta["related"]):
            if rel not in corpus.pages:
                corpus.errors.append(ContentError(path, page.lines.line(["related", k]),
                                                  f"related measure {rel} does not exist", "remove it", "related"))
        corpus.former[page.number] = page


def _cross_check(corpus: Corpus) -> list[ContentError]:
    errors: list[ContentError] = []
    mdir = corpus.docs_dir / MEASURES
    count = corpus.measure_count or 0  # unreadable data/document.yml is reported on its own
    for n in range(0, count + 1):
        if n not in corpus.pages and not (mdir / page_file(n)).exists() and n not in corpus.renamed:
            errors.append(ContentError(mdir / page_file(n), 1, f"the page for {'the preamble' if n == 0 else f'measure {n}'} is missing",
                                       "every measure has a page, even if only a stub (stage: stub)",
                                       "structure"))
    parts = {p["number"] for p in corpus.document.get("parts", [])}
    last_part = 0
    for page in corpus.measures():
        part = page.meta["part"]
        if part is not None and part not in parts:
            errors.append(ContentError(page.path, page.lines.line(["part"]), f"part {part} is not in data/document.yml",
                                       f"use one of {sorted(parts)}", "structure"))
        if part is not None and part < last_part:
            errors.append(ContentError(page.path, page.lines.line(["part"]),
                                       f"measure {page.number} is in part {part}, before the part of the "
                                       f"previous measure ({last_part})",
                                       "parts run in order: check 'part' here and on the neighbouring pages",
                                       "structure"))
        last_part = max(last_part, part or 0)
        errors += _check_heading(page)
    for page in corpus.pages.values():
        for k, rel in enumerate(page.meta["related"]):
            if rel in corpus.renamed:
                errors.append(ContentError(page.path, page.lines.line(["related", k]),
                                           f"related measure {rel} has no page {page_file(rel)}: it stands in "
                                           f"{corpus.renamed[rel].name}",
                                           f"rename {corpus.renamed[rel].name} to {page_file(rel)} (the error on "
                                           "that file); 'related' is right as it is", "related"))
            elif not (mdir / page_file(rel)).exists():
                errors.append(ContentError(page.path, page.lines.line(["related", k]),
                                           f"related measure {rel} does not exist",
                                           f"related measures are numbers 0 (preamble) to {count}", "related"))
    return errors


def _check_heading(page: Page) -> list[ContentError]:
    """The first source paragraph of a measure begins with its number and heading."""
    if not page.paragraphs:
        return []
    first = page.paragraphs[0]
    number = f"（{zh_numeral(page.number)}）"
    expected = number + page.title["zh"]
    if first.zh.startswith(expected):
        return []
    moved = next((p for p in page.paragraphs[1:] if p.zh.startswith(number)), None)
    if moved is not None:  # the heading is there, in a paragraph that no longer comes first
        return [ContentError(page.path, first.line,
                             f"the paragraphs are out of order: the heading {number} stands in '{moved.id}', "
                             f"but '{first.id}' comes first",
                             f"move the block '/// para | {moved.id}' back to the top of the page (the order is "
                             "locked in data/source.lock)", "heading")]
    numbered = NUMBERED.match(first.zh)
    if numbered and numbered.group(1) == number:
        return [ContentError(page.path, first.zh_line,
                             f"the heading in the text, '{numbered.group(0)}', does not match title.zh: "
                             f"expected '{expected}'",
                             "make title.zh the heading as the text gives it, without the number; if it is the "
                             "text that was changed, revert it (the source is locked)", "heading")]
    if numbered:
        return [ContentError(page.path, first.zh_line,
                             f"the first paragraph begins with the number {numbered.group(1)}, but this is "
                             f"measure {page.number}, {number}",
                             f"begin the paragraph with '{expected}'; if the page holds another measure's text, "
                             "move it to that measure's page", "heading")]
    return [ContentError(page.path, first.zh_line,
                         f"the first paragraph should begin with the measure's number and heading, '{expected}'",
                         f"begin it with '{expected}。' as the source does, the number in full-width brackets",
                         "heading")]
