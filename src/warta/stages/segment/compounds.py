"""Hyphenated words: one token or three, as UD Indonesian GSD draws them.

GSD keeps a reduplication whole (``anak-anak``, ``cita-citanya``, ``berbeda-beda``,
``terus-menerus``, ``sayur-mayur``) and so a word with a bound morpheme (``ke-5``,
``1990-an``, ``se-Jawa``, ``APBD-nya``), but splits other hyphenated compounds around
the hyphen (``MS - DOS``, ``Al - Faisaly``, ``1924 - 1928``, ``AK - 47``). A hyphenated
word of the dictionary (``asal-usul``, ``e-mail``) stays whole, and so does an
all-numeric date or telephone number (``20-02-2022``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from warta.stages.segment.resources import load_resources

__all__ = ["compound_parts", "is_reduplication"]

_NUMERIC = re.compile(r"\d+(?:[.,:/]\d+)*")
_VOWELS = re.compile(r"[aiueoy]")

# Shortest stem that two halves must share to count as a reduplication: two letters
# are shared by chance too often (Rusia-Asia), three seldom are.
_MIN_STEM = 3
# A stem shared across an affix (kehati-hatian, perundang-undangan) must be longer:
# three letters are shared by names by chance (Luluk-Lukman).
_MIN_SHARED_STEM = 4


def is_reduplication(left: str, right: str) -> bool:
    """Whether ``left-right`` repeats a word, whole, affixed or with a sound change.

    Example:
        >>> [is_reduplication(*w.split("-")) for w in ("anak-anak", "kehati-hatian", "Rusia-Ukraina")]
        [True, True, False]
    """
    a, b = left.lower(), right.lower()
    if a == b:
        return True
    if len(a) < 2 or len(b) < 2 or not (a.isalpha() and b.isalpha()):
        return False  # numbers and codes repeat only exactly (1924-1928, AK-47 are two words)
    if b.startswith(a) or a.endswith(b):  # cita-citanya, besar-besaran; berbeda-beda, sehari-hari
        return True
    # A shared stem: kehati-hatian (hati), perundang-undangan (undang).
    if any(a[-k:] == b[:k] for k in range(_MIN_SHARED_STEM, min(len(a), len(b)) + 1)):
        return True
    # meN- on the second half: terus-menerus, tolong-menolong, pukul-memukul.
    if b.startswith("me") and len(a) >= _MIN_STEM + 1 and (b.endswith(a) or b.endswith(a[1:])):
        return True
    # Rhyme, the first sound changed: sayur-mayur, serta-merta, lauk-pauk.
    shorter = min(len(a), len(b))
    if shorter >= _MIN_STEM + 1 and _common_suffix(a, b) >= shorter - 1:
        return True
    # Vowel change, consonants kept: bolak-balik, warna-warni, compang-camping.
    return shorter >= _MIN_STEM + 1 and abs(len(a) - len(b)) <= 1 and _VOWELS.sub("", a) == _VOWELS.sub("", b)


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


@lru_cache(maxsize=65536)
def compound_parts(word: str) -> tuple[tuple[int, int], ...]:
    """The token spans, relative to ``word``, of a word with hyphens.

    Example:
        >>> compound_parts("anak-anak"), compound_parts("Rusia-Ukraina")
        (((0, 9),), ((0, 5), (5, 6), (6, 13)))
    """
    parts = word.split("-")
    if len(parts) < 2 or not all(parts):
        return ((0, len(word)),)
    if len(parts) > 2 and all(_NUMERIC.fullmatch(p) for p in parts):
        return ((0, len(word)),)  # 20-02-2022, 0812-3456-7890
    res = load_resources()
    if word.lower() in res.hyphenated_words:
        return ((0, len(word)),)
    spans: list[tuple[int, int]] = []
    start = 0
    pos = len(parts[0])
    for previous, part in pairwise(parts):
        lower = part.lower()
        joined = (
            previous.lower() in res.hyphen_prefixes
            or lower in res.hyphen_suffixes
            or is_reduplication(previous, part)
        )
        if not joined:
            spans.append((start, pos))
            spans.append((pos, pos + 1))
            start = pos + 1
        pos += 1 + len(part)
    spans.append((start, pos))
    return tuple(spans)
