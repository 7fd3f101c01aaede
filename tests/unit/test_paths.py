"""One naming scheme for measures (edition/paths.py), and the document's shape in one place."""
from __future__ import annotations

import json

import pytest

from scripts.edition import Edition, paths
from scripts.edition.page import FUNCTIONS
from scripts.edition.zh import parse_zh_number, roman, zh_numeral

pytestmark = pytest.mark.unit
SCHEMAS = paths.ROOT / "scripts" / "schemas"


@pytest.mark.parametrize("number,slug,src,url,anchor,prefix,key", [
    (0, "preamble", "measures/preamble.md", "measures/preamble/", "preamble", "pre", "preamble"),
    (8, "08", "measures/08.md", "measures/08/", "measure-08", "m08", "m08"),
    (21, "21", "measures/21.md", "measures/21/", "measure-21", "m21", "m21"),
    (105, "105", "measures/105.md", "measures/105/", "measure-105", "m105", "m105"),
])
def test_every_address_of_a_measure(number: int, slug: str, src: str, url: str, anchor: str, prefix: str,
                                    key: str) -> None:
    assert paths.slug(number) == slug and paths.page_file(number) == slug + ".md"
    assert paths.src_uri(number) == src and paths.url(number) == url
    assert paths.anchor(number) == anchor and paths.para_prefix(number) == prefix
    assert paths.measure_key(number) == key
    assert paths.number_of(f"{prefix}-3a") == number


def test_ids_and_file_names() -> None:
    assert all(paths.ID_RE.match(i) for i in ("pre-1", "m08-2", "m08-2a", "m21-10"))
    assert not any(paths.ID_RE.match(i) for i in ("m8-1", "m08-0", "m08-", "p-1", "m08-1A"))
    assert paths.FILE_RE.match("08.md").group(1) == "08" and paths.FILE_RE.match("preamble.md").group(1) is None
    assert not paths.FILE_RE.match("8.md") and paths.part_anchor(3) == "part-3"


def test_numerals() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 40)] == ["I", "IV", "IX", "XIV", "XL"]
    assert [zh_numeral(n) for n in (8, 10, 12, 21)] == ["八", "十", "十二", "二十一"]
    assert all(parse_zh_number(zh_numeral(n)) == n for n in range(1, 100))


def test_the_schemas_agree_with_the_documents_shape(edition: Edition) -> None:
    """The JSON Schemas repeat the document's shape as limits; data/document.yml decides it."""
    document = edition.corpus.document
    front = json.loads((SCHEMAS / "front-matter.schema.json").read_text(encoding="utf-8"))["properties"]
    assert front["number"]["maximum"] == document["measures"]
    assert front["related"]["items"]["maximum"] == document["measures"]
    assert front["part"]["maximum"] == len(document["parts"])
    assert front["functions"]["items"]["enum"] == FUNCTIONS
    doc = json.loads((SCHEMAS / "document.schema.json").read_text(encoding="utf-8"))["properties"]["parts"]
    assert doc["minItems"] == doc["maxItems"] == len(document["parts"])
    assert [p["numeral"] for p in document["parts"]] == [zh_numeral(p["number"]) for p in document["parts"]]


def test_addresses_past_99_measures() -> None:
    """Three digits from 100 on (make bench's synthetic editions); two below, as before."""
    assert paths.FILE_RE.match("105.md").group(1) == "105" and paths.ID_RE.match("m420-3a")
    assert not any(paths.FILE_RE.match(n) for n in ("008.md", "1000.md"))
    assert not paths.ID_RE.match("m008-1")
    assert [zh_numeral(n) for n in (100, 105, 420)] == ["一百", "一百零五", "四百二十"]
