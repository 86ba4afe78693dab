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
    "boilerplate_rules",
    "camel_names",
    "citation_cues",
    "function_words",
    "id_words",
    "redup_lexicon",
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
def camel_names() -> frozenset[str]:
    """Names written in camel case on purpose (TikTok, YouTube, NasDem), lower case."""
    return frozenset(w.lower() for w in _word_lines("camel_names.txt"))


@cache
def function_words() -> frozenset[str]:
    return frozenset(_word_lines("function_words.txt"))


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
