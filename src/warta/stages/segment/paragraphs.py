"""Paragraphs: the non-blank lines of the cleaned text.

Cleaned texts put one paragraph per line; detik separates paragraphs with a single
``\\n``, other outlets with blank lines. Either way a paragraph is a run of text
between newlines, trimmed of surrounding whitespace.
"""

from __future__ import annotations

import re

__all__ = ["split_paragraphs"]

# From the first to the last non-space character of a line: "[^\n]*" never crosses a
# line break and "\S" is never one, so the match is the trimmed line.
_PARAGRAPH = re.compile(r"\S(?:[^\n]*\S)?")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Split ``text`` on newlines into trimmed ``(start, end)`` spans; blank lines are skipped.

    Example:
        >>> split_paragraphs("Banjir melanda Bekasi.\\n\\n  Warga mengungsi. \\n")
        [(0, 22), (26, 42)]
    """
    return [m.span() for m in _PARAGRAPH.finditer(text)]
