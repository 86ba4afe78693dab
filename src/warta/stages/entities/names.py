"""Comparing name forms: folding, acronyms, token subsequences and typos.

These functions know nothing about articles; :mod:`warta.stages.entities.merge`
decides with them whether two mentions name the same referent.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from warta.resources import resource_words

__all__ = [
    "LONGEST_TYPO",
    "edit_distance",
    "fold",
    "initials",
    "is_acronym",
    "is_typo_of",
    "legal_forms",
    "name_tokens",
    "subsequence_of",
    "tokens_match",
]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "–": "-"})


@cache
def _skip_in_initials() -> frozenset[str]:
    """Lower-case words inside full names that initials skip ("dan", "of")."""
    return resource_words("entities", "initials_skip.txt")


@cache
def legal_forms() -> frozenset[str]:
    """Legal forms of companies written before or after their name ("PT Maju", "Maju Tbk");
    a short form leaves them out. Lower case."""
    return resource_words("entities", "legal_forms.txt")


# Pure functions of a string, called for the same names over and over while merging.
@lru_cache(maxsize=1 << 16)
def fold(s: str) -> str:
    """A name for comparison: accents removed, case folded, spacing normalised.

    Example:
        >>> fold("Istana  Élysée")
        'istana elysee'
    """
    decomposed = unicodedata.normalize("NFKD", s.translate(_APOSTROPHES))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def name_tokens(s: str) -> list[str]:
    """The folded words of a name, without the punctuation around them.

    Example:
        >>> name_tokens("Susilo B. Yudhoyono,")
        ['susilo', 'b', 'yudhoyono']
    """
    out = []
    for raw in fold(s).split():
        tok = raw.strip(".,;:!?\"'()[]")
        if tok:
            out.append(tok)
    return out


@lru_cache(maxsize=1 << 16)
def is_acronym(s: str) -> bool:
    """Whether a form looks like an acronym: "AS", "KPK", "A.S.", "PBB", "Kemenlu" is not.

    Example:
        >>> [is_acronym(x) for x in ("KPK", "A.S.", "Biden", "PT")]
        [True, True, False, True]
    """
    s = s.strip()
    return bool(s) and " " not in s and s.replace(".", "").isupper() and sum(c.isalpha() for c in s) >= 2


@lru_cache(maxsize=1 << 16)
def initials(name: str) -> str:
    """The upper-case initials of a full name, hyphenated parts counted apart.

    Example:
        >>> initials("Perserikatan Bangsa-Bangsa")
        'PBB'
        >>> initials("Badan Meteorologi, Klimatologi, dan Geofisika")
        'BMKG'
    """
    letters = []
    skip = _skip_in_initials()
    for word in re.split(r"[\s\-]+", fold(name)):
        word = word.strip(".,;:()")
        if word and word not in skip:
            letters.append(word[0])
    return "".join(letters).upper()


def edit_distance(a: str, b: str, *, limit: int = 3) -> int:
    """Optimal-string-alignment distance (a swap of neighbours counts once), capped at ``limit + 1``.

    Example:
        >>> edit_distance("larov", "lavrov"), edit_distance("rusi", "rusia")
        (1, 1)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)


# No word longer than this is taken for a typo of another: names' words are shorter, and a
# long run of glued text must not cost a quadratic comparison (see merge._SpellingIndex).
LONGEST_TYPO = 30


def is_typo_of(a: str, b: str) -> bool:
    """Whether folded word ``a`` is plausibly a misspelling of ``b`` (or the reverse).

    The guards keep real, different names apart:
      * both must start with the same letter (a typo in the first letter is rare, and
        "Budi"/"Rudi" are different people);
      * words of 3 letters or fewer never match (too many real names are one edit apart);
      * a same-length substitution needs 7+ letters and must not be the last letter:
        "Rina"/"Rini", "Putra"/"Putri", "Susanto"/"Susanti" are different names (a final
        vowel often marks a man's or a woman's form), and "Sergey"/"Sergei" at 6 stays
        apart too (a transliteration we would rather miss than risk);
      * one letter dropped or added needs 5+ letters on the shorter side ("Larov" ->
        "Lavrov"), except a cut-off end at 4+ ("Rusi" -> "Rusia"), since "Andi"/"Andri"
        are different names but a truncated word keeps its whole start;
      * two edits need 9+ letters on the shorter side.

    Example:
        >>> is_typo_of("larov", "lavrov"), is_typo_of("rusi", "rusia"), is_typo_of("rina", "rini")
        (True, True, False)
    """
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if (
        len(short) <= 3
        or len(long_) > LONGEST_TYPO
        or short[0] != long_[0]
        or not short.isalpha()
        or not long_.isalpha()
    ):
        return False
    dist = edit_distance(short, long_, limit=2)
    if dist == 1:
        if len(short) == len(long_):
            # one substitution or one swap of neighbours
            if sorted(short) == sorted(long_):
                return len(short) >= 5
            return len(short) >= 7 and short[-1] == long_[-1]
        if long_.startswith(short):
            return len(short) >= 4
        return len(short) >= 5
    return dist == 2 and len(short) >= 9


def tokens_match(a: str, b: str, *, fuzzy: bool = False) -> bool:
    """Whether two folded name words agree: equal, an initial of the other, or (fuzzy) a typo.

    Example:
        >>> tokens_match("b", "bambang"), tokens_match("larov", "lavrov", fuzzy=True)
        (True, True)
    """
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return fuzzy and is_typo_of(a, b)


def subsequence_of(short: list[str], long_: list[str], *, fuzzy: bool = False) -> bool:
    """Whether the words of ``short`` appear in ``long_`` in order (gaps allowed).

    An initial must stand for a word, not be the whole short form: "B" alone is no name.

    Example:
        >>> subsequence_of(["biden"], ["joe", "biden"])
        True
        >>> subsequence_of(["jill", "biden"], ["joe", "biden"])
        False
    """
    if not short or len(short) > len(long_) or all(len(t) == 1 for t in short):
        return False
    i = 0
    for tok in long_:
        if i < len(short) and tokens_match(short[i], tok, fuzzy=fuzzy):
            i += 1
    return i == len(short)
