"""Is the first line of a plain-text article its headline?"""

from __future__ import annotations

import re

from warta.stages.clean.resources import headline_lower

__all__ = ["detect_title"]

_MAX_TITLE_CHARS = 250
_MAX_TITLE_WORDS = 30
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def detect_title(text: str) -> tuple[int, int] | None:
    """The span of the headline line at the top of ``text``, or ``None``.

    A headline is a first line followed by more text, at most 30 words, not ending in a
    full stop or comma, and either in Title Case or set apart by a blank line.

    Example:
        >>> detect_title("Harga Cabai Naik Jelang Lebaran\\n\\nHarga cabai naik.")
        (0, 31)
    """
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0:
        return None  # a single line is a body, not a headline over nothing
    line = text[start:end].rstrip()
    rest = text[end:].strip()
    if not line or not rest or len(line) > _MAX_TITLE_CHARS:
        return None
    words = _WORD.findall(line)
    if not 2 <= len(words) <= _MAX_TITLE_WORDS or line[-1] in ".,;":
        return None
    small = headline_lower()
    content = [w for w in words if w.lower() not in small]
    capitalised = sum(1 for w in content if w[0].isupper())
    title_case = bool(content) and capitalised / len(content) >= 0.6
    blank_after = text[end : end + 3].lstrip(" \t").startswith("\n") or text[end + 1 : end + 2] == "\n"
    # A sentence-case line can still be a headline when a blank line sets it apart and
    # it is clearly shorter than the paragraph after it.
    first_para = rest.split("\n", 1)[0]
    if title_case or (blank_after and len(line) < 0.8 * len(first_para)):
        return start, start + len(line)
    return None
