"""Indonesian language data shared by the stages: the word lists in ``lang/id/*.txt``.

Each list is written once here; a stage that needs only part of one filters it. The
files follow the conventions of the stages' ``resources/``: ``#`` comment lines (a header
says what the list is), one entry per line, tab-separated fields where an entry carries
data, lower case where matching is case-insensitive, and words as written (capitalised)
where case matters.

Nothing is read at import time: each loader reads its file on first call and keeps the
result for the life of the process (one copy per worker).

Example:
    >>> days()["Ahad"], months()["Agt"], numbers()["sebelas"]
    (7, 8, 11)
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from warta.errors import ResourceError

__all__ = [
    "days",
    "degree_adverbs",
    "function_words",
    "lines",
    "months",
    "noun_prefixes",
    "numbers",
    "office_titles",
    "outlets",
    "particles",
    "parts_of_day",
    "pronouns",
    "ranks",
    "read_text",
    "readable_time",
    "rows",
    "verb_prefixes",
    "words",
]

PACKAGE = "warta.lang.id"


def read_text(name: str) -> str:
    """The text of ``lang/id/<name>``.

    Raises:
        ResourceError: the file is not in the installed package.
    """
    try:
        return resources.files(PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(f"packaged language data missing: lang/id/{name}") from exc


def lines(name: str) -> list[str]:
    """The entries of a list, in file order and case: non-empty lines without ``#`` comment
    lines, stripped. An empty list is a packaging error."""
    out = [ln.strip() for ln in read_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    if not out:
        raise ResourceError(f"packaged language data is empty: lang/id/{name}")
    return out


def rows(name: str, width: int) -> list[tuple[str, ...]]:
    """The entries of a tab-separated list, each as its ``width`` fields."""
    out = []
    for line in lines(name):
        fields = tuple(f.strip() for f in line.split("\t"))
        if len(fields) != width or not all(fields):
            raise ResourceError(f"lang/id/{name}: bad line {line!r} (want {width} tab-separated fields)")
        out.append(fields)
    return out


def words(name: str) -> frozenset[str]:
    """The entries of a one-column list, lower case."""
    return frozenset(ln.lower() for ln in lines(name))


@cache
def days() -> dict[str, int]:
    """Day name as written ("Senin", "Jum'at", "Ahad") -> ISO weekday (Monday = 1)."""
    return {name: int(n) for name, n in rows("days.txt", 2)}


@cache
def months() -> dict[str, int]:
    """Month name or abbreviation as written ("Januari", "Agt", "Nopember") -> month number."""
    return {name: int(n) for name, n in rows("months.txt", 2)}


@cache
def numbers() -> dict[str, int]:
    """Number word ("satu", "sebelas", "seratus") -> value; scale words are not in it."""
    return {word: int(n) for word, n in rows("numbers.txt", 2)}


@cache
def pronouns() -> dict[str, tuple[int, str]]:
    """Personal pronoun -> (person, number): ``"mereka" -> (3, "pl")``."""
    return {word: (int(person), number) for word, person, number in rows("pronouns.txt", 3)}


@cache
def ranks() -> frozenset[str]:
    """Police and military ranks, one word each ("akbp", "kombes", "kapten"), lower case."""
    return words("ranks.txt")


@cache
def office_titles() -> frozenset[str]:
    """Abbreviated office titles written as one word ("menkeu", "kapolda", "kajati"), with
    the deputy form of a minister's ("wamenkeu"), lower case."""
    listed = words("office_titles.txt")
    return listed | {"wa" + w for w in listed if w.startswith("men")}


@cache
def particles() -> frozenset[str]:
    """Discourse particles of informal Indonesian ("dong", "sih", "kok"), lower case."""
    return words("particles.txt")


@cache
def verb_prefixes() -> dict[str, tuple[str, ...]]:
    """Verb prefix -> what the root may start with in its place: ``""`` for nothing (``mem``
    + ``beli``), or the letter its nasal replaced (``mem`` + ``pukul`` -> ``memukul``):
    ``{"memper": ("",), ..., "mem": ("", "p"), ...}``, in file order."""
    return {
        prefix: tuple("" if s == "-" else s for s in starts.split())
        for prefix, starts in rows("verb_prefixes.txt", 2)
    }


@cache
def noun_prefixes() -> tuple[str, ...]:
    """Prefixes of the ke-an, pe-an, peN-an and per-an nouns ("ke", "peng"), longest first."""
    return tuple(sorted(words("noun_prefixes.txt"), key=lambda p: (-len(p), p)))


@cache
def degree_adverbs() -> frozenset[str]:
    """Adverbs of degree ("semakin", "sangat", "terlalu"), lower case."""
    return words("degree_adverbs.txt")


@cache
def function_words() -> frozenset[str]:
    """Indonesian function words, lower case (``function_words.txt``, built by ``warta build
    resources clean`` from the stop-word lexicon)."""
    return frozenset(w.lower() for w in lines("function_words.txt"))


@cache
def outlets() -> tuple[str, ...]:
    """News outlets as they sign datelines ("KOMPAS.com", "Liputan6.com"), as written."""
    return tuple(lines("outlets.txt"))


@cache
def parts_of_day() -> dict[str, str]:
    """TimeML part-of-day code ("NI") -> the word a report shows for it ("malam")."""
    return {code: word for code, word in rows("parts_of_day.txt", 2)}


def readable_time(value: str) -> str:
    """A TIMEX3 value as a report shows it: the part of the day in words, not in its code.

    Example:
        >>> readable_time("2022-02-20TNI"), readable_time("2022-02-20T14:30")
        ('2022-02-20 malam', '2022-02-20T14:30')
    """
    head, sep, code = value.rpartition("T")
    word = parts_of_day().get(code) if sep and head else None
    return f"{head} {word}" if word else value
