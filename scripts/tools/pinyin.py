"""`make pinyin`: draft the pinyin of every glossary term that has none, for a person to check.

Glossary pinyin is data (`pinyin:` in data/glossary.yml), read by the build and reviewed like
any text: a dictionary and GB/T 16159 decide it, not a program. This command drafts it as the
orthography writes it (jieba's words, pypinyin's readings by word, names capitalised; see
scripts/edition/zh.py `orthographic`), writes it under the term, and lists the words to check:
those run together over three syllables, and every polyphone it had to choose a reading for.
Keeping the drafting here keeps jieba's part-of-speech model out of every build.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..edition.glossary import GLOSSARY, long_words
from ..edition.paths import ROOT
from ..edition.zh import orthographic


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=ROOT)


def run(args: argparse.Namespace) -> int:
    path = args.root / GLOSSARY
    lines = path.read_text(encoding="utf-8").split("\n")
    out: list[str] = []
    drafted = 0
    for i, line in enumerate(lines):
        out.append(line)
        m = re.match(r"^- zh:\s*(\S.*?)\s*$", line)
        if not m:
            continue
        entry = lines[i + 1:next((k for k in range(i + 1, len(lines)) if lines[k].startswith("- ")), len(lines))]
        if any(x.startswith("  pinyin:") for x in entry):
            continue
        zh = m.group(1).strip("'\"")
        out.append(f"  pinyin: {orthographic(zh)}")
        drafted += 1
        print(f"pinyin: {path.relative_to(args.root)}:{i + 2}: {zh}: {orthographic(zh)}")
        for word, py in long_words(zh):
            print(f"    check: '{py}' runs {len(word)} syllables together ({word}); write the words apart "
                  "as GB/T 16159 has them", file=sys.stderr)
    if drafted:
        path.write_text("\n".join(out), encoding="utf-8")
        print(f"pinyin: drafted {drafted}; check each against a dictionary before committing")
    else:
        print("pinyin: every term has its pinyin")
    return 0
