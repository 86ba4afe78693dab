"""Restore hyphens that scrapers dropped from reduplicated words.

"benar benar" -> "benar-benar", "negara negara" -> "negara-negara",
"kehati hatian" -> "kehati-hatian". A pair of words is joined when:

1. the hyphenated form is in the reduplication lexicon (KBBI lists and forms the news
   corpora use; see ``warta build resources clean``), or
2. it is a full repetition ``X X`` of an Indonesian content word (plural and
   intensifying reduplication are productive, so the lexicon cannot list them all), or
3. it is an affixed repetition of an Indonesian root: ``X Xan``, ``X Xnya``, ``berX X``,
   ``seX Xnya``, ``keX Xan`` ...

Never joined: words separated by anything but one space (punctuation or a line break
means a clause boundary), function words repeated by a typo ("yang yang"), words that
are not Indonesian (names, English "bye bye"), and pairs inside English text.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import compress, repeat
from operator import eq

from warta.lang import id as lang_id
from warta.stages.clean.fixes import Fix
from warta.stages.clean.resources import (
    english_words,
    function_words,
    id_words,
    redup_affixes,
    redup_lexicon,
    stop_abbreviations,
)

__all__ = ["find_reduplications", "reduplicated_form"]

# A letters-only word, then one space, then (looked ahead) another letters-only word;
# neither may be glued to a hyphen, digit or apostrophe.
_NEXT_WORD = re.compile(r" ([A-Za-z]+)\b")
_SCALES = ("belas", "puluh", "ratus", "ribu", "juta")  # the scale words of compound numbers
# The meN- prefixes, whose nasal may hide a root's first p, t, k or s (memukul < pukul).
_NASAL = ("me", "mem", "men", "meng", "meny")
_MIN_ROOT = 3  # two-letter "roots" are mostly particles and typos


@cache
def _derived_noun() -> re.Pattern[str]:
    """A derived noun: a ke-an, pe-an, peN-an or per-an form (peningkatan, keamanan). These are
    not reduplicated in news prose; two in a row are a typo."""
    prefixes = "|".join(lang_id.noun_prefixes())
    return re.compile(rf"^(?:{prefixes}).+an$")


@cache
def _verb_prefix() -> re.Pattern[str]:
    """The verb prefix a word starts with, longest first (memper-, meng-, di- ...)."""
    return re.compile(rf"^(?:{'|'.join(sorted(lang_id.verb_prefixes(), key=len, reverse=True))})")


@cache
def _numerals() -> frozenset[str]:
    """Number words up to eleven and the scale words: "dua kali kali" is no reduplication."""
    return frozenset(w for w, n in lang_id.numbers().items() if n <= 11) | frozenset(_SCALES)


@cache
def _affixes() -> tuple[tuple[str, ...], frozenset[str]]:
    """The prefixes and suffixes of affixed reduplication, each with "" (none)."""
    return ("", *redup_affixes("prefix")), frozenset(("", *redup_affixes("suffix")))


def _is_affixed(a: str, b: str, words: frozenset[str], stop: frozenset[str]) -> bool:
    """``berX X``, ``seX Xnya``, ``keX Xan``, ``X Xnya`` ... around an Indonesian root."""
    prefixes, suffixes = _affixes()
    for p in prefixes:
        if not a.startswith(p):
            continue
        root = a[len(p) :]
        if len(root) < _MIN_ROOT or root not in words or root in stop or not b.startswith(root):
            continue
        suffix = b[len(root) :]
        if suffix not in suffixes or not (p or suffix):
            continue
        # se- and ke- only reduplicate with their own suffixes (sebaik-baiknya,
        # kehati-hatian); elsewhere "seorang orang" is two words.
        if (p == "se" and suffix != "nya") or (p == "ke" and suffix != "an"):
            continue
        # "X Xan" where Xan is a word of its own is usually two words ("pakai pakaian").
        if not p and b in words:
            continue
        return True
    return False


def _affixed_verb(word: str, words: frozenset[str]) -> bool:
    """Is ``word`` a prefixed verb form (diduga, berharap, menandakan)?

    A full repetition of one ("berharap berharap") is a typo: real reduplications of
    verbs repeat the root (berharap-harap), which the affix rule handles.
    """
    m = _verb_prefix().match(word)
    if m is None:
        return False
    rest = word[m.end() :]
    candidates = {rest, *(rest[: -len(s)] for s in ("kan", "i", "an") if rest.endswith(s))}
    if m.group() in ("ber", "ter"):  # berencana < ber + rencana
        candidates |= {"r" + c for c in list(candidates)}
    if m.group() in _NASAL:
        # Nasal assimilation hides a root's first p/t/k/s: memukul < pukul, menulis < tulis.
        candidates |= {c2 for c in list(candidates) for c2 in ("p" + c, "t" + c, "k" + c, "s" + c)}
    return any(len(c) >= _MIN_ROOT and c in words for c in candidates)


def reduplicated_form(a: str, b: str, *, names_likely: bool = False) -> str | None:
    """The rule that joins ``a b`` into ``a-b``, or ``None``.

    Args:
        a: first word. b: second word.
        names_likely: both words are capitalised mid-sentence; only the lexicon may join them.

    Example:
        >>> reduplicated_form("kupu", "kupu"), reduplicated_form("bupati", "bupati"), reduplicated_form("yang", "yang")
        ('lexicon', 'full', None)
    """
    la, lb = a.lower(), b.lower()
    if f"{la}-{lb}" in redup_lexicon():
        return "lexicon"
    if names_likely or la in english_words():
        return None
    if la == lb:
        words = id_words()
        if (
            len(la) >= _MIN_ROOT
            and la in words
            and la not in function_words()
            and la not in _numerals()
            and not _affixed_verb(la, words)
            and _derived_noun().match(la) is None
        ):
            return "full"
        return None
    # Affixed forms share a root: a cheap substring test keeps most pairs off the loop.
    if lb[:_MIN_ROOT] in la and _is_affixed(la, lb, id_words(), function_words()):
        return "affixed"
    return None


@cache
def _spaced_lexicon() -> frozenset[str]:
    return frozenset(w.replace("-", " ") for w in redup_lexicon() if w.count("-") == 1)


_PUNCT = "\"'“”‘’()[]{}.,;:!?…«»"
_EDGE = re.compile(r"[\w\-’']")


def _candidate_pairs(low: str) -> set[str]:
    """Distinct "a b" word pairs of ``low`` that may be reduplications.

    Works on whitespace-split words with ``map``/``zip`` and set operations, which run
    in C: a regex scan with back-references costs several times more on long texts.
    Punctuation glued to the inside of a pair ("negara, negara") marks a clause boundary
    and keeps the pair out.
    """
    words = low.split()
    if len(words) < 2:
        return set()
    left = list(map(str.lstrip, words, repeat(_PUNCT)))
    right = list(map(str.rstrip, words, repeat(_PUNCT)))
    pairs = set(map(" ".join, zip(left[:-1], right[1:], strict=True)))
    found = pairs & _spaced_lexicon()
    a, b = left[:-1], right[1:]
    # X X, X Xan/Xnya (b starts with a), berX X (a ends with b); the rules decide later.
    for test in (map(eq, a, b), map(str.startswith, b, a), map(str.endswith, a, b)):
        for i in compress(range(len(a)), test):
            found.add(f"{a[i]} {b[i]}")
    return found


def find_reduplications(text: str) -> list[Fix]:
    """Return a hyphen insertion for each reduplication written with a space.

    Example:
        >>> t = "Mereka benar benar sama sama siap, back to back."
        >>> [f.before for f in find_reduplications(t)]
        ['benar benar', 'sama sama']
    """
    low = text.lower()
    if len(low) != len(text):  # "İ" grows when lowered; nothing else in news text does
        low = text.replace("İ", "I").lower()
    fixes: list[Fix] = []
    # Where the text still has hyphenated repetitions ("anak-anak"), the scraper kept
    # hyphens, and a spaced "X X" is a doubled word unless the article hyphenates X-X too.
    intact = {m.group(1) for m in _HYPHEN_REDUP.finditer(low)}
    hyphenated = {m.group() for m in _HYPHENATED.finditer(low)} if "-" in low else set()
    for pair in _candidate_pairs(low):
        a, _, b = pair.partition(" ")
        if not (a.isalpha() and b.isalpha() and pair.isascii()):
            continue
        if intact and a == b and a not in intact:
            continue
        rule_ok = f"{a}-{b}" in redup_lexicon() or a in intact or f"{a}-{b}" in hyphenated
        if not rule_ok:
            # The productive rules (plurals "X X", affixed "berX X") are right only about
            # half the time on their own (audits of the news corpora): they join a pair
            # only when the article itself writes that word hyphenated elsewhere.
            continue
        start = low.find(pair)
        while start >= 0:
            end = start + len(pair)
            if not (
                (start > 0 and _EDGE.match(low, start - 1)) or (end < len(low) and _EDGE.match(low, end))
            ):
                fix = _check(text, start, end)
                if fix is not None:
                    fixes.append(fix)
            start = low.find(pair, end)
    fixes.sort(key=lambda f: f.start)
    return fixes


def _check(text: str, start: int, end: int) -> Fix | None:
    pair = text[start:end]
    a, b = pair.split(" ")
    if _chained(text, start, end, a, b):
        return None
    if _bad_context(text, start, end, a, b):
        return None
    names_likely = a[0].isupper() and b[0].isupper() and not _sentence_start(text, start)
    if names_likely and f"{a.lower()}-{b.lower()}" not in _CAPITALISED_OK:
        # "Gedung Gedung", "Menteri Menteri", "Abdullah Abdullah": mid-sentence capitals
        # are names or typos far more often than Title-Case reduplications.
        return None
    rule = reduplicated_form(a, b, names_likely=False)
    if rule is None or _english_context(text, start, end):
        return None
    # Same length in and out: the whole pair is the change, offsets do not move.
    return Fix(
        start,
        end,
        f"{a}-{b}",
        "reduplication",
        f"redup-{rule}",
        f"hyphen of a reduplicated word dropped by the scraper ({rule})",
        pair,
    )


def _chained(text: str, start: int, end: int, a: str, b: str) -> bool:
    # "anak anak anak": a triple is a typo or a boundary we cannot see; leave it alone.
    pair = (a.lower(), b.lower())
    after = _NEXT_WORD.match(text, end)
    return bool(
        (after and after.group(1).lower() in pair) or _previous_word(text, start, len(a) + len(b)) in pair
    )


def _previous_word(text: str, start: int, longest: int) -> str:
    """The ASCII word that ends one space before ``start`` (lower-cased), or "".

    Looks back at most ``longest`` letters: a longer word cannot equal either word of the
    pair, and a bounded look keeps the whole scan linear in the text (a regex searched
    from the text's start per candidate made 300 KB of "kata kata ..." take minutes).
    """
    if start < 2 or text[start - 1] != " ":
        return ""
    k = start - 1
    stop = max(0, k - longest - 1)
    while k > stop and text[k - 1].isascii() and text[k - 1].isalpha():
        k -= 1
    if k == start - 1 or (k > 0 and (text[k - 1].isalnum() or text[k - 1] == "_")):
        # No word, a word longer than either of the pair, or one glued to a digit or a
        # non-ASCII letter (no word boundary before it).
        return ""
    return text[k : start - 1].lower()


# Capitalised reduplications that stand mid-sentence in names of laws and bodies.
_CAPITALISED_OK = frozenset({"undang-undang", "bangsa-bangsa", "raja-raja", "butar-butar"})
_DIGIT_AFTER = re.compile(r"[ \t]*\d")
_HYPHEN_REDUP = re.compile(r"\b([a-z]{2,})-\1\b")
_HYPHENATED = re.compile(r"\b[a-z]{2,}-[a-z]{2,}\b")


@cache
def _numeral_before() -> re.Pattern[str]:
    """A digit, a number word up to ten, a scale word or a quantifier ("beberapa", "para")
    right before a position."""
    words = [w for w, n in lang_id.numbers().items() if n <= 10]
    words += [*_SCALES, "beberapa", "para", "sejumlah", "banyak", "berbagai"]
    return re.compile(rf"(?:\d|\b(?:{'|'.join(words)}))[ \t]*$", re.IGNORECASE)


@cache
def _degree_before() -> re.Pattern[str]:
    """An adverb of degree ("semakin", "sangat") right before a position."""
    return re.compile(rf"\b(?:{'|'.join(sorted(lang_id.degree_adverbs()))})[ \t]+$", re.IGNORECASE)


_QUOTE_BEFORE = re.compile(r"[\"”],?[ \t]*$")


def _bad_context(text: str, start: int, end: int, a: str, b: str) -> bool:
    """Contexts where "X X" is two words, whatever the lexicon says."""
    if _DIGIT_AFTER.match(text, end):  # "Pasal Pasal 340", "Nomor Nomor 5": a typo
        return True
    if a[0].isupper() != b[0].isupper() and not _sentence_start(text, start):
        return True  # "Timur Tengah tengah", "pasal Pasal": a name boundary or a typo
    if a[0].isupper() and start > 0 and text[start - 1] in "\"“‘'":
        return True  # a quoted title: "Umpah Umpah", "Bang Bang"
    if a.lower() == b.lower() and _degree_before().search(text, max(0, start - 20), start) is not None:
        return True  # "semakin pekat pekat": a degree word takes the plain adjective
    if a.lower() in ("kata", "ujar", "ucap", "tutur") and _QUOTE_BEFORE.search(
        text, max(0, start - 5), start
    ):
        return True  # '..." kata kata Wali Kota': a quote cue typed twice
    # A plural after a numeral or "para" is redundant Indonesian; the repetition is
    # then more often a typo ("dua kali kali") than a reduplication.
    return a.lower() == b.lower() and _numeral_before().search(text, max(0, start - 20), start) is not None


@cache
def _not_a_stop() -> re.Pattern[str]:
    """A list number or an abbreviation ("7.", "Dr.") whose period ends right before a position."""
    abbreviations = "|".join(re.escape(a) for a in stop_abbreviations())
    return re.compile(rf"(?:^|[\s(])(?:\d{{1,2}}|{abbreviations})\.[ \t]*$")


def _sentence_start(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k >= 0 and text[k] == "." and _not_a_stop().search(text, max(0, k - 6), pos):
        return False  # "7. Norwegia", "Dr. Abdullah": a list number or a title, not a full stop
    return k < 0 or text[k] in '\n.!?"“”:'


def _english_context(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20) : start].split()
    after = text[end : end + 20].split()
    near = [w.strip(".,;:!?\"'“”").lower() for w in (before[-1:] + after[:1])]
    english = english_words()
    return any(w in english for w in near)
