"""Restore hyphens that scrapers dropped from reduplicated words.

"benar benar" -> "benar-benar", "negara negara" -> "negara-negara",
"kehati hatian" -> "kehati-hatian". A pair of words is joined when:

1. the hyphenated form is in the reduplication lexicon (KBBI lists and forms the news
   corpora use; see ``scripts/build_clean_resources.py``), or
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

from warta.stages.clean.fixes import Fix
from warta.stages.clean.resources import function_words, id_words, redup_lexicon

__all__ = ["find_reduplications", "reduplicated_form"]

# A letters-only word, then one space, then (looked ahead) another letters-only word;
# neither may be glued to a hyphen, digit or apostrophe.
_PAIR = re.compile(r"(?<![\w\-’'])([A-Za-z]+) (?=([A-Za-z]+)(?![\w\-’']))")
_PREFIXES = ("", "ber", "be", "ter", "se", "ke", "di", "me", "mem", "men", "meng", "meny", "pe", "per",
             "pem", "pen", "peng", "memper", "diper")
_SUFFIXES = ("", "an", "kan", "i", "nya", "annya", "kannya", "lah", "pun")
_ENGLISH = frozenset(
    "the a an to of and or is are was were be been in on at for with by from that this it as not "
    "you we i he she they my your our their very so".split()
)
_MIN_ROOT = 3  # two-letter "roots" are mostly particles and typos


def _is_affixed(a: str, b: str, words: frozenset[str], stop: frozenset[str]) -> bool:
    for p in _PREFIXES:
        if not a.startswith(p):
            continue
        root = a[len(p):]
        if len(root) < _MIN_ROOT or root not in words or root in stop:
            continue
        if not b.startswith(root):
            continue
        suffix = b[len(root):]
        if suffix in _SUFFIXES and (p or suffix):
            return True
    return False


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
    if names_likely or la in _ENGLISH:
        return None
    if la == lb:
        if len(la) >= _MIN_ROOT and la in id_words() and la not in function_words():
            return "full"
        return None
    # Affixed forms share a root: a cheap substring test keeps most pairs off the loop.
    if lb[:_MIN_ROOT] in la and _is_affixed(la, lb, id_words(), function_words()):
        return "affixed"
    return None


def find_reduplications(text: str) -> list[Fix]:
    """Return a hyphen insertion for each reduplication written with a space.

    Example:
        >>> t = "Mereka benar benar sama sama siap, back to back."
        >>> [f.before for f in find_reduplications(t)]
        ['benar benar', 'sama sama']
    """
    fixes: list[Fix] = []
    for m in _PAIR.finditer(text):
        a, b = m.group(1), m.group(2)
        names_likely = a[0].isupper() and b[0].isupper() and not _sentence_start(text, m.start())
        rule = reduplicated_form(a, b, names_likely=names_likely)
        if rule is None:
            continue
        if _english_context(text, m.start(), m.end() + len(b)):
            continue
        # Same length in and out: the whole pair is the change, offsets do not move.
        end = m.end() + len(b)
        fixes.append(
            Fix(m.start(), end, f"{a}-{b}", "reduplication", f"redup-{rule}",
                f"hyphen of a reduplicated word dropped by the scraper ({rule})", f"{a} {b}")
        )
    return _drop_chained(fixes)


def _sentence_start(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in "\n.!?\"“”:"


def _english_context(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20) : start].split()
    after = text[end : end + 20].split()
    near = [w.strip(".,;:!?\"'“”").lower() for w in (before[-1:] + after[:1])]
    return any(w in _ENGLISH for w in near)


def _drop_chained(fixes: list[Fix]) -> list[Fix]:
    # "anak anak anak" gives two overlapping pairs; a triple is a typo or a boundary we
    # cannot see, so leave all of it alone.
    out: list[Fix] = []
    for i, f in enumerate(fixes):
        prev_close = i > 0 and f.start < fixes[i - 1].end
        next_close = i + 1 < len(fixes) and fixes[i + 1].start < f.end
        if not (prev_close or next_close):
            out.append(f)
    return out
