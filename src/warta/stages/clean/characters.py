"""Character-level repairs: line endings, invisible characters, odd spaces and mojibake."""

from __future__ import annotations

import difflib
import re
from functools import cache
from typing import Any

from warta.stages.clean.fixes import Fix

__all__ = ["find_character_fixes", "find_mojibake"]

# Zero-width and other invisible format characters scrapers leave in text.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# C0/C1 controls other than tab and newline.
_CONTROL = "".join(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)))
_ODD_SPACE = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000"
_CHAR_FIX = re.compile(
    rf"\r\n?|[{re.escape(_INVISIBLE)}]+|[{re.escape(_CONTROL)}]+|[{re.escape(_ODD_SPACE)}]+|[ \t]+(?=\n)"
)

# Mojibake leaves a Latin-1 lead character followed by a cp1252/Latin-1 continuation
# ("â€œ", "Ã©"), or HTML entities; only lines that show one go through ftfy, which is
# far slower than this scan.
_SUSPECT = re.compile(r"[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc\u2013-\u203a\u20ac\u2122]|&(?:[a-zA-Z]{2,8}|#\d{2,5});")
_LINE = re.compile(r"[^\n]+")


def find_character_fixes(text: str) -> list[Fix]:
    """Normalise line endings, drop invisible and control characters, turn odd spaces into spaces.

    Example:
        >>> [(f.rule, f.after) for f in find_character_fixes("a\\u00a0b\\r\\n")]
        [('odd-space', ' '), ('line-ending', '\\n')]
    """
    fixes: list[Fix] = []
    for m in _CHAR_FIX.finditer(text):
        s, e = m.span()
        ch = text[s]
        if ch == "\r":
            fixes.append(Fix(s, e, "\n", "whitespace", "line-ending", "Windows/Mac line ending", m.group()))
        elif ch in _INVISIBLE:
            fixes.append(Fix(s, e, "", "control", "invisible", "zero-width or soft-hyphen character", m.group()))
        elif ch in _ODD_SPACE:
            fixes.append(Fix(s, e, " ", "control", "odd-space", "no-break or typographic space", m.group()))
        elif ch in " \t":
            fixes.append(Fix(s, e, "", "whitespace", "trailing-space", "spaces at the end of a line", m.group()))
        else:
            fixes.append(Fix(s, e, "", "control", "control-char", "control character", m.group()))
    return fixes


@cache
def _ftfy() -> tuple[Any, Any]:
    import ftfy  # heavy-ish import: only when a suspect line shows up

    # Keep quote marks, ligatures, widths and normalisation as written: those are not
    # damage, and changing them would make the report noisy.
    config = ftfy.TextFixerConfig(
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        fix_line_breaks=False,
        normalization=None,
        explain=False,
    )
    return ftfy.fix_text, config


def find_mojibake(text: str) -> list[Fix]:
    """Repair wrongly decoded text (``"â€œKami siapâ€\\x9d"`` -> ``"“Kami siap”"``) with ftfy.

    Example:
        >>> [f.after for f in find_mojibake("Ia berkata â€œsiapâ€\\x9d.")]
        ['“', '”']
    """
    if _SUSPECT.search(text) is None:
        return []
    fix_text, config = _ftfy()
    fixes: list[Fix] = []
    for m in _LINE.finditer(text):
        line = m.group()
        if _SUSPECT.search(line) is None:
            continue
        fixed = fix_text(line, config)
        if fixed == line:
            continue
        base = m.start()
        sm = difflib.SequenceMatcher(None, line, fixed, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                continue
            fixes.append(
                Fix(base + i1, base + i2, fixed[j1:j2], "mojibake", "ftfy", "wrongly decoded characters", line[i1:i2])
            )
    return fixes
