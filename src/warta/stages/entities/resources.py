"""Lazy, cached word lists of the entity stage (``resources/``).

Nothing is read at import time: :func:`load_resources` reads the lists on its first
call and keeps them for the life of the process (one copy per worker).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from warta.errors import ResourceError
from warta.lang import id as lang_id
from warta.resources import resource_lines, resource_words

__all__ = [
    "EntityResources",
    "load_resources",
    "name_particles",
    "name_prefixes",
    "part_heads",
    "ranks",
    "same_place_words",
]


@dataclass(frozen=True, slots=True)
class EntityResources:
    """The word lists that merging and role finding consult (lower case unless noted).

    Attributes:
        honorifics: titles before a name that are not roles (``pak``, ``dr``, ``hj``).
        role_nouns: words that open a role phrase (``presiden``, ``menteri``, ``juru``), ranks
            (``akbp``, ``kolonel``) among them.
        role_words: lower-case words that may continue one (``luar``, ``negeri``, ``pers``).
        function_words: conjunctions and prepositions stripped from a mention's start
            (``namun``, ``sementara``, ``pada``).
        pronouns: pronouns (``dia``, ``beliau``, ``mereka``, ``keduanya``).
        dates: day and month names and time words (``minggu``, ``juni``, ``pagi``); not
            ``agus``, a common given name as well as an abbreviation of Agustus.
        never_alone: words that are never an entity on their own or together: the
            pronouns, dates and function words.
        place_qualifiers: words that make a different place of a shared name
            (``barat``, ``kota``): "Jawa" never merges into "Jawa Barat".
        acronyms: acronym (upper case, dots removed) -> full forms it stands for, as folded
            words joined by spaces (see :func:`warta.stages.entities.names.name_tokens`).
        seats: seats of government ("gedung putih", "kremlin") as folded word tuples -> the
            folded words of their country and what sits there (``presidency``, ``defence`` ...).
        place_cues: words before a seat that make it a place ("di", "depan").
        presidency_words: nouns naming a country's presidency before it ("kepresidenan").
    """

    honorifics: frozenset[str]
    role_nouns: frozenset[str]
    role_words: frozenset[str]
    function_words: frozenset[str]
    pronouns: frozenset[str]
    dates: frozenset[str]
    never_alone: frozenset[str]
    place_qualifiers: frozenset[str]
    acronyms: dict[str, frozenset[str]]
    seats: dict[tuple[str, ...], tuple[tuple[str, ...], str]]
    place_cues: frozenset[str]
    presidency_words: frozenset[str]


def _words(name: str) -> frozenset[str]:
    return resource_words("entities", name)


def _acronyms() -> dict[str, frozenset[str]]:
    from warta.stages.entities.names import name_tokens  # names imports nothing from here

    table: dict[str, set[str]] = {}
    for line in resource_lines("entities", "acronyms.tsv"):
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise ResourceError(f"stages/entities/resources/acronyms.tsv: bad line {line!r}")
        table.setdefault(parts[0].strip().replace(".", "").upper(), set()).add(
            " ".join(name_tokens(parts[1]))
        )
    return {k: frozenset(v) for k, v in table.items()}


def _seats() -> dict[tuple[str, ...], tuple[tuple[str, ...], str]]:
    from warta.stages.entities.names import name_tokens

    table: dict[tuple[str, ...], tuple[tuple[str, ...], str]] = {}
    for line in resource_lines("entities", "seats.tsv"):
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) != 3 or not all(parts):
            raise ResourceError(f"stages/entities/resources/seats.tsv: bad line {line!r}")
        table[tuple(name_tokens(parts[0]))] = (
            tuple(name_tokens(parts[1])) if parts[1] != "-" else (),
            parts[2],
        )
    return table


# Month abbreviations that are also common given names: never read as a date ("Agus").
_MONTHS_ALSO_NAMES = frozenset({"agus"})


@cache
def load_resources() -> EntityResources:
    """Read the entity stage's word lists once per process."""
    # A third-person pronoun with the clitic scraped text glues on ("Iapun", "Beliaulah") is
    # still a pronoun, never a name (other persons' forms can be names: "Kamilah").
    third = [p for p, (person, _) in lang_id.pronouns().items() if person == 3]
    pronouns = (
        frozenset(lang_id.pronouns())
        | _words("pronouns.txt")
        | {p + clitic for p in third for clitic in ("pun", "lah")}
    )
    days = frozenset(d.lower() for d in lang_id.days())
    months = frozenset(m.lower() for m in lang_id.months()) - _MONTHS_ALSO_NAMES
    dates = days | months | _words("time_words.txt")
    function_words = _words("function_words.txt")
    return EntityResources(
        honorifics=_words("honorifics.txt"),
        role_nouns=_words("role_nouns.txt") | lang_id.ranks() | lang_id.office_titles(),
        role_words=_words("role_words.txt"),
        function_words=function_words,
        pronouns=pronouns,
        dates=dates,
        never_alone=pronouns | dates | function_words,
        place_qualifiers=_words("place_qualifiers.txt"),
        acronyms=_acronyms(),
        seats=_seats(),
        place_cues=_words("place_cues.txt"),
        presidency_words=_words("presidency_words.txt"),
    )


# Police and military ranks that are never the last word of a place or body; "kopral" and
# "sersan" have always been left out here (they stay role nouns).
_RANKS_NOT_LAST = frozenset({"kopral", "sersan"})


@cache
def ranks() -> frozenset[str]:
    """Police and military ranks written before a name, never the last word of a place or body
    ("Kapolres Bantul AKBP Budi" tagged "Bantul AKBP"), unlike other titles ("Kantor Presiden")."""
    return lang_id.ranks() - _RANKS_NOT_LAST


@cache
def same_place_words() -> frozenset[str]:
    """Words before a place name that still name that place ("dki", "republik")."""
    return _words("same_place_words.txt")


@cache
def name_prefixes() -> frozenset[str]:
    """Words that may open a person's full name and be left out of a shorter one: titles,
    "muhammad", East Asian family names ("andi", "muhammad", "lee")."""
    return _words("name_prefixes.txt")


@cache
def part_heads() -> frozenset[str]:
    """Nouns that head a body named after another name ("forum", "fraksi")."""
    return _words("part_heads.txt")


@cache
def name_particles() -> frozenset[str]:
    """Lower-case words inside a person's name ("bin", "de", "van")."""
    return _words("name_particles.txt")
