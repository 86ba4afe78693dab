"""Put right a reporting verb the writer or the scraper misspelt.

"Budi mengtakan, ...", "Dia menngatakan ...", "Menueut dia, ...": one slip of the keyboard
hides the statement from the quote stage, which reads reporting verbs by their spelling. A
word is put right when we are sure:

- it is in lower case ("Menurut" alone may open a sentence), has seven letters or more, is
  no Indonesian word (``resources/id_words.txt``, with or without a "-nya") and is rare in
  the news corpora (written fewer than five times, ``resources/news_word_counts.tsv``: a
  form written more often is a variant, "menghimbau", or a word of its own, "mendebutkan");
- exactly one prefixed reporting verb of the quote stage (``reporting_verbs.txt``, "menurut" and the
  "-nya" forms of both) is one edit away, with the same first letter: a letter lost,
  doubled or added, changed, or two neighbours swapped ("mengtakan" -> "mengatakan",
  "Menueut" -> "Menurut", "menggambarkannnya" -> "menggambarkannya");
- the verb is common in the news (``_COMMON_VERB`` times or more) and no other word one edit
  away is (``_COMMON_NEIGHBOUR``): "menegakan" is one edit from "menegaskan" and from
  "menegakkan", so no telling which was meant.

Two edits ("mengakatakan") are left alone: too many real words are two edits from a verb.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from warta.stages.clean.fixes import Fix
from warta.stages.clean.resources import id_words, news_word_counts

__all__ = ["find_misspelt_verbs"]

# Where a word may open with a capital: the text's start, a line's, or after a full stop.
_OPENING = re.compile(r"(?:^|[.!?]['\"”’]?\s+|\n\s*)$")
_MIN_LETTERS = 7
# Only words that may be a prefixed verb (me-, ber-, di-) or "Menurut" opening a sentence.
_WORD = re.compile(rf"\b[mbdM][a-z]{{{_MIN_LETTERS - 1},}}\b")
_COMMON_VERB = 200
_COMMON_NEIGHBOUR = 20


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@cache
def _verbs() -> frozenset[str]:
    from warta.stages.quotes.resources import reporting_verbs

    # Prefixed verbs only: a bare root ("katakan") is one edit from too many other words.
    base = {
        v
        for v in reporting_verbs()
        if " " not in v and len(v) >= _MIN_LETTERS - 1 and v.startswith(("me", "be", "di"))
    } | {"menurut"}
    return frozenset(base | {v + "nya" for v in base})


@cache
def _index() -> dict[str, frozenset[str]]:
    """Each verb and each of its one-letter deletions, to the verbs they come from."""
    out: dict[str, set[str]] = {}
    for v in _verbs():
        for key in (v, *_deletes(v)):
            out.setdefault(key, set()).add(v)
    return {k: frozenset(vs) for k, vs in out.items()}


def one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is one edit from ``a``: a letter lost, added or changed, or two
    neighbours swapped.

    Example:
        >>> one_edit("mengtakan", "mengatakan"), one_edit("menueut", "menurut"), one_edit("menurut", "menurut")
        (True, True, False)
    """
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _neighbours(word: str) -> set[str]:
    """Every string one edit from ``word``."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    out |= {a + c + b for a, b in splits for c in _LETTERS}
    out.discard(word)
    return out


def _only_neighbour(word: str, verb: str) -> bool:
    """Whether ``verb`` is common and no other common word is one edit from ``word``."""
    counts = news_word_counts()
    if counts.get(verb, 0) < _COMMON_VERB:
        return False
    return not any(counts.get(n, 0) >= _COMMON_NEIGHBOUR for n in _neighbours(word) if n != verb)


def _known(word: str) -> bool:
    words = id_words()
    return word in words or (word.endswith("nya") and word[:-3] in words)


@lru_cache(maxsize=65536)
def _verb_meant(word: str) -> str | None:
    """The one common reporting verb ``word`` is a slip for, or None (remembered per word:
    names and foreign words come back in article after article)."""
    if word in _verbs() or word in news_word_counts():
        return None
    index = _index()
    candidates = {v for key in (word, *_deletes(word)) for v in index.get(key, ())}
    verbs = [v for v in candidates if v[0] == word[0] and one_edit(word, v)]
    if len(verbs) != 1 or not _only_neighbour(word, verbs[0]):
        return None
    return verbs[0]


def find_misspelt_verbs(text: str) -> list[Fix]:
    """Fixes for reporting verbs misspelt by one edit.

    Example:
        >>> [(f.before, f.after) for f in find_misspelt_verbs("Budi mengtakan, harga naik.")]
        [('mengtakan', 'mengatakan')]
    """
    # Most words are known: set operations drop them before any word is looked at alone,
    # and the text is walked again only when a word is a slip for a verb.
    unknown = {t for t in set(_WORD.findall(text)) - id_words() if not _known(t.lower())}
    chosen = {t: v for t in unknown if (v := _verb_meant(t.lower())) is not None}
    if not chosen:
        return []
    fixes: list[Fix] = []
    for m in _WORD.finditer(text):
        token = m.group()
        meant = chosen.get(token)
        if meant is None:
            continue
        if token[0].isupper() and not _OPENING.search(text, max(0, m.start() - 4), m.start()):
            continue  # a capital inside a sentence: a name, not a verb
        if token[0].isupper() and not meant.startswith("menurut"):
            continue  # a capitalised word opening a sentence is a name more often than a verb
        verb = meant if token[0].islower() else meant.capitalize()
        fixes.append(
            Fix(
                m.start(),
                m.end(),
                verb,
                "spelling",
                "misspelt-verb",
                "a reporting verb misspelt by one letter, put right",
                token,
            )
        )
    return fixes
