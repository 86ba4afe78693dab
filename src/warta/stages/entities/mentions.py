"""One mention at a time: which part is the name, which part a title, or no entity at all.

NER models tag "Presiden Prancis Emmanuel Macron" as one person, glue a conjunction to a
name ("Namun Psaki") and tag a capitalised day or pronoun at a sentence start ("Minggu",
"Dia"). :func:`name_form` separates the name from the role before it and says why a
mention is no entity.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from warta.article import EntityLabel
from warta.stages.entities.names import fold, is_acronym, name_tokens, subsequence_of
from warta.stages.entities.resources import EntityResources, ranks

__all__ = ["NameForm", "name_form"]

_WORD = re.compile(r"\S+")
# Punctuation a tagger may leave at the edges of a span.
_EDGE = ",;:!?\"'“”‘’()[]«»"


@dataclass(frozen=True, slots=True)
class NameForm:
    """The name inside a mention, and the role words before it.

    Attributes:
        start, end: the name's span in the article text ("Emmanuel Macron").
        text: that span's text.
        tokens: the name's folded words (``["emmanuel", "macron"]``).
        role: the span of the role words inside the mention ("Presiden Prancis"), if any.
        dropped: why the mention is no entity ("pronoun", "date", ...), or ``None``.
    """

    start: int
    end: int
    text: str
    tokens: tuple[str, ...]
    role: tuple[int, int] | None = None
    dropped: str | None = None

    @property
    def acronym(self) -> bool:
        return is_acronym(self.text)


def _bare(word: str) -> str:
    return fold(word).strip(_EDGE + ".")


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in _WORD.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s] in _EDGE:
            s += 1
        while e > s and text[e - 1] in _EDGE:
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _known_prefix(words: list[str], known: Collection[tuple[str, ...]]) -> int:
    """How many leading words form a known name (longest first); 0 when none does."""
    for n in range(len(words) - 1, 0, -1):
        if tuple(words[:n]) in known:
            return n
    return 0


def name_form(
    text: str,
    start: int,
    end: int,
    label: EntityLabel,
    *,
    resources: EntityResources,
    affiliations: Collection[tuple[str, ...]] = (),
    people: Collection[tuple[str, ...]] = (),
) -> NameForm:
    """Split a mention into its name and the title or role before it.

    Args:
        text: the article text.
        start, end: the mention's span.
        label: its type; titles and roles are only split off persons.
        resources: the stage's word lists.
        affiliations: folded word tuples of the article's place and organisation names, so
            that "Presiden Prancis Emmanuel Macron" gives role "Presiden Prancis".
        people: folded word tuples of the article's multi-word person names, so that a
            role of unknown words still comes off a name the article spells out elsewhere.

    Returns:
        The :class:`NameForm`; ``dropped`` says why when the mention is no entity.

    Example:
        >>> from warta.stages.entities.resources import load_resources
        >>> s = "Kata Presiden Prancis Emmanuel Macron."
        >>> f = name_form(s, 5, 37, "PER", resources=load_resources(), affiliations=[("prancis",)])
        >>> f.text, s[f.role[0]:f.role[1]]
        ('Emmanuel Macron', 'Presiden Prancis')
    """
    spans = _words(text, start, end)
    words = [_bare(text[s:e]) for s, e in spans]
    res = resources
    i = 0
    # Conjunctions and prepositions glued to the front ("Namun Psaki", "Pada Senin").
    while i < len(words) - 1 and words[i] in res.function_words:
        i += 1
    role_from: int | None = None
    if label == "PER":
        while i < len(words) - 1 and (words[i] in res.honorifics or words[i] in res.role_nouns):
            if words[i] in res.role_nouns:
                role_from = i if role_from is None else role_from
                i += 1
                break
            i += 1
        if role_from is not None:
            i = _role_end(text, spans, words, i, res, affiliations, people)
        elif len(words) - i >= 4 and people and _after_role(text, start, res):
            i += _unknown_prefix(tuple(words[i:]), people)
    if not spans or i >= len(spans):
        return NameForm(start, start, "", (), None, "empty")
    n = _trailing_role(text, spans, words, i, label, res)
    s, e = spans[i][0], spans[n - 1][1]
    # A final period belongs to the name only after an initial or abbreviation ("Jr.").
    if text[e - 1] == "." and len(words[n - 1]) > 2:
        e -= 1
    role = None
    if role_from is not None:
        role = (spans[role_from][0], spans[i - 1][1])
    name = text[s:e]
    return NameForm(s, e, name, tuple(name_tokens(name)), role, _drop_reason(words[i:n], name, label, res))


def _trailing_role(
    text: str,
    spans: list[tuple[int, int]],
    words: list[str],
    i: int,
    label: EntityLabel,
    res: EntityResources,
) -> int:
    """Where the name ends when a title follows it inside the span: "Budi Santoso Ketua RT"
    (after two name words at least), or a police or military rank glued to a place ("Bantul
    AKBP")."""
    if label == "PER":
        for k in range(i + 2, len(words)):
            if words[k] in res.role_nouns and words[k] not in _ALSO_NAMES and text[spans[k][0]].isupper():
                return k
    elif len(words) - i >= 2 and words[-1] in ranks():
        return len(words) - 1
    return len(words)


def _role_end(
    text: str,
    spans: list[tuple[int, int]],
    words: list[str],
    i: int,
    res: EntityResources,
    affiliations: Collection[tuple[str, ...]],
    people: Collection[tuple[str, ...]],
) -> int:
    """Index of the first name word after the role words that start at ``i``; one word always stays."""
    while i < len(words) - 1:
        w = words[i]
        if w in res.role_nouns or w in res.role_words or is_acronym(text[spans[i][0] : spans[i][1]]):
            i += 1
            continue
        n = _known_prefix(words[i:], affiliations)
        if n:
            i += n
            continue
        break
    # "Kabid Humas Polda Maju Kombes Yudi": a rank or title further on, before the name,
    # ends a role whose affiliation words the article never tagged.
    later = [k for k in range(i, len(words) - 1) if words[k] in res.role_nouns]
    if later:
        i = later[-1] + 1
        while i < len(words) - 1 and words[i] in res.role_words:
            i += 1
    rest = tuple(words[i:])
    if len(rest) >= 3:
        # "Gubernur Jawa Tengah Budi Santoso" when "Jawa Tengah" was never tagged alone, but
        # the article names "Budi Santoso" elsewhere: the known name is the person.
        for k in range(1, len(rest) - 1):
            if rest[k:] in people:
                return i + k
    return i


# Role nouns that are also given names or parts of place names ("Raja Ampat", "Ratu Tisha"):
# never read as a title after a name.
_ALSO_NAMES = frozenset({"raja", "ratu", "pangeran", "paus", "duta"})
# The particle "pun" written glued to a pronoun ("Beliaupun", "Iapun"): still a pronoun. ("-lah"
# is left out: "Kamilah" is also a given name.)
_CLITICS = ("pun",)
# Conjunctions that do occur inside names ("Badan Meteorologi, Klimatologi, dan Geofisika").
_NAME_CONJUNCTIONS = frozenset({"dan", "atau", "serta", "and", "of"})
_STRETCHED = re.compile(r"(\w)\1\1")


def _unclitic(word: str) -> str:
    for c in _CLITICS:
        if word.endswith(c) and len(word) > len(c) + 1:
            return word[: -len(c)]
    return word


def _shouted_clause(words: list[str], name: str, res: EntityResources) -> bool:
    """An upper-case headline or slogan the tagger took for a name ("SAYA SUDAH DI SINI ...")."""
    if len(words) < 4 or any(c.islower() for c in name):
        return False
    if any(w in res.pronouns or w in res.dates for w in words):
        return True
    glue = sum(w in res.function_words and w not in _NAME_CONJUNCTIONS for w in words)
    return glue >= 2 or (glue == 1 and len(words) >= 6)


def _after_role(text: str, start: int, res: EntityResources) -> bool:
    """Whether a role noun stands among the few words right before ``start``."""
    return any(_bare(w) in res.role_nouns for w in text[max(0, start - 60) : start].split()[-5:])


def _unknown_prefix(rest: tuple[str, ...], people: Collection[tuple[str, ...]]) -> int:
    """How many leading words of a person span after a role are no part of the name: "Ketua
    Serikat Tani Budi Santoso Wibowo" when the article names "Budi Wibowo" elsewhere and no
    known person's name starts with "Serikat". Two words at least ("Iriana Joko Widodo" is a
    wife's name, not "Joko Widodo" after a word). 0 when none."""
    if len(rest) < 4 or not people:
        return 0
    others = [p for p in people if p != rest]
    if any(p[0] == rest[0] for p in others):
        return 0
    for k in range(2, len(rest) - 1):
        if any(p[0] == rest[k] and subsequence_of(list(p), list(rest[k:])) for p in others):
            return k
    return 0


def _drop_reason(words: list[str], name: str, label: EntityLabel, res: EntityResources) -> str | None:
    if not words:
        return "empty"
    if all(w in res.pronouns or _unclitic(w) in res.pronouns for w in words):
        return "pronoun"
    if len(words) == 1 and not is_acronym(name) and _STRETCHED.search(words[0]):
        return "interjection"  # "Hmmm", "Wooow": no name stretches a letter three times
    if _shouted_clause(words, name, res):
        return "shouted clause"
    if all(w in res.dates or w in res.function_words for w in words) and any(w in res.dates for w in words):
        return "date"
    if all(w in res.never_alone for w in words):
        return "function word"
    if label == "PER" and all(w in res.role_nouns or w in res.honorifics for w in words):
        return "title without a name"
    # News text is cased: a span without a capital or digit is a tagging error, not a name.
    if not any(c.isupper() or c.isdigit() for c in name):
        return "no capital letter"
    return None
