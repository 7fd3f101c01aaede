"""CJK fonts for `make pdf`: Noto CJK SC, subset to the text and given TrueType outlines.

Chromium's PDF backend (Skia) embeds fonts with TrueType outlines as real,
named, subset fonts, but turns the CFF outlines of Debian's Noto CJK into
anonymous Type 3 glyph procedures. So, for the PDF only, we take the SC faces
out of the installed collections, keep the characters the document uses, and
convert their outlines to TrueType (fontTools' cu2qu), then serve them to the
page with @font-face. On screen the site keeps using the reader's own fonts.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

FACES = [  # (CSS family, weight, collection file, face name inside the collection)
    ("OE Serif CJK", 400, "NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC"),
    ("OE Serif CJK", 700, "NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC"),
    ("OE Sans CJK", 400, "NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
    ("OE Sans CJK", 700, "NotoSansCJK-Bold.ttc", "Noto Sans CJK SC"),
]


def find_collection(name: str) -> Path | None:
    try:
        out = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return next((Path(line) for line in out.splitlines() if line.endswith("/" + name)), None)


def _to_truetype(font) -> None:
    """Replace CFF outlines by quadratic TrueType outlines (after fontTools' otf2ttf snippet)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxPoints",
                 "maxContours", "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(glyph_order)
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order
    font.sfntVersion = "\x00\x01\x00\x00"
    font.recalcBBoxes = True


def make_fonts(text: str, outdir: Path) -> str:
    """Write subset TrueType fonts for `text` into outdir; return the @font-face CSS."""
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    outdir.mkdir(parents=True, exist_ok=True)
    chars = "".join(sorted(set(text) | set("（）《》“”、，。；：？！…")))
    rules = []
    for family, weight, collection, face_name in FACES:
        path = find_collection(collection)
        if path is None:
            continue
        font = next((f for f in TTCollection(str(path)).fonts if f["name"].getDebugName(1) == face_name), None)
        if font is None:
            continue
        options = subset.Options()
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=chars)
        subsetter.subset(font)
        _to_truetype(font)
        font.recalcTimestamp = False  # keep the collection's dates: two runs give the same bytes
        filename = f"{family.replace(' ', '-').lower()}-{weight}.ttf"
        font.save(str(outdir / filename))
        rules.append(f"@font-face{{font-family:'{family}';font-weight:{weight};font-style:normal;"
                     f"src:url('{filename}') format('truetype');}}")
    return "\n".join(rules)
