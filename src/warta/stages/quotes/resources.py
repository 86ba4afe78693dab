"""Lazy, cached loaders for the quote stage's word lists (``resources/``)."""

from __future__ import annotations

import re
from functools import cache

from warta.resources import resource_lines

__all__ = [
    "anonymous_heads",
    "cue_pattern",
    "cue_verbs",
    "days",
    "definite_markers",
    "discourse_words",
    "lead_words",
    "name_openers",
    "not_speech_words",
    "object_verbs",
    "opener_words",
    "org_heads",
    "passive_cues",
    "place_types",
    "plural_words",
    "predicate_words",
    "pronouns",
    "ranks",
    "reporting_alternation",
    "reporting_pattern",
    "reporting_verbs",
    "role_words",
    "statement_nouns",
    "stop_words",
]


def _lines(name: str) -> list[str]:
    return resource_lines("quotes", name)


@cache
def cue_verbs() -> frozenset[str]:
    """Bare cue roots ("kata", "ujar"); ``-nya`` forms are derived by the caller."""
    return frozenset(_lines("cue_verbs.txt"))


@cache
def object_verbs() -> frozenset[str]:
    """Reporting verbs that also take a noun object ("menjelaskan alasan penundaan")."""
    return frozenset(_lines("object_verbs.txt"))


@cache
def org_descriptors() -> tuple[tuple[str, ...], ...]:
    """Common nouns before an organisation's name ("surat kabar", "kantor berita"), as word
    tuples, longest first."""
    return tuple(sorted((tuple(x.split()) for x in _lines("org_descriptors.txt")), key=len, reverse=True))


@cache
def object_openers() -> frozenset[str]:
    """First words of a noun object after a reporting verb ("soal", "pentingnya")."""
    return frozenset(_lines("object_openers.txt"))


@cache
def not_said_words() -> frozenset[str]:
    """Words before a reporting verb that negate it or make it a purpose ("tak", "untuk")."""
    return frozenset(_lines("not_said.txt"))


@cache
def predicate_words() -> frozenset[str]:
    """Words that mark a clause's predicate ("akan", "sudah", "tidak", "adalah")."""
    return frozenset(_lines("predicates.txt"))


@cache
def opener_words() -> frozenset[str]:
    """Words of sentence-opening adverbials ("Sebelumnya", "Sementara itu", "Di sisi lain")."""
    return frozenset(_lines("openers.txt"))


@cache
def passive_cues() -> frozenset[str]:
    return frozenset(_lines("passive_cues.txt"))


@cache
def reporting_verbs() -> frozenset[str]:
    return frozenset(_lines("reporting_verbs.txt"))


@cache
def pronouns() -> dict[str, str]:
    """Pronoun -> number (``sg``/``pl``)."""
    out: dict[str, str] = {}
    for line in _lines("pronouns.txt"):
        word, _, number = line.partition("\t")
        out[word] = number.strip() or "sg"
    return out


@cache
def anonymous_heads() -> tuple[str, ...]:
    return tuple(sorted(_lines("anonymous.txt"), key=len, reverse=True))


@cache
def definite_markers() -> frozenset[str]:
    return frozenset(_lines("definite.txt"))


@cache
def statement_nouns() -> tuple[str, ...]:
    return tuple(sorted(_lines("statement_nouns.txt"), key=len, reverse=True))


@cache
def not_speech_words() -> frozenset[str]:
    return frozenset(_lines("not_speech.txt"))


@cache
def role_words() -> frozenset[str]:
    return frozenset(w for line in _lines("role_words.txt") for w in line.split())


@cache
def org_heads() -> frozenset[str]:
    return frozenset(_lines("org_heads.txt"))


@cache
def ranks() -> tuple[tuple[str, ...], ...]:
    """Ranks and honorifics as token tuples, longest first."""
    return tuple(sorted((tuple(r.split()) for r in _lines("ranks.txt")), key=len, reverse=True))


def _alternation(words: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def cue_pattern() -> re.Pattern[str]:
    """A cue right after a closing quote mark: ``, kata`` / ``ujarnya`` / ``ditambahkan``."""
    roots = _alternation(cue_verbs())
    passive = _alternation(passive_cues())
    return re.compile(
        rf"[ \t]*(?:,[ \t]*)?(?P<cue>(?:(?:{roots})(?P<nya>nya)?|(?:{passive})|menurutnya|(?P<verb>{_alternation(reporting_verbs())})))\b",
        re.IGNORECASE,
    )


@cache
def reporting_alternation() -> str:
    """The reporting verbs as one regex alternation, longest first."""
    return _alternation(reporting_verbs())


@cache
def reporting_pattern() -> re.Pattern[str]:
    """A reporting verb anywhere in a text (subject before it: "Budi mengatakan, ...")."""
    return re.compile(rf"\b(?:{reporting_alternation()})\b")


@cache
def stop_words() -> frozenset[str]:
    return frozenset(_lines("stop_words.txt"))


@cache
def discourse_words() -> frozenset[str]:
    return frozenset(_lines("discourse.txt"))


@cache
def days() -> frozenset[str]:
    return frozenset(_lines("days.txt"))


@cache
def place_types() -> frozenset[str]:
    return frozenset(_lines("place_types.txt"))


@cache
def lead_words() -> frozenset[str]:
    """Connectives that open a sentence before its subject ("sementara", "namun")."""
    return frozenset(_lines("leads.txt"))


@cache
def plural_words() -> frozenset[str]:
    """Words before an anonymous head that make it plural or vague ("para", "sejumlah")."""
    return frozenset(_lines("plural.txt"))


@cache
def name_openers() -> frozenset[str]:
    """Words that open personal names ("Muhammad", "I Gusti", "Lalu")."""
    return frozenset(_lines("name_openers.txt"))
