"""data/opinions.tmx: the aligned paragraphs as a TMX 1.4b translation memory.

One translation unit per aligned paragraph, zh-CN and en variants, with the
paragraph id and source status as properties, for translators' CAT tools.
Built with lxml, never by string concatenation; no timestamps, so two builds
of the same commit give the same file.
"""
from __future__ import annotations

from lxml import etree

from ..edition import Edition
from ..plaintext import plain

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def build_tmx(edition: Edition) -> bytes:
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": "ip-procuratorial-opinions-edition",
        "creationtoolversion": "1",
        "segtype": "paragraph",
        "o-tmf": "markdown-pairs",
        "adminlang": "en",
        "srclang": "zh-CN",
        "datatype": "plaintext",
    })
    body = etree.SubElement(root, "body")
    for page in edition.corpus.ordered():
        for para in page.paragraphs:
            if para.en is None:
                continue
            tu = etree.SubElement(body, "tu", tuid=para.id)
            for ptype, value in (("x-paragraph-id", para.id),
                                 ("x-measure", str(page.number)),
                                 ("x-source-status", page.source["status"])):
                prop = etree.SubElement(tu, "prop", type=ptype)
                prop.text = value
            for lang, text in (("zh-CN", para.zh), ("en", plain(para.en))):
                tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
                seg = etree.SubElement(tuv, "seg")
                seg.text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
