"""The source lock: fingerprints of every Chinese source paragraph, in data/source.lock.

The Chinese text is the part of the edition nobody should change by accident:
a pull request that fixes a translation or adds commentary must leave it as it
is. `make check` (and the build) compare each source paragraph with its locked
fingerprint and fail, naming file and line, when they differ. The lock changes
only through this command (scripts/tools/lock.py), in a pull request that says why:

    python -m scripts lock --update      (or: make lock)

`python -m scripts import --apply` updates it too, when the official text is imported.
"""
from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from .corpus import Corpus
from .errors import ContentError
from .paths import part_anchor

LOCK_NAME = "data/source.lock"
HEADER = """\
# The source lock: a fingerprint of every Chinese source paragraph (and part title).
# Do not edit by hand. If a correction of the Chinese source is backed by the official
# publication, update it with `python -m scripts lock --update` (make lock) and cite the
# publication in the pull request. See CONTRIBUTING.md, "Correcting the Chinese source".
"""
PROCEDURE = ("the Chinese source is locked so that a change to translation or commentary cannot alter it "
             "by accident. If you meant to correct it, cite the official publication in your pull request "
             "and run `python -m scripts lock --update` (make lock); otherwise undo the change to the Chinese")


def fingerprint(text: str) -> str:
    normal = unicodedata.normalize("NFC", text).strip()
    return "sha256:" + hashlib.sha256(normal.encode("utf-8")).hexdigest()[:32]


def current(corpus: Corpus) -> list[tuple[str, str, Path, int]]:
    """(id, fingerprint, file, line) for every locked piece of source, in document order."""
    out: list[tuple[str, str, Path, int]] = []
    doc_path = corpus.root / "data" / "document.yml"
    doc_lines = doc_path.read_text(encoding="utf-8").splitlines() if doc_path.exists() else []
    for part in corpus.document.get("parts", []):
        title = part["title"]["zh"]
        line = next((i for i, text in enumerate(doc_lines, 1) if text.strip() == f"zh: {title}"), 1)
        out.append((part_anchor(part["number"]), fingerprint(title), doc_path, line))
    for page in corpus.ordered():
        for para in page.paragraphs:
            out.append((para.id, fingerprint(para.zh), page.path, para.zh_line))
    return out


def read_lock(path: Path) -> tuple[dict[str, tuple[str, int]], list[ContentError]]:
    entries: dict[str, tuple[str, int]] = {}
    errors: list[ContentError] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        if len(parts) != 2 or not parts[1].startswith("sha256:"):
            errors.append(ContentError(path, number, f"malformed lock line: {line!r}",
                                       "regenerate the file with `python -m scripts lock --update`", "lock"))
            continue
        entries[parts[0]] = (parts[1], number)
    return entries, errors


def check_lock(corpus: Corpus) -> list[ContentError]:
    path = corpus.root / LOCK_NAME
    if not path.exists():
        return [ContentError(path, 1, "the source lock is missing",
                             "create it with `python -m scripts lock --update`", "lock")]
    locked, errors = read_lock(path)
    seen = set()
    for pid, fp, file, line in current(corpus):
        seen.add(pid)
        if pid not in locked:
            errors.append(ContentError(file, line, f"source paragraph '{pid}' is not in the source lock", PROCEDURE,
                                       "lock"))
        elif locked[pid][0] != fp:
            errors.append(ContentError(file, line, f"the Chinese source of '{pid}' differs from the locked text "
                                       f"({LOCK_NAME} line {locked[pid][1]})", PROCEDURE, "lock"))
    for pid, (_, line) in locked.items():
        if pid not in seen:
            errors.append(ContentError(path, line, f"locked source paragraph '{pid}' no longer exists in the edition",
                                       PROCEDURE, "lock"))
    return errors


def write_lock(corpus: Corpus) -> Path:
    path = corpus.root / LOCK_NAME
    lines = [HEADER] + [f"{pid} {fp}" for pid, fp, _, _ in current(corpus)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
