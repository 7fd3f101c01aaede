"""The glossary as a term base: data/glossary.tbx (TBX-Basic style) and data/glossary.csv.

TBX for CAT tools (preferred, admitted and deprecated English terms, with the
reasons for rejection); CSV, one term a row, for spreadsheets.
"""
from __future__ import annotations

import csv
import io

from lxml import etree

from ..edition import Edition
from ..edition.glossary import occurrences

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
          "deprecated": "deprecatedTerm-admn-sts"}


def _tig(lang_set: etree._Element, term: str, status: str | None = None, note: str | None = None) -> None:
    tig = etree.SubElement(lang_set, "tig")
    etree.SubElement(tig, "term").text = term
    if status:
        etree.SubElement(tig, "termNote", type="administrativeStatus").text = STATUS[status]
    if note:
        etree.SubElement(tig, "note").text = note


def build_tbx(edition: Edition) -> bytes:
    glossary = edition.glossary
    assert glossary is not None
    doc = edition.corpus.document
    root = etree.Element("martif", {"type": "TBX", XML_LANG: "en"})
    header = etree.SubElement(root, "martifHeader")
    file_desc = etree.SubElement(header, "fileDesc")
    source = etree.SubElement(file_desc, "sourceDesc")
    etree.SubElement(source, "p").text = (
        f"Glossary of the bilingual annotated edition of {doc['title']['en']} ({doc['date']}). "
        "Translation choices are the editors'; licensed CC BY 4.0.")
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for term in glossary.terms:
        entry = etree.SubElement(body, "termEntry", id=term.id)
        etree.SubElement(entry, "descrip", type="definition").text = term.definition
        zh = etree.SubElement(entry, "langSet", {XML_LANG: "zh-CN"})
        tig = etree.SubElement(zh, "tig")
        etree.SubElement(tig, "term").text = term.zh
        etree.SubElement(tig, "termNote", type="pronunciation").text = term.pinyin
        en = etree.SubElement(entry, "langSet", {XML_LANG: "en"})
        _tig(en, term.en, "preferred")
        for alt in term.alternatives:
            _tig(en, alt, "admitted")
        for rej in term.rejected:
            _tig(en, rej["en"], "deprecated", rej["why"])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype='<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">')


CSV_FIELDS = ["id", "zh", "pinyin", "en", "alternatives", "rejected", "definition", "first_occurrence",
              "occurrences"]


def build_csv(edition: Edition) -> str:
    glossary = edition.glossary
    assert glossary is not None
    occ = occurrences(edition.corpus, glossary)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for term in glossary.terms:
        writer.writerow({
            "id": term.id, "zh": term.zh, "pinyin": term.pinyin, "en": term.en,
            "alternatives": "; ".join(term.alternatives),
            "rejected": "; ".join(f"{r['en']} ({r['why']})" for r in term.rejected),
            "definition": term.definition,
            "first_occurrence": occ[term.id]["first"] or "",
            "occurrences": " ".join(occ[term.id]["zh"]),
        })
    return out.getvalue()
