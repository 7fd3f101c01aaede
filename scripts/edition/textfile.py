"""Reading the project's text files: UTF-8, or an error that names the byte.

Every page and data file is UTF-8. A file saved in another encoding (GB18030 and
Latin-1 are the usual suspects) must not end `make check` in a traceback: the
contributor is told the file, the line and the byte offset, and to save it as UTF-8.
"""
from __future__ import annotations

from pathlib import Path

from .errors import ContentError


def read_text(path: Path) -> str | ContentError:
    """The file's text (newlines as '\\n'), or the error saying where it is not UTF-8."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return ContentError(
            path, line, f"the file is not UTF-8: byte 0x{data[exc.start]:02x} at byte offset {exc.start} "
            f"(line {line}, byte {column} of the line) cannot be read as UTF-8",
            "save the file as UTF-8 (in your editor: 'Save with encoding' → UTF-8; from GB18030, e.g. "
            "`iconv -f GB18030 -t UTF-8`), then check the characters on this line", "encoding")
    return text.replace("\r\n", "\n")
