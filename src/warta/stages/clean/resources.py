"""Lazy, cached loaders for the cleaner's language data (``resources/``).

Nothing here runs at import time; each loader reads its file on first call and keeps
the result for the life of the process.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Literal

from warta.errors import ResourceError
from warta.resources import read_resource, resource_lines

__all__ = [
    "BoilerplateRule",
    "accented_names",
    "acronym_glue_words",
    "boilerplate_rules",
    "byline_roles",
    "camel_names",
    "camel_particles",
    "citation_cues",
    "clause_words",
    "connectives",
    "english_words",
    "function_words",
    "glue_cues",
    "headline_if_capital",
    "headline_lower",
    "headline_lower_extra",
    "id_words",
    "name_glue_words",
    "name_titles",
    "news_word_counts",
    "openers",
    "outlet_generic_words",
    "redup_affixes",
    "redup_lexicon",
    "stop_abbreviations",
]

Scope = Literal["line", "inline", "headline", "tail"]


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    id: str
    scope: Scope
    kind: Literal["boilerplate", "metadata"]
    reason: str
    patterns: tuple[str, ...]


def _word_lines(name: str) -> list[str]:
    return resource_lines("clean", name)


def _scoped(pattern: str) -> str:
    # Global flags are only legal at the start of a whole expression; rules are joined
    # into alternations, so "(?i)x" becomes the scoped "(?i:x)".
    if pattern.startswith("(?i)"):
        return f"(?i:{pattern[4:]})"
    return pattern


@cache
def boilerplate_rules() -> tuple[BoilerplateRule, ...]:
    data = tomllib.loads(read_resource("clean", "boilerplate.toml"))
    rules = []
    for raw in data.get("rule", []):
        patterns = tuple(_scoped(p) for p in raw["patterns"])
        for p in patterns:
            try:
                re.compile(p)
            except re.error as exc:
                raise ResourceError(f"boilerplate rule {raw['id']}: bad pattern {p!r}: {exc}") from exc
        rules.append(BoilerplateRule(raw["id"], raw["scope"], raw["kind"], raw["reason"], patterns))
    return tuple(rules)


@cache
def id_words() -> frozenset[str]:
    """Indonesian word forms (KBBI-derived lists), lower case."""
    return frozenset(_word_lines("id_words.txt"))


@cache
def news_word_counts() -> dict[str, int]:
    """How often the news corpora write each lower-case word form of five letters or more
    (forms written five times or more; ``warta build resources clean``)."""
    out: dict[str, int] = {}
    for ln in _word_lines("news_word_counts.tsv"):
        word, _, n = ln.partition("\t")
        out[word] = int(n)
    return out


@cache
def camel_names() -> frozenset[str]:
    """Names written in camel case on purpose (TikTok, YouTube, NasDem), lower case."""
    return frozenset(w.lower() for w in _word_lines("camel_names.txt"))


@cache
def function_words() -> frozenset[str]:
    """Indonesian function words (:func:`warta.lang.id.function_words`)."""
    from warta.lang.id import function_words as shared

    return shared()


@cache
def redup_lexicon() -> dict[str, str]:
    """Hyphenated reduplication -> its type (full, affixed, rhyming)."""
    out: dict[str, str] = {}
    for line in _word_lines("redup_lexicon.tsv"):
        word, _, kind = line.partition("\t")
        out[word] = kind
    return out


@cache
def citation_cues() -> tuple[str, ...]:
    return tuple(_word_lines("citation_cues.txt"))


@cache
def accented_names() -> frozenset[str]:
    return frozenset(_word_lines("accented_names.txt"))


@cache
def headline_lower() -> frozenset[str]:
    """Words a headline keeps in lower case ("di", "dan", "terkait"), lower case."""
    return frozenset(_word_lines("headline_lower.txt"))


@cache
def headline_lower_extra() -> frozenset[str]:
    """More words the boilerplate cutter lets a headline keep in lower case ("karena", "of")."""
    return frozenset(_word_lines("headline_lower_extra.txt"))


@cache
def headline_if_capital() -> frozenset[str]:
    """Lower-case words a headline keeps only before a capitalised word ("antara", "bin")."""
    return frozenset(_word_lines("headline_if_capital.txt"))


@cache
def connectives() -> frozenset[str]:
    """Capitalised connectives that open a sentence with a comma ("Lalu", "Namun")."""
    return frozenset(_word_lines("connectives.txt"))


@cache
def clause_words() -> frozenset[str]:
    """Lower-case words that show a clause has begun after an opener ("pun", "juga")."""
    return frozenset(_word_lines("clause_words.txt"))


@cache
def openers() -> frozenset[str]:
    """Capitalised words that open a sentence rather than continue a headline ("Menurut", "Ia")."""
    return frozenset(_word_lines("openers.txt"))


@cache
def name_titles() -> frozenset[str]:
    """Titles, as written, that go with the name after them ("Presiden", "CEO")."""
    return frozenset(_word_lines("name_titles.txt"))


@cache
def byline_roles() -> dict[str, str]:
    """Role named in a byline ("penulis", "editor bahasa") -> ``author`` or ``editor``."""
    out: dict[str, str] = {}
    for line in _word_lines("byline_roles.txt"):
        role, _, kind = line.partition("\t")
        if kind.strip() not in ("author", "editor"):
            raise ResourceError(f"stages/clean/resources/byline_roles.txt: bad line {line!r}")
        out[role.strip()] = kind.strip()
    return out


@cache
def glue_cues() -> frozenset[str]:
    """Titles and citing verbs a name or source is glued to ("presiden", "dilansir"), lower case."""
    return frozenset(_word_lines("glue_cues.txt"))


@cache
def name_glue_words() -> frozenset[str]:
    """Prepositions and conjunctions glued to a name's last part ("Effendidalam")."""
    return frozenset(_word_lines("name_glue_words.txt"))


@cache
def acronym_glue_words() -> tuple[str, ...]:
    """Prepositions and citing verbs glued to an acronym after them ("kepada", "dilansir")."""
    return tuple(_word_lines("acronym_glue_words.txt"))


@cache
def camel_particles() -> frozenset[str]:
    """Capitalised particles of camel-case surnames ("Mc", "Di", "Van"), as written."""
    return frozenset(_word_lines("camel_particles.txt"))


@cache
def outlet_generic_words() -> frozenset[str]:
    """Words of outlets' names that name something else too ("indonesia", "post")."""
    return frozenset(_word_lines("outlet_generic_words.txt"))


@cache
def redup_affixes(kind: Literal["prefix", "suffix"]) -> tuple[str, ...]:
    """The prefixes or suffixes of affixed reduplication ("ber", "nya"), in file order."""
    out = []
    for line in _word_lines("redup_affixes.txt"):
        parts = line.split()
        if len(parts) != 2 or parts[0] not in ("prefix", "suffix"):
            raise ResourceError(f"stages/clean/resources/redup_affixes.txt: bad line {line!r}")
        if parts[0] == kind:
            out.append(parts[1])
    return tuple(out)


@cache
def english_words() -> frozenset[str]:
    """Frequent English function words ("the", "to", "very"), lower case."""
    return frozenset(_word_lines("english_words.txt"))


@cache
def stop_abbreviations() -> tuple[str, ...]:
    """Abbreviations whose period is no full stop ("Dr", "No"), as written."""
    return tuple(_word_lines("stop_abbreviations.txt"))
