"""Content errors that always name the file, the line and the fix.

Every checker in this package reports problems as ContentError values rather
than raising on the first one, so a contributor sees all of them at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ContentError:
    """One problem in one file, with the line to look at and how to fix it."""

    path: Path | str
    line: int
    message: str
    fix: str = ""
    code: str = "content"

    def format(self, root: Path | None = None) -> str:
        path = Path(self.path)
        if root is not None:
            try:
                path = path.resolve().relative_to(root.resolve())
            except ValueError:
                pass
        text = f"{path}:{self.line}: error [{self.code}]: {self.message}"
        if self.fix:
            text += f"\n    fix: {self.fix}"
        return text


def format_errors(errors: list[ContentError], root: Path | None = None) -> str:
    # Errors about which files exist come first: a missing or misnamed page is the root cause of
    # every link and reference to it that follows.
    lines = [e.format(root) for e in sorted(errors, key=lambda e: (e.code != "structure", str(e.path), e.line))]
    count = len(errors)
    lines.append(f"{count} error{'s' if count != 1 else ''} found.")
    return "\n".join(lines)
