"""Character-level repairs: line endings, invisible characters, odd spaces, styled letters and mojibake."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache
from typing import Any

from warta.stages.clean.fixes import Fix

__all__ = ["find_character_fixes", "find_mojibake"]

# Zero-width and other invisible format characters scrapers leave in text.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# C0/C1 controls other than tab and newline.
_CONTROL = "".join(chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)))
_ODD_SPACE = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u3000"
# Mathematical bold, italic, script ... letters and digits, which social-media posts quoted in
# news use as styling ("𝗕𝗔𝗡𝗧𝗨𝗔𝗡"): Unicode's compatibility form (NFKC) is the plain letter.
_STYLED = "\U0001d400-\U0001d7ff"
_CHAR_FIX = re.compile(
    rf"\r\n?|[{re.escape(_INVISIBLE)}]+|[{re.escape(_CONTROL)}]+|[{re.escape(_ODD_SPACE)}]+|[ \t]+(?=\n)"
    rf"|[{_STYLED}]+"
)

_ANY_ODD = re.compile(rf"[\r{re.escape(_INVISIBLE + _CONTROL + _ODD_SPACE)}{_STYLED}]")

# Mojibake leaves a Latin-1 lead character followed by a cp1252/Latin-1 continuation
# ("â€œ", "Ã©"), or HTML entities; only lines that show one go through ftfy, which is
# far slower than this scan.
_SUSPECT = re.compile(r"[\u00c2-\u00f4][\u0080-\u00bf\u0152-\u0192\u02c6-\u02dc\u2013-\u203a\u20ac\u2122]")
# HTML entities left by scrapers (&nbsp; &ldquo;): html.unescape fixes each on its own.
_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")


def find_character_fixes(text: str) -> list[Fix]:
    """Normalise line endings, drop invisible and control characters, turn odd spaces into spaces.

    Example:
        >>> [(f.rule, f.after) for f in find_character_fixes("a\\u00a0b\\r\\n")]
        [('odd-space', ' '), ('line-ending', '\\n')]
    """
    fixes: list[Fix] = []
    # One charset search (fast) tells whether there is anything to fix at all.
    if _ANY_ODD.search(text) is None and " \n" not in text and "\t\n" not in text:
        return fixes
    for m in _CHAR_FIX.finditer(text):
        s, e = m.span()
        ch = text[s]
        if ch == "\r":
            fixes.append(Fix(s, e, "\n", "whitespace", "line-ending", "Windows/Mac line ending", m.group()))
        elif ch in _INVISIBLE:
            fixes.append(
                Fix(s, e, "", "control", "invisible", "zero-width or soft-hyphen character", m.group())
            )
        elif ch in _ODD_SPACE:
            fixes.append(Fix(s, e, " ", "control", "odd-space", "no-break or typographic space", m.group()))
        elif "\U0001d400" <= ch <= "\U0001d7ff":
            fixes.append(
                Fix(
                    s,
                    e,
                    unicodedata.normalize("NFKC", m.group()),
                    "control",
                    "styled-letters",
                    "mathematical bold or italic letters used as styling",
                    m.group(),
                )
            )
        elif ch in " \t":
            fixes.append(
                Fix(s, e, "", "whitespace", "trailing-space", "spaces at the end of a line", m.group())
            )
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
        unescape_html=False,  # entities are fixed one by one, before ftfy
        fix_latin_ligatures=False,
        fix_character_width=False,
        fix_line_breaks=False,
        normalization=None,
        explain=False,
    )
    return ftfy.fix_text, config


def _chunks(text: str) -> list[tuple[int, int]]:
    """Stretches around suspect characters, widened to whitespace and merged.

    ftfy judges a stretch as a whole, and diffing its output against a whole
    paragraph is quadratic; a few words around each suspect sequence are enough.
    """
    spans: list[tuple[int, int]] = []
    for m in _SUSPECT.finditer(text):
        s = max(text.rfind(" ", 0, max(0, m.start() - 40)), text.rfind("\n", 0, m.start()), -1) + 1
        e_space = text.find(" ", min(len(text), m.end() + 40))
        e_line = text.find("\n", m.end())
        e = min(x for x in (e_space, e_line, len(text)) if x >= 0)
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], e))
        else:
            spans.append((s, e))
    return spans


def find_mojibake(text: str) -> list[Fix]:
    """Repair wrongly decoded text (``"â€œKami siapâ€\\x9d"`` -> ``"“Kami siap”"``) with ftfy.

    Example:
        >>> [f.after for f in find_mojibake("Ia berkata â€œsiapâ€\\x9d.")]
        ['“siap”']
    """
    fixes: list[Fix] = []
    if "&" in text:
        for m in _ENTITY.finditer(text):
            after = html.unescape(m.group()).replace("\xa0", " ")
            if after != m.group():
                fixes.append(
                    Fix(
                        m.start(),
                        m.end(),
                        after,
                        "mojibake",
                        "html-entity",
                        "HTML entity left in the text",
                        m.group(),
                    )
                )
    if _SUSPECT.search(text) is None:
        return fixes
    fix_text, config = _ftfy()
    for base, end in _chunks(text):
        chunk = text[base:end]
        fixed = fix_text(chunk, config)
        if fixed == chunk:
            continue
        # One change per stretch: trim what the fix left alone on both sides.
        i = 0
        while i < min(len(chunk), len(fixed)) and chunk[i] == fixed[i]:
            i += 1
        j = 0
        while j < min(len(chunk), len(fixed)) - i and chunk[-1 - j] == fixed[-1 - j]:
            j += 1
        fix = Fix(
            base + i,
            end - j,
            fixed[i : len(fixed) - j],
            "mojibake",
            "ftfy",
            "wrongly decoded characters",
            chunk[i : len(chunk) - j],
        )
        if all(fix.end <= f.start or fix.start >= f.end for f in fixes):
            fixes.append(fix)
    fixes.sort(key=lambda f: f.start)
    return fixes
