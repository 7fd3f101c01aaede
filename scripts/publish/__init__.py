"""Files for readers' tools: every data file the site publishes, by path relative to the site root.

Made from the edition only (no page of the site is needed). The build adds them
as generated files; `make pdf`, the tests and readers' tools all get the same bytes.
"""
from __future__ import annotations

from typing import Any

from ..edition import Edition
from ..edition.corpus import Corpus
from ..edition.glossary import occurrences
from ..edition.laws import Law, invoked_by
from ..edition.paths import BIBTEX, CSL_JSON
from ..edition.reference import Reference
from .opinions_json import build_opinions, dumps
from .references import build_bibtex, build_csl, commentary_json
from .termbase import build_csv, build_tbx
from .tmx import build_tmx

INDEX_PAGES = {"terms": "glossary/", "laws": "laws/", "functions": "functions/"}


def opinions_data(edition: Edition, references: list[Reference] | None = None) -> dict:
    """The data contract; with the commentaries' `references`, each page's citations, review and history too."""
    corpus, glossary = edition.corpus, edition.glossary
    extra: dict[int, dict[str, Any]] = {}
    for page in corpus.ordered():
        terms = []
        if glossary is not None:
            seen = set()
            for para in page.paragraphs:
                for term in glossary.terms_in_zh(para.zh):
                    if term.id not in seen:
                        seen.add(term.id)
                        terms.append({"id": term.id, "zh": term.zh, "en": term.en})
        extra[page.number] = {"terms": terms, "laws": list(page.meta.get("laws", [])),
                              "attested_share": round(edition.attested_share(page.number), 4)}
    if references is not None:
        for number, cited in commentary_json(references).items():
            extra.setdefault(number, {}).update(cited)
    data = build_opinions(corpus, extra, edition.witnesses)
    data["attested_share"] = round(edition.attested_share(), 4)
    data["witnesses"] = [
        {"siglum": w.siglum, "kind": w.kind, "grade": w.grade, "date": w.date, "publisher": dict(w.publisher),
         "address": w.address, "covers": dict(w.covers)} for w in edition.witnesses.values()]
    data["indexes"] = dict(INDEX_PAGES)
    if glossary is not None:
        occ = occurrences(corpus, glossary)
        data["glossary"] = [
            {"id": t.id, "zh": t.zh, "pinyin": t.pinyin, "en": t.en, "alternatives": t.alternatives,
             "rejected": t.rejected, "definition": t.definition, "first_occurrence": occ[t.id]["first"],
             "occurrences": occ[t.id]["zh"]}
            for t in glossary.terms]
    data["laws"] = laws_json(edition.laws, corpus)
    data["concordance"] = concordance_json(edition)
    return data


def concordance_json(edition: Edition) -> list[dict[str, Any]]:
    """This edition's former numbers against the official ones (empty before the import):
    {edition, official} measure numbers and the paragraph-id pairs whose address changed."""
    out = []
    for e in edition.concordance.entries:
        item: dict[str, Any] = {"edition": e.edition, "official": e.official, "shape": e.shape,
                                "paragraphs": [{"edition": a, "official": b} for a, b in e.ids
                                               if "-n" not in a and not a.startswith("commentary")],
                                "notes": [{"edition": a, "official": b} for a, b in e.ids if "-n" in a]}
        if e.also:
            item["also"] = list(e.also)
        if e.kept_at:
            item["kept_at"] = e.kept_at
        out.append(item)
    return out


def laws_json(laws: dict[str, Law], corpus: Corpus) -> list[dict[str, Any]]:
    return [{"id": law.id, "kind": law.kind, "zh": law.zh, "en": law.en, "articles": law.articles, "note": law.note,
             "measures": invoked_by(corpus, law.id)} for law in laws.values()]


def data_files(edition: Edition, references: list[Reference] | None = None) -> dict[str, str | bytes]:
    """Every data file; with the commentaries' `references` (made by scripts/site/citation.py, so
    they cite as the pages do), their BibTeX and CSL-JSON too."""
    files: dict[str, str | bytes] = {"data/opinions.json": dumps(opinions_data(edition, references))}
    if references is not None:
        files[BIBTEX] = build_bibtex(references)
        files[CSL_JSON] = build_csl(references)
    if edition.glossary is not None:
        files["data/glossary.tbx"] = build_tbx(edition)
        files["data/glossary.csv"] = build_csv(edition)
    files["data/opinions.tmx"] = build_tmx(edition)
    return files
