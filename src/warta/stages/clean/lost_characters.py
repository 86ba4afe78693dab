"""Restore a capital letter a scraper dropped because it was not ASCII.

"Istana lysée" -> "Istana Élysée": the accented capital vanished, the rest of the name
survived. We only put a letter back when we are certain:

- the damaged word starts in lower case right after a capitalised word (inside a name),
  and is not an Indonesian word; and
- the full name is known: it is in ``resources/accented_names.txt``, or the same article
  spells it elsewhere ("Istana Elysee"), which tells us the letter (and the accent of
  the surviving letters tells us to put the accented form back).
"""

from __future__ import annotations

import re
import unicodedata

from warta.stages.clean.fixes import Fix
from warta.stages.clean.resources import accented_names, id_words

__all__ = ["find_lost_capitals"]

# A lower-case word after a capitalised word; it must contain a non-ASCII letter, which
# is the trace that the word's encoding was damaged.
_CANDIDATE = re.compile(r"\b[A-Z][a-z]{1,20} ([a-z\u00e0-\u024f]*[\u00e0-\u024f][a-z\u00e0-\u024f]*)\b")
_CAPITALISED = re.compile(r"\b[A-Z\u00c0-\u024f][a-z\u00e0-\u024f]{2,}\b")
# Which accented capital goes with an accented lower-case letter seen in the word.
_ACCENT_OF = {"\u0301": "acute", "\u0300": "grave", "\u0302": "circumflex", "\u0308": "diaeresis"}


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _accents(word: str) -> set[str]:
    return {_ACCENT_OF[c] for c in unicodedata.normalize("NFD", word) if c in _ACCENT_OF}


def _with_accent(letter: str, accents: set[str]) -> str | None:
    found = []
    for name in ("acute", "grave", "circumflex", "diaeresis"):
        if name not in accents:
            continue
        mark = {v: k for k, v in _ACCENT_OF.items()}[name]
        composed = unicodedata.normalize("NFC", letter + mark)
        if len(composed) == 1:
            found.append(composed)
    # Two different accents in the word leave the capital's accent uncertain.
    return found[0] if len(found) == 1 else None


def find_lost_capitals(text: str) -> list[Fix]:
    """Return insertions of dropped accented capitals.

    Example:
        >>> t = "Menurut Istana lysée, kata Istana Elysee."
        >>> [(f.before, f.after) for f in find_lost_capitals(t)]
        [('lysée', 'Élysée')]
    """
    fixes: list[Fix] = []
    known = None
    for m in _CANDIDATE.finditer(text):
        word = m.group(1)
        if _fold(word) in id_words():
            continue
        if known is None:
            known = {_fold(n)[1:].lower(): n for n in accented_names()}
            seen: dict[str, str] = {}
            for c in _CAPITALISED.finditer(text):
                seen.setdefault(_fold(c.group())[1:].lower(), c.group())
        restored = None
        key = _fold(word).lower()
        if key in known and known[key][1:] == word:
            restored = known[key]
        elif key in seen:
            evidence = seen[key]
            first = evidence[0]
            if not first.isascii():
                restored = first + word
            else:
                accented = _with_accent(first, _accents(word))
                restored = (accented or first) + word
        if restored is None:
            continue
        fixes.append(
            Fix(
                m.start(1),
                m.end(1),
                restored,
                "lost-character",
                "lost-capital",
                "accented capital dropped by the scraper; the name is spelt in full "
                + ("in the name list" if key in known else "elsewhere in the article"),
                word,
            )
        )
    return fixes
